import { creditsParamDocs, creditsSchema } from '../config/credits-config.js';
import { eventScopes } from './event-scopes.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const creditsEntry: OverlayEntry<typeof creditsSchema> = {
  name: 'credits',
  title: 'End credits',
  // The alert box's scopes, so one token serves it and the other EventSub overlays; each only turns its section on.
  scopes: eventScopes('sections'),
  schema: creditsSchema,
};

export const creditsGuide: OverlayGuide<typeof creditsSchema> = {
  about: 'End credits that roll this stream’s followers, subs, gifters, cheerers, raiders and chatters, names summed, when you say so or when the stream ends.',
  obs: { width: 1920, height: 1080, advice: 'Needs the broadcaster’s own token. Roll them from the dock, with `roll`, or let the end of the stream do it.' },
  paramDocs: creditsParamDocs,
};
