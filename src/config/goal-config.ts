import { param, type ParamDocs } from './schema.js';

/** Goal types as EventSub names them (twitch-protocols.md §3.5; Helix says `follower` for `follow`). */
export const GOAL_TYPES = ['follow', 'subscription', 'subscription_count', 'new_subscription', 'new_subscription_count', 'new_bit', 'new_cheerer'] as const;

/** URL parameters of the goal bar. */
export const goalSchema = {
  token: param.string('', { secret: true, required: true }),
  types: param.list([], GOAL_TYPES),
  hideAfter: param.int(10, { min: 0, max: 3600 }),
  barColor: param.color('#9147ff'),
  fontSize: param.int(24, { min: 8, max: 160 }),
};

/** What each parameter of the goal bar does: for the URL builder and the README, not the overlay page. */
export const goalParamDocs: ParamDocs<typeof goalSchema> = {
  token: 'The broadcaster’s token with `channel:read:goals`. `#fragment` only.',
  types: 'Goal types to show; empty for any (the newest goal wins).',
  hideAfter: 'Seconds the bar stays, showing the result, after a goal ends; 0 hides it at once.',
  barColor: 'Colour of the filled part of the bar.',
  fontSize: 'Text size in pixels.',
};
