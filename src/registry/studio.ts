import { studioParamDocs, studioSchema } from '../config/studio-config.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const studioEntry: OverlayEntry<typeof studioSchema> = {
  name: 'studio',
  title: 'Studio',
  scopes: [],
  schema: studioSchema,
};

export const studioGuide: OverlayGuide<typeof studioSchema> = {
  about: 'Generated video out: a drawn scene and a tone, changed by chat (red, green, blue, a number in Hz), streamed to Twitch or any WHIP server and recorded locally, from this browser alone.',
  obs: {
    width: 1280,
    height: 720,
    advice: 'Open it in a browser tab (it streams by itself; keep the tab open), or as an OBS Custom Browser Dock. The endpoint and stream key stay after the #, or type them on the page.',
    dock: true,
  },
  paramDocs: studioParamDocs,
};
