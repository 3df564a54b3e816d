import { emoteWallParamDocs, emoteWallSchema } from '../config/emote-wall-config.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const emoteWallEntry: OverlayEntry<typeof emoteWallSchema> = {
  name: 'emote-wall',
  title: 'Emote wall',
  // Chat is read anonymously: no token.
  scopes: [],
  schema: emoteWallSchema,
};

export const emoteWallGuide: OverlayGuide<typeof emoteWallSchema> = {
  about: 'Every emote used in chat (Twitch, 7TV, BTTV, FFZ) flying across the screen: rising, falling, bouncing or bursting.',
  obs: { width: 1920, height: 1080, advice: 'The size of your canvas, over the scene.' },
  paramDocs: emoteWallParamDocs,
};
