import { bootOverlay } from '../../src/boot/boot.js';
import { emoteComboOverlay } from '../../src/overlays/emote-combo-overlay.js';

void bootOverlay(emoteComboOverlay);
