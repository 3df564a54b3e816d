import { bootOverlay } from '../../src/boot/boot.js';
import { alertsOverlay } from '../../src/overlays/alerts-overlay.js';

void bootOverlay(alertsOverlay);
