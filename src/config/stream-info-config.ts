import { param, type ParamDocs } from './schema.js';
import { LOGIN } from './string-formats.js';

/** URL parameters of the stream-info overlay. */
export const streamInfoSchema = {
  channel: param.string('', { required: true, format: LOGIN }),
  token: param.string('', { secret: true, required: true }),
  show: param.list(['viewers', 'uptime', 'game', 'title'], ['viewers', 'uptime', 'game', 'title']),
  interval: param.int(30, { min: 10, max: 600 }),
  titleOverflow: param.enum(['ellipsis', 'marquee'] as const, 'ellipsis'),
  offlineText: param.string('Offline'),
  fontSize: param.int(24, { min: 8, max: 160 }),
};

/** What each parameter of the stream-info overlay does: for the URL builder and the README, not the overlay page. */
export const streamInfoParamDocs: ParamDocs<typeof streamInfoSchema> = {
  channel: 'Twitch channel to follow: its login or link (`twitch.tv/…`).',
  token: 'User token (any scopes): Helix needs one. `#fragment` only.',
  show: 'What to show, in order: viewers, uptime, game, title.',
  interval: 'Seconds between checks with Twitch (the uptime ticks every second regardless).',
  titleOverflow: 'A title too long for the row: `ellipsis` cuts it with …, `marquee` scrolls it back and forth (cut instead under reduced motion).',
  offlineText: 'Shown while the channel is offline; empty shows nothing.',
  fontSize: 'Text size in pixels.',
};
