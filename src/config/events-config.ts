import { param, type ParamDocs } from './schema.js';
import { EVENT_KINDS } from '../domain/stream-event.js';

/** The longest list the page keeps: more would never fit a sidebar and only costs memory. */
export const MAX_LISTED_EVENTS = 100;

/** URL parameters of the event list. */
export const eventsSchema = {
  token: param.string('', { secret: true, required: true }),
  kinds: param.list([], EVENT_KINDS),
  max: param.int(10, { min: 1, max: MAX_LISTED_EVENTS }),
  mode: param.enum(['sidebar', 'ticker'] as const, 'sidebar'),
  followBurst: param.int(10, { min: 0, max: 600 }),
  tickerSeconds: param.int(30, { min: 5, max: 600 }),
  fontSize: param.int(24, { min: 8, max: 160 }),
};

/** What each parameter of the event list does: for the URL builder and the README, not the overlay page. */
export const eventsParamDocs: ParamDocs<typeof eventsSchema> = {
  token: 'The broadcaster’s token; its scopes decide which events can be listed (see above). `#fragment` only.',
  kinds: 'Kinds listed; empty for every alert kind (`stream-online` and `stream-offline` only when named).',
  max: 'Events shown, newest first; older ones drop off.',
  mode: '`sidebar`: one event per row; `ticker`: one line scrolling sideways (still under reduced motion).',
  followBurst: 'Follows within this many seconds of the newest row’s first follow fold into it ("N new followers"); 0: never.',
  tickerSeconds: 'Seconds the ticker takes to scroll its line once.',
  fontSize: 'Text size in pixels.',
};
