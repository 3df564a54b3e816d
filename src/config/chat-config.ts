import { param } from './schema.js';

/** URL parameters of the chat overlay. One source of truth for parsing, the builder and the README. */
export const chatSchema = {
  channel: param.string(
    'Twitch channel to show: its login (e.g. `shroud`) or link (`twitch.tv/shroud`); several comma-separated (`a,b,c`, up to 10) show their chats in one list, each line marked with its channel.',
    '',
    { required: true, format: 'logins' },
  ),
  token: param.string('Optional user token: badges from Twitch itself and cheers drawn as cheermote images; with `chat:read` chat logs in as its user. `#fragment` only.', '', { secret: true }),
  maxMessages: param.int('Lines kept on screen; the oldest leave first.', 50, { min: 1, max: 500 }),
  animateEntry: param.bool('Slide new lines in. Costs some CPU in OBS; see the benchmark notes.'),
  fadeAfter: param.number('Seconds before a line fades out; 0 keeps lines until pushed out.', 0, { min: 0, max: 3600 }),
  hideBots: param.list('Logins whose messages are hidden, comma-separated (e.g. `nightbot,streamelements`).'),
  hideCommands: param.bool('Hide messages that start with `!`.'),
  hideNotices: param.bool('Hide sub, raid and announcement notices.'),
  shared: param.enum(
    'Shared Chat (channels joined for a collaboration): `show` other channels\' lines with a marker of their channel, `hide` the marker, or `own-only` to show only lines sent in this channel.',
    ['show', 'hide', 'own-only'] as const,
    'show',
  ),
  emotes: param.list('Third-party emote services to show, comma-separated; empty for none.', ['7tv', 'bttv', 'ffz'], ['7tv', 'bttv', 'ffz']),
  badges: param.list(
    'Badge sources, in the order drawn: `twitch` (global and channel badges, no token needed), `ffz`, `bttv`, `7tv` (bot, supporter and subscriber badges of those services); empty for none.',
    ['twitch'],
    ['twitch', 'ffz', 'bttv', '7tv'],
  ),
  paints: param.bool('Draw 7TV name paints (the gradient or image a chatter chose for their name).'),
  pronouns: param.bool('Show chatters\' pronouns after their names (from alejo.io, as set by each chatter).'),
  bigEmotes: param.bool('Draw messages that are only emotes with large emotes.'),
  maxEmotes: param.int('Emotes shown per line at most, against emote spam; 0 for no limit.', 0, { min: 0, max: 500 }),
  emoteTheme: param.enum('Twitch emote variant: for a dark or a light background.', ['dark', 'light'] as const, 'dark'),
  contrastBackground: param.color('Colour of the scene behind the chat, any CSS colour (`black`, `rgb(…)`, hex); name colours are adjusted to read well on it.', '#18181b'),
  theme: param.enum(
    'Look: `clean` (text over the scene), `boxed` (each line on a dark box), `bubbles` (chat bubbles), `high-contrast` (large bold text with an outline, for bright scenes). Custom CSS in OBS still wins.',
    ['clean', 'boxed', 'bubbles', 'high-contrast'] as const,
    'clean',
  ),
  font: param.string('Font family, as CSS names it (e.g. `Comic Neue, sans-serif`); the font must be installed or loaded by Custom CSS. Empty: the theme\'s.'),
  fontSize: param.int('Text size in pixels (default: the theme\'s, 20 for `clean`).', 20, { min: 8, max: 120 }),
  fontWeight: param.int('Text weight, 100 (thin) to 900 (black); names are always bold.', 400, { min: 100, max: 900 }),
  lineSpacing: param.number('Line height, in multiples of the text size.', 1.35, { min: 1, max: 3 }),
  align: param.enum('Text alignment of the lines.', ['left', 'center', 'right'] as const, 'left'),
  animateExit: param.bool('Lines a moderator removes (deleted, timed out, cleared) fade out briefly instead of vanishing.'),
  outline: param.number('Outline around the text in pixels, for bright scenes; 0 for none (the soft shadow stays).', 0, { min: 0, max: 8 }),
  outlineColor: param.color('Colour of the outline.', '#000000'),
  lineBackground: param.color('Background behind each line (e.g. `rgba(0,0,0,0.5)`), for bright scenes.', 'transparent'),
};
