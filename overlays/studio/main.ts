import { bootOverlay } from '../../src/boot/boot.js';
import { studioOverlay } from '../../src/overlays/studio-overlay.js';

void bootOverlay(studioOverlay);
