import { subathonParamDocs, subathonSchema } from '../config/subathon-config.js';
import { eventScopes } from './event-scopes.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const subathonEntry: OverlayEntry<typeof subathonSchema> = {
  name: 'subathon',
  title: 'Subathon timer',
  // The alert box's scopes, so one token serves it and the other EventSub overlays; each only turns its events on.
  scopes: eventScopes('extensions of the timer'),
  schema: subathonSchema,
};

export const subathonGuide: OverlayGuide<typeof subathonSchema> = {
  about: 'A countdown that subs, gifts, bits (and, if you like, follows and raids) extend; it survives reloads and OBS restarts, and the dock starts, pauses and extends it.',
  obs: { width: 500, height: 100, advice: 'Needs the broadcaster’s own token. Several timer sources show the same clock.' },
  paramDocs: subathonParamDocs,
  fieldGroups: [
    { title: 'Time per event', keys: ['tier1', 'tier2', 'tier3', 'gift', 'bits100', 'follow', 'raid', 'multiplier', 'capHours'] },
    { title: 'Clock', keys: ['length', 'start', 'overtime', 'endingText', 'fontSize', 'color'] },
  ],
};
