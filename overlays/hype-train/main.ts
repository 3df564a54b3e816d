import { bootOverlay } from '../../src/boot/boot.js';
import { hypeTrainOverlay } from '../../src/overlays/hype-train-overlay.js';

void bootOverlay(hypeTrainOverlay);
