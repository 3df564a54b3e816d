import { labelParamDocs, type labelSchema } from '../config/label-config.js';
import { LABELS } from '../components/label/label-tally.js';
import { eventScopes } from './event-scopes.js';
import { labelPage } from './label-page.js';
import type { OverlayEntry } from './overlay-entry.js';
import type { OverlayGuide } from './overlay-guide.js';

export const labelEntry: OverlayEntry<typeof labelSchema> = {
  ...labelPage,
  // The alert box's scopes, so one token serves every label and the other EventSub overlays; each only turns its labels on.
  scopes: eventScopes('labels'),
};

/** A call marked pure: its advice is built from the list of labels, and the connection's code, which imports labelEntry, carries none of it. */
export const labelGuide: OverlayGuide<typeof labelSchema> = /* @__PURE__ */ (() => ({
  about: 'One line of text: the latest follower, sub, cheer, raid or gift, the top cheerer or gifter, a count of this stream, or your goal’s progress. Add one source per label.',
  obs: { width: 600, height: 60, advice: `One label per Browser Source, as many as you like: they share one connection. Needs the broadcaster’s own token. Shows: ${LABELS.join(', ')}.` },
  paramDocs: labelParamDocs,
}))();
