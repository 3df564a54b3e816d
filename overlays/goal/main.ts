import { bootOverlay } from '../../src/overlay/boot.js';
import { goalOverlay } from '../../src/overlays/goal-overlay.js';

void bootOverlay(goalOverlay);
