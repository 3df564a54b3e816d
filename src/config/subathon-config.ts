import { param, type ParamDocs } from './schema.js';

const minutes = (def: number) => param.number(def, { min: 0, max: 24 * 60 });

/** URL parameters of the subathon timer; amounts are minutes (decimals allowed: 0.5 is 30 seconds). */
export const subathonSchema = {
  token: param.string('', { secret: true, required: true }),
  length: param.number(60, { min: 0, max: 7 * 24 * 60 }),
  start: param.enum(['first-event', 'now'] as const, 'first-event'),
  tier1: minutes(5),
  tier2: minutes(10),
  tier3: minutes(25),
  gift: minutes(5),
  bits100: minutes(1),
  follow: minutes(0),
  raid: minutes(0),
  multiplier: param.number(1, { min: 0, max: 10 }),
  capHours: param.number(0, { min: 0, max: 24 * 30 }),
  overtime: param.bool(false),
  endingText: param.string('Subathon over!'),
  fontSize: param.int(64, { min: 8, max: 300 }),
  color: param.color('#ffffff'),
};

/** What each parameter of the subathon timer does: for the URL builder and the README, not the overlay page. */
export const subathonParamDocs: ParamDocs<typeof subathonSchema> = {
  token: 'The broadcaster’s token; the sub, bits and follower scopes turn their events on. `#fragment` only.',
  length: 'Minutes on the clock at the start.',
  start: '`first-event`: the clock starts with the first event that adds time (or Start timer in the dock); `now`: at once.',
  tier1: 'Minutes per tier 1 sub or resub.',
  tier2: 'Minutes per tier 2 sub or resub.',
  tier3: 'Minutes per tier 3 sub or resub.',
  gift: 'Minutes per gifted sub (a gift bomb of 50 adds 50 times this, once).',
  bits100: 'Minutes per 100 bits, in proportion (150 bits: one and a half times this).',
  follow: 'Minutes per follow (usually 0).',
  raid: 'Minutes per raid, whatever its size (usually 0).',
  multiplier: 'Every event’s time is multiplied by this: 2 for a happy hour.',
  capHours: 'The longest the subathon may run in all, start length included, in hours; events add nothing past it (0: no cap).',
  overtime: 'At zero, events still add time and start the clock again; without it the timer stops counting them.',
  endingText: 'What shows at zero.',
  fontSize: 'Text size in pixels.',
  color: 'Text colour.',
};
