import { pollParamDocs, pollSchema } from '../config/poll-config.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const pollEntry: OverlayEntry<typeof pollSchema> = {
  name: 'poll',
  title: 'Poll overlay',
  // Each turns one kind on; the overlay needs at least one of the kinds it is asked to show.
  scopes: [
    { scope: 'channel:read:polls', required: false, why: 'shows your polls', alternatives: ['channel:manage:polls'] },
    { scope: 'channel:read:predictions', required: false, why: 'shows your predictions', alternatives: ['channel:manage:predictions'] },
  ],
  schema: pollSchema,
};

export const pollGuide: OverlayGuide<typeof pollSchema> = {
  about: 'The live poll or prediction with a bar per choice, its countdown, then the result with the winner highlighted.',
  obs: { width: 600, height: 400, advice: 'Needs the broadcaster’s own token.' },
  paramDocs: pollParamDocs,
};
