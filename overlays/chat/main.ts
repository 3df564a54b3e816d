import { bootOverlay } from '../../src/boot/boot.js';
import { chatOverlay } from '../../src/overlays/chat-overlay.js';

void bootOverlay(chatOverlay);
