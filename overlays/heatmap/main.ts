import { bootOverlay } from '../../src/boot/boot.js';
import { heatmapOverlay } from '../../src/overlays/heatmap-overlay.js';

void bootOverlay(heatmapOverlay);
