import { goalParamDocs, goalSchema } from '../config/goal-config.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const goalEntry: OverlayEntry<typeof goalSchema> = {
  name: 'goal',
  title: 'Goal overlay',
  scopes: [{ scope: 'channel:read:goals', required: true, why: 'reads your creator goal and follows its progress' }],
  schema: goalSchema,
};

export const goalGuide: OverlayGuide<typeof goalSchema> = {
  about: 'A progress bar for your creator goal (followers, subs, new subs, bits), right from the start and after every step; hidden while there is none.',
  obs: { width: 800, height: 120, advice: 'Needs the broadcaster’s own token.' },
  paramDocs: goalParamDocs,
};
