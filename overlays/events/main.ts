import { bootOverlay } from '../../src/boot/boot.js';
import { eventsOverlay } from '../../src/overlays/events-overlay.js';

void bootOverlay(eventsOverlay);
