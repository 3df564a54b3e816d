import { bootOverlay } from '../../src/boot/boot.js';
import { streamInfoOverlay } from '../../src/overlays/stream-info-overlay.js';

void bootOverlay(streamInfoOverlay);
