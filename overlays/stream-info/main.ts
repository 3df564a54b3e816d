import { bootOverlay } from '../../src/overlay/boot.js';
import { streamInfoOverlay } from '../../src/overlays/stream-info-overlay.js';

void bootOverlay(streamInfoOverlay);
