import { bootOverlay } from '../../src/boot/boot.js';
import { subathonOverlay } from '../../src/overlays/subathon-overlay.js';

void bootOverlay(subathonOverlay);
