import { bootOverlay } from '../../src/boot/boot.js';
import { dockOverlay } from '../../src/overlays/dock-overlay.js';

void bootOverlay(dockOverlay);
