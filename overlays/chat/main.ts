import { bootOverlay } from '../../src/overlay/boot.js';
import { chatOverlay } from '../../src/overlays/chat-overlay.js';

void bootOverlay(chatOverlay);
