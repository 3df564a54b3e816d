import { bootOverlay } from '../../src/overlay/boot.js';
import { alertsOverlay } from '../../src/overlays/alerts-overlay.js';

void bootOverlay(alertsOverlay);
