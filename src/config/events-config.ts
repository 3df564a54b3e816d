import { param } from './schema.js';
import { EVENT_KINDS } from '../events/stream-event.js';

/** The longest list the page keeps: more would never fit a sidebar and only costs memory. */
export const MAX_LISTED_EVENTS = 100;

/** URL parameters of the event list. */
export const eventsSchema = {
  token: param.string('The broadcaster’s token; its scopes decide which events can be listed (see above). `#fragment` only.', '', { secret: true, required: true }),
  kinds: param.list('Kinds listed; empty for all.', [], EVENT_KINDS),
  max: param.int('Events shown, newest first; older ones drop off.', 10, { min: 1, max: MAX_LISTED_EVENTS }),
  mode: param.enum('`sidebar`: one event per row; `ticker`: one line scrolling sideways (still under reduced motion).', ['sidebar', 'ticker'] as const, 'sidebar'),
  followBurst: param.int('Follows within this many seconds of the newest row’s first follow fold into it ("N new followers"); 0: never.', 10, { min: 0, max: 600 }),
  tickerSeconds: param.int('Seconds the ticker takes to scroll its line once.', 30, { min: 5, max: 600 }),
  fontSize: param.int('Text size in pixels.', 24, { min: 8, max: 160 }),
};
