import { param } from './schema.js';

/** URL parameters of the chat overlay. One source of truth for parsing, the builder and the README. */
export const chatSchema = {
  channel: param.string(
    'Twitch channel to show: its login (e.g. `shroud`) or link (`twitch.tv/shroud`); several, comma-separated, share one list.',
    '',
    { required: true, format: 'logins' },
  ),
  token: param.string('Optional user token: badges from Helix and cheermote images; with `chat:read` chat logs in as its user. `#fragment` only.', '', { secret: true }),
  maxMessages: param.int('Lines kept on screen; the oldest leave first.', 50, { min: 1, max: 500 }),
  animateEntry: param.bool('Slide new lines in. Costs some CPU in OBS; see the benchmark notes.'),
  fadeAfter: param.number('Seconds before a line fades out; 0 keeps lines until pushed out.', 0, { min: 0, max: 3600 }),
  hideBots: param.list('Logins whose messages are hidden, comma-separated (e.g. `nightbot,streamelements`).'),
  hideCommands: param.bool('Hide messages that start with `!`.'),
  hideNotices: param.bool('Hide sub, raid and announcement notices.'),
  shared: param.enum(
    'Shared Chat: `show` other channels\' lines marked, `hide` the mark, `own-only`: this channel\'s lines only.',
    ['show', 'hide', 'own-only'] as const,
    'show',
  ),
  emotes: param.list('Third-party emote services to show, comma-separated; empty for none.', ['7tv', 'bttv', 'ffz'], ['7tv', 'bttv', 'ffz']),
  badges: param.list(
    'Badges to show, in order: `twitch` (no token needed), `ffz`, `bttv`, `7tv`; empty for none.',
    ['twitch'],
    ['twitch', 'ffz', 'bttv', '7tv'],
  ),
  paints: param.bool('Draw 7TV name paints.'),
  pronouns: param.bool('Show pronouns after names (alejo.io).'),
  bigEmotes: param.bool('Large emotes in emote-only messages.'),
  maxEmotes: param.int('Emotes shown per line at most; 0 for no limit.', 0, { min: 0, max: 500 }),
  emoteTheme: param.enum('Twitch emote variant: for a dark or a light background.', ['dark', 'light'] as const, 'dark'),
  contrastBackground: param.color('Colour of the scene behind the chat, any CSS colour (`black`, `rgb(…)`, hex); name colours are adjusted to read well on it.', '#18181b'),
  theme: param.enum(
    'Look: `clean`, `boxed` (lines on boxes), `bubbles`, `high-contrast` (large, outlined, for bright scenes).',
    ['clean', 'boxed', 'bubbles', 'high-contrast'] as const,
    'clean',
  ),
  font: param.string('Font family, e.g. `Comic Neue, sans-serif` (installed, or loaded by Custom CSS).'),
  fontSize: param.int('Text size in pixels (unset: the theme\'s).', 20, { min: 8, max: 120 }),
  fontWeight: param.int('Text weight, 100 to 900.', 400, { min: 100, max: 900 }),
  lineSpacing: param.number('Line height, in text sizes.', 1.35, { min: 1, max: 3 }),
  align: param.enum('Text alignment.', ['left', 'center', 'right'] as const, 'left'),
  animateExit: param.bool('Lines a moderator removes fade out instead of vanishing.'),
  outline: param.number('Outline around the text in pixels, for bright scenes; 0 for none (the soft shadow stays).', 0, { min: 0, max: 8 }),
  outlineColor: param.color('Colour of the outline.', '#000000'),
  lineBackground: param.color('Background behind each line (e.g. `rgba(0,0,0,0.5)`), for bright scenes.', 'transparent'),
};
