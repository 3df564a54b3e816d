import { bootOverlay } from '../../src/boot/boot.js';
import { emoteWallOverlay } from '../../src/overlays/emote-wall-overlay.js';

void bootOverlay(emoteWallOverlay);
