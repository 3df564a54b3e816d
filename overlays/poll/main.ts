import { bootOverlay } from '../../src/overlay/boot.js';
import { pollOverlay } from '../../src/overlays/poll-overlay.js';

void bootOverlay(pollOverlay);
