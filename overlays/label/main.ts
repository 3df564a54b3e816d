import { bootOverlay } from '../../src/boot/boot.js';
import { labelOverlay } from '../../src/overlays/label-overlay.js';

void bootOverlay(labelOverlay);
