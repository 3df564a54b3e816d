import { bootOverlay } from '../../src/boot/boot.js';
import { pollOverlay } from '../../src/overlays/poll-overlay.js';

void bootOverlay(pollOverlay);
