import { chatSchema } from '../config/chat-config.js';
import type { ConfigOf } from '../config/schema.js';
import { chatEntry } from '../registry/chat.js';
import type { OverlayDefinition, OverlayEnv } from '../boot/boot.js';
import { assignConfig } from './assign-config.js';
import { connectChat, offline, startLookups } from './chat-connection.js';
import type { ChatFeed, OvlChat } from '../components/chat/ovl-chat.js';
import '../components/chat/ovl-chat.js';

type ChatConfig = ConfigOf<typeof chatSchema>;

// A font list as CSS writes it: names, quotes, commas and spaces only (it goes into a style).
const FONT_FAMILY = /^[\p{L}\p{N} ,'"_-]{1,200}$/u;

/**
 * The look parameters, as the element's custom properties. Each is set only when it differs
 * from its default, so a theme's own value (a larger size, an outline) stands unless the URL
 * asks for another.
 */
function applyLook(element: HTMLElement, config: ChatConfig, env: { note(text: string): void }): void {
  const given = <K extends keyof typeof chatSchema>(key: K) => config[key] !== chatSchema[key].default;
  const set = (property: string, value: string) => element.style.setProperty(`--ovl-chat-${property}`, value);
  if (given('fontSize')) set('font-size', `${config.fontSize}px`);
  if (given('outline')) set('outline-width', `${config.outline}px`);
  if (given('outlineColor')) set('outline-color', config.outlineColor);
  if (given('lineBackground')) set('line-background', config.lineBackground);
  if (given('fontWeight')) set('font-weight', String(config.fontWeight));
  if (given('lineSpacing')) set('line-height', String(config.lineSpacing));
  if (given('align')) set('align', config.align);
  element.dataset.align = config.align;
  if (FONT_FAMILY.test(config.font)) set('font', config.font);
  else if (config.font) env.note('font: ignored (only names, quotes, commas and spaces)');
}

/** The element with its settings and look (a theme loads with its module), showing `feed`. */
async function chatElement(config: ChatConfig, env: OverlayEnv, feed: ChatFeed, channelCount: number): Promise<OvlChat> {
  const element = document.createElement('ovl-chat');
  assignConfig(element, config, ['maxMessages', 'fadeAfter', 'animateEntry', 'hideBots', 'hideCommands', 'hideNotices', 'shared', 'bigEmotes', 'maxEmotes', 'contrastBackground', 'animateExit']);
  applyLook(element, config, env);
  if (config.theme !== 'clean') (await import('../components/chat/chat-themes.js')).applyChatTheme(element, config.theme);
  element.showChannel = channelCount > 1;
  element.source = feed;
  // When chat outruns the overlay it jumps to the newest lines; ?debug says how many it skipped.
  if (env.debug) element.addEventListener('ovl-chat-skipped', (e) => env.note(`chat: ${e.detail} lines skipped to keep up`, 'chat-skipped'));
  return element;
}

/**
 * The chat overlay: anonymous read-only chat by default; Twitch badges without a token (IVR),
 * from Helix and with cheermote images given one; with `history`, the channels' recent chat
 * first. Code only some pages need (the simulator, Helix, the providers, the history) is
 * imported on demand, keeping the page small.
 */
export const chatOverlay: OverlayDefinition<typeof chatSchema> = {
  entry: chatEntry,
  records: ['chat', 'chat-history'],
  async build(config, env) {
    const token = offline(env) ? '' : config.token;
    const session = token ? await (await import('../boot/connect-twitch.js')).connectTwitch(token, env) : null;
    const chat = await connectChat(config, env, session);
    const element = await chatElement(config, env, chat.feed, chat.channels.length);
    const lookups = startLookups(chat, config, env, { session, element });
    // The channels' recent history, or a replay's recorded one, with its module: before the sources start.
    if ((config.history > 0 && !offline(env)) || env.replay?.has('chat-history')) {
      (await import('./recent-history.js')).showRecentHistory(chat.sources, { limit: config.history, emoteTheme: config.emoteTheme }, env, lookups);
    }
    return {
      sources: session ? [...chat.sources, session.watch] : chat.sources,
      element,
      // Several channels in one list: the dock of the first one (the streamer's own, as a co-stream lists it) drives it.
      channel: { login: chat.channels[0] },
      control(message) {
        if (message.kind === 'chat-remove') element.removeLine(message.messageId);
        else if (message.kind === 'chat-hide-user') element.hideUser(message.userId);
        else if (message.kind === 'chat-unhide-users') element.unhideUsers();
      },
      presence: () => ({ chat: { hideBots: config.hideBots, hideCommands: config.hideCommands, hideNotices: config.hideNotices } }),
    };
  },
};
