import { param } from './schema.js';

/** URL parameters of the alerts overlay. */
export const alertsSchema = {
  token: param.string('The broadcaster’s token with `channel:read:redemptions`. `#fragment` only.', '', { secret: true, required: true }),
  transport: param.enum('`eventsub` (Twitch’s live API) or `pubsub` (retired by Twitch on 2025-04-14; compatibility only).', ['eventsub', 'pubsub'] as const, 'eventsub'),
  duration: param.number('Seconds each alert stays.', 6, { min: 1, max: 120 }),
  maxWaiting: param.int('Alerts that may wait; beyond this the oldest waiting one is dropped.', 20, { min: 1, max: 500 }),
  template: param.string('Text of an alert: `{user}`, `{reward}`, `{cost}`, `{input}`.', '{user} redeemed {reward}'),
  templates: param.string('Per reward: `Reward title or id => template`, entries separated by `|`.'),
  rewards: param.list('Only these rewards (titles or ids) alert; empty for all.'),
  sound: param.string('Sound URL played with every alert; empty for none.'),
  sounds: param.string('Per reward: `Reward title or id => sound URL`, separated by `|`.'),
  volume: param.number('Sound and speech volume, 0–1.', 0.8, { min: 0, max: 1 }),
  speak: param.list('Rewards (titles or ids, `*` for all) whose viewer input is read aloud.'),
  fontSize: param.int('Text size in pixels.', 32, { min: 8, max: 160 }),
};
