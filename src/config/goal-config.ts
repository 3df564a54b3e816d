import { param } from './schema.js';

/** Goal types as EventSub names them (twitch-protocols.md §3.5; Helix says `follower` for `follow`). */
export const GOAL_TYPES = ['follow', 'subscription', 'subscription_count', 'new_subscription', 'new_subscription_count', 'new_bit', 'new_cheerer'] as const;

/** URL parameters of the goal bar. */
export const goalSchema = {
  token: param.string('The broadcaster’s token with `channel:read:goals`. `#fragment` only.', '', { secret: true, required: true }),
  types: param.list('Goal types to show; empty for any (the newest goal wins).', [], GOAL_TYPES),
  hideAfter: param.int('Seconds the bar stays, showing the result, after a goal ends; 0 hides it at once.', 10, { min: 0, max: 3600 }),
  barColor: param.color('Colour of the filled part of the bar.', '#9147ff'),
  fontSize: param.int('Text size in pixels.', 24, { min: 8, max: 160 }),
};
