import { param } from './schema.js';

/** URL parameters of the stream-info overlay. */
export const streamInfoSchema = {
  channel: param.string('Twitch channel to follow: its login or link (`twitch.tv/…`).', '', { required: true, format: 'login' }),
  token: param.string('User token (any scopes): Helix needs one. `#fragment` only.', '', { secret: true, required: true }),
  show: param.list('What to show, in order: viewers, uptime, game, title.', ['viewers', 'uptime', 'game', 'title'], ['viewers', 'uptime', 'game', 'title']),
  interval: param.int('Seconds between checks with Twitch (the uptime ticks every second regardless).', 30, { min: 10, max: 600 }),
  titleOverflow: param.enum('A title too long for the row: `ellipsis` cuts it with …, `marquee` scrolls it back and forth (cut instead under reduced motion).', ['ellipsis', 'marquee'] as const, 'ellipsis'),
  offlineText: param.string('Shown while the channel is offline; empty shows nothing.', 'Offline'),
  fontSize: param.int('Text size in pixels.', 24, { min: 8, max: 160 }),
};
