import { bootOverlay } from '../../src/boot/boot.js';
import { creditsOverlay } from '../../src/overlays/credits-overlay.js';

void bootOverlay(creditsOverlay);
