import { streamInfoParamDocs, streamInfoSchema } from '../config/stream-info-config.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const streamInfoEntry: OverlayEntry<typeof streamInfoSchema> = {
  name: 'stream-info',
  title: 'Stream info overlay',
  // Helix takes no anonymous calls, but any user token will do.
  scopes: [],
  schema: streamInfoSchema,
};

export const streamInfoGuide: OverlayGuide<typeof streamInfoSchema> = {
  about: 'Viewer count, uptime, game and title of a channel, from Twitch, updated only when they change.',
  obs: { width: 1200, height: 80 },
  paramDocs: streamInfoParamDocs,
};
