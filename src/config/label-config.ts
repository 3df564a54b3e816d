import { param, type ParamDocs } from './schema.js';
import { LABELS } from '../components/label/label-tally.js';

/** URL parameters of a label. */
export const labelSchema = {
  token: param.string('', { secret: true, required: true }),
  show: param.enum(LABELS, 'latest-follower'),
  template: param.string(''),
  empty: param.string(''),
  animation: param.enum(['pop', 'none'] as const, 'pop'),
  fontSize: param.int(32, { min: 8, max: 160 }),
  color: param.color('#ffffff'),
};

/** What each parameter of a label does: for the URL builder and the README, not the overlay page. */
export const labelParamDocs: ParamDocs<typeof labelSchema> = {
  token: 'The broadcaster’s token; `bits:read` for cheers and the Bits leaderboard, the follower, sub and goal scopes for theirs. `#fragment` only.',
  show: 'What the label shows (see the list above).',
  template: 'The text, with `{name}`, `{amount}` (and for `goal`: `{current}`, `{target}`, `{percent}`, `{description}`); empty: the default for `show`.',
  empty: 'Text while there is nothing to show yet (no cheer this stream, say); empty: nothing.',
  animation: '`pop`: the new text pops in when the value changes (a fade under reduced motion); `none`: it just changes.',
  fontSize: 'Text size in pixels.',
  color: 'Text colour.',
};
