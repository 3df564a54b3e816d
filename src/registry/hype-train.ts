import { hypeTrainParamDocs, hypeTrainSchema } from '../config/hype-train-config.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const hypeTrainEntry: OverlayEntry<typeof hypeTrainSchema> = {
  name: 'hype-train',
  title: 'Hype train overlay',
  scopes: [{ scope: 'channel:read:hype_train', required: true, why: 'receives your hype train’s begin, progress and end' }],
  schema: hypeTrainSchema,
};

export const hypeTrainGuide: OverlayGuide<typeof hypeTrainSchema> = {
  about: 'The channel’s hype train while one runs: level, progress to the next level, time left and top contributors.',
  obs: { width: 600, height: 220, advice: 'Needs the broadcaster’s own token.' },
  paramDocs: hypeTrainParamDocs,
};
