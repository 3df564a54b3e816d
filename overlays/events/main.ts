import { bootOverlay } from '../../src/overlay/boot.js';
import { eventsOverlay } from '../../src/overlays/events-overlay.js';

void bootOverlay(eventsOverlay);
