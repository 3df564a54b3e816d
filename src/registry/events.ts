import { eventsParamDocs, eventsSchema } from '../config/events-config.js';
import { eventScopes } from './event-scopes.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const eventsEntry: OverlayEntry<typeof eventsSchema> = {
  name: 'events',
  title: 'Event list overlay',
  // The same scopes as the alert box: each only turns its kinds on.
  scopes: eventScopes('rows'),
  schema: eventsSchema,
};

export const eventsGuide: OverlayGuide<typeof eventsSchema> = {
  about: 'The latest stream events, newest first, each with its icon: a sidebar list or a one-line ticker, with the kinds you pick.',
  obs: { width: 400, height: 600, advice: 'As a one-line ticker (`mode=ticker`), make it 1920 × 60. Needs the broadcaster’s own token.' },
  paramDocs: eventsParamDocs,
};
