import { bootOverlay } from '../../src/boot/boot.js';
import { goalOverlay } from '../../src/overlays/goal-overlay.js';

void bootOverlay(goalOverlay);
