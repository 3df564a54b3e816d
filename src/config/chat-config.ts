import { param, type ParamDocs } from './schema.js';
import { LOGINS } from './string-formats.js';

/**
 * The parameters of every overlay that reads chat (the chat overlay, the emote wall, the emote
 * combos): which channels, which third-party emotes, whose lines to leave out.
 */
const channel = param.string('', { required: true, format: LOGINS });
const emotes = param.list(['7tv', 'bttv', 'ffz'], ['7tv', 'bttv', 'ffz']);
const hideBots = param.list();
export const chatReadingSchema = { channel, emotes, hideBots };

export const chatReadingParamDocs: ParamDocs<typeof chatReadingSchema> = {
  channel: 'Twitch channel to read: its login (e.g. `shroud`) or link (`twitch.tv/shroud`); several, comma-separated, are shown together.',
  emotes: 'Third-party emote services to show, comma-separated; empty for none.',
  hideBots: 'Logins whose messages are left out, comma-separated (e.g. `nightbot,streamelements`).',
};

/** URL parameters of the chat overlay. One source of truth for parsing, the builder and the README. */
export const chatSchema = {
  channel,
  token: param.string('', { secret: true }),
  maxMessages: param.int(50, { min: 1, max: 500 }),
  history: param.int(0, { min: 0, max: 100 }),
  animateEntry: param.bool(),
  fadeAfter: param.number(0, { min: 0, max: 3600 }),
  hideBots,
  hideCommands: param.bool(),
  hideNotices: param.bool(),
  shared: param.enum(['show', 'hide', 'own-only'] as const, 'show'),
  emotes,
  badges: param.list(['twitch'], ['twitch', 'ffz', 'bttv', '7tv']),
  paints: param.bool(),
  pronouns: param.bool(),
  bigEmotes: param.bool(),
  maxEmotes: param.int(0, { min: 0, max: 500 }),
  emoteTheme: param.enum(['dark', 'light'] as const, 'dark'),
  contrastBackground: param.color('#18181b'),
  theme: param.enum(['clean', 'boxed', 'bubbles', 'high-contrast'] as const, 'clean'),
  font: param.string(),
  fontSize: param.int(20, { min: 8, max: 120 }),
  fontWeight: param.int(400, { min: 100, max: 900 }),
  lineSpacing: param.number(1.35, { min: 1, max: 3 }),
  align: param.enum(['left', 'center', 'right'] as const, 'left'),
  animateExit: param.bool(),
  outline: param.number(0, { min: 0, max: 8 }),
  outlineColor: param.color('#000000'),
  lineBackground: param.color('transparent'),
};

/**
 * What each parameter of the chat overlay does: for the URL builder and the README, not the
 * overlay page. Built by a call marked pure: the bundler would keep the reads of the shared
 * docs otherwise, and with them their text, in the chat page.
 */
export const chatParamDocs: ParamDocs<typeof chatSchema> = /* @__PURE__ */ (() => ({
  channel: chatReadingParamDocs.channel,
  token: 'Optional user token: badges from Helix and cheermote images; with `chat:read` chat logs in as its user. `#fragment` only.',
  maxMessages: 'Lines kept on screen; the oldest leave first.',
  history:
    'Lines of recent chat (up to 100) shown at start, from the public recent-messages service (<https://recent-messages.robotty.de/>); 0 for none. Off by default: turning it on asks that service for your channel\'s chat.',
  animateEntry: 'Slide new lines in. Costs some CPU in OBS; see the benchmark notes.',
  fadeAfter: 'Seconds before a line fades out; 0 keeps lines until pushed out.',
  hideBots: chatReadingParamDocs.hideBots,
  hideCommands: 'Hide messages that start with `!`.',
  hideNotices: 'Hide sub, raid and announcement notices.',
  shared: 'Shared Chat: `show` other channels\' lines marked, `hide` the mark, `own-only`: this channel\'s lines only.',
  emotes: chatReadingParamDocs.emotes,
  badges: 'Badges to show, in order: `twitch` (no token needed), `ffz`, `bttv`, `7tv`; empty for none.',
  paints: 'Draw 7TV name paints.',
  pronouns: 'Show pronouns after names (alejo.io).',
  bigEmotes: 'Large emotes in emote-only messages.',
  maxEmotes: 'Emotes shown per line at most; 0 for no limit.',
  emoteTheme: 'Twitch emote variant: for a dark or a light background.',
  contrastBackground: 'Colour of the scene behind the chat, any CSS colour (`black`, `rgb(…)`, hex); name colours are adjusted to read well on it.',
  theme: 'Look: `clean`, `boxed` (lines on boxes), `bubbles`, `high-contrast` (large, outlined, for bright scenes).',
  font: 'Font family, e.g. `Comic Neue, sans-serif` (installed, or loaded by Custom CSS).',
  fontSize: 'Text size in pixels (unset: the theme\'s).',
  fontWeight: 'Text weight, 100 to 900.',
  lineSpacing: 'Line height, in text sizes.',
  align: 'Text alignment.',
  animateExit: 'Lines a moderator removes fade out instead of vanishing.',
  outline: 'Outline around the text in pixels, for bright scenes; 0 for none (the soft shadow stays).',
  outlineColor: 'Colour of the outline.',
  lineBackground: 'Background behind each line (e.g. `rgba(0,0,0,0.5)`), for bright scenes.',
}))();
