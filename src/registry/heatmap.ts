import { heatmapParamDocs, heatmapSchema } from '../config/heatmap-config.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const heatmapEntry: OverlayEntry<typeof heatmapSchema> = {
  name: 'heatmap',
  title: 'Click heatmap overlay',
  // A token (any) only looks up a login and viewers' names.
  scopes: [],
  schema: heatmapSchema,
};

export const heatmapGuide: OverlayGuide<typeof heatmapSchema> = {
  about: 'Where viewers click on the stream (Heat extension), as a heatmap that fades over time.',
  obs: { width: 1920, height: 1080, advice: 'The size of your canvas, over the video. Use the offset/scale settings if it does not cover exactly the video.' },
  paramDocs: heatmapParamDocs,
};
