import { bootOverlay } from '../../src/overlay/boot.js';
import { hypeTrainOverlay } from '../../src/overlays/hype-train-overlay.js';

void bootOverlay(hypeTrainOverlay);
