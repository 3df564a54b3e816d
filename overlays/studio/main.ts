import { bootOverlay } from '../../src/overlay/boot.js';
import { studioOverlay } from '../../src/overlays/studio-overlay.js';

void bootOverlay(studioOverlay);
