import { bootOverlay } from '../../src/overlay/boot.js';
import { heatmapOverlay } from '../../src/overlays/heatmap-overlay.js';

void bootOverlay(heatmapOverlay);
