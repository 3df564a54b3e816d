import { ChatSource } from '../sources/tmi/chat-source.js';
import type { ThirdPartyProvider } from '../chat-lookups/emotes/emote-lookup.js';
import type { ChatLookups } from '../chat-lookups/chat-lookups.js';
import { chatSchema } from '../config/chat-config.js';
import type { ConfigOf } from '../config/schema.js';
import { CHAT_LOGIN_SCOPE, chatEntry } from '../registry/chat.js';
import { grants } from '../registry/overlay-entry.js';
import { createLogger } from '../core/logger.js';
import type { OverlayDefinition, OverlayEnv } from '../boot/boot.js';
import { assignConfig } from './assign-config.js';
import type { TwitchSession } from '../boot/connect-twitch.js';
import type { ChatFeed, OvlChat } from '../components/chat/ovl-chat.js';
import '../components/chat/ovl-chat.js';

type ChatConfig = ConfigOf<typeof chatSchema>;

const log = createLogger('chat-overlay');

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

/** The demo and a replay play recorded or simulated lines, never Twitch's: no token, no providers. */
function offline(env: OverlayEnv): boolean {
  return env.demo || env.replay !== null;
}

/**
 * One source (one connection) per channel, each with its own reconnects and status chip. The
 * demo and a replay play one feed of lines, into the first channel's source.
 */
async function chatSources(channels: readonly string[], config: ChatConfig, env: OverlayEnv, session: TwitchSession | null): Promise<ChatSource[]> {
  const simulator = env.demo ? new (await import('../simulator/chat-simulator.js')).ChatSimulator({ channel: channels[0]! }) : null;
  // IRC login with a token needs chat:read; a token without it (badges only) reads anonymously.
  const validation = session?.validation;
  const chatLogin = validation && grants(validation.scopes, CHAT_LOGIN_SCOPE) ? validation.login : undefined;
  const tap = env.tap('chat');
  const sources = (offline(env) ? channels.slice(0, 1) : channels).map(
    (channel, i) =>
      new ChatSource({
        channel,
        token: chatLogin ? session?.token : undefined,
        login: chatLogin,
        server: env.endpoints.chat,
        emoteTheme: config.emoteTheme,
        transport: i === 0 ? (simulator?.transport ?? env.replay?.chatTransport()) : undefined,
        tap,
      }),
  );
  simulator?.attach(sources[0]!);
  return sources;
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
 * Badges, paints, pronouns, cheermotes and third-party emotes load with their module once the
 * config asks for any; never on the demo or a replay. Each channel's load once its id is known
 * (from ROOMSTATE, or a Shared Chat line) and never hold chat up: if they fail, chat shows
 * without them.
 */
function startProviders(element: OvlChat, feed: ChatFeed, sources: readonly ChatSource[], config: ChatConfig, env: OverlayEnv, session: TwitchSession | null): void {
  const wanted = config.badges.length > 0 || config.paints || config.pronouns || config.emotes.length > 0 || session !== null;
  if (offline(env) || !wanted) return;
  const providers: Promise<ChatLookups | null> = import('./chat-providers.js')
    .then(({ startChatProviders }) =>
      startChatProviders(element, sources, {
        badges: config.badges,
        paints: config.paints,
        pronouns: config.pronouns,
        emotes: config.emotes as ThirdPartyProvider[],
        emoteTheme: config.emoteTheme,
        helix: session?.helix,
        endpoints: { features: env.endpoints.features, emotes: env.endpoints.emotes },
        note: (text) => env.note(text),
      }),
    )
    .catch((error: unknown) => {
      log.warn('chat providers unavailable; chat goes on without them:', error);
      return null;
    });
  feed.addEventListener('roomstate', (event) => {
    const channelId = event.detail.channelId;
    void providers.then((p) => p?.channelSeen(channelId));
  });
  // Shared Chat: a source channel's emotes, badges, cheermotes and name load when its first lines arrive.
  const sharedFrom = (event: CustomEvent<{ sourceChannelId: string | null }>) => {
    const channelId = event.detail.sourceChannelId;
    if (channelId) void providers.then((p) => p?.sourceSeen(channelId));
  };
  feed.addEventListener('message', sharedFrom);
  feed.addEventListener('notice', sharedFrom);
}

/**
 * The chat overlay: anonymous read-only chat by default; Twitch badges without a token (IVR),
 * from Helix and with cheermote images given one. Code only some pages need (the simulator,
 * Helix, the providers) is imported on demand, keeping the page small.
 */
export const chatOverlay: OverlayDefinition<typeof chatSchema> = {
  entry: chatEntry,
  records: ['chat'],
  async build(config, env) {
    // A replay plays the recorded channel's lines; their channel must match the source's.
    const channels = (env.replay?.recording.header.channel || config.channel || 'demo').split(',');
    const token = offline(env) ? '' : config.token;
    const session = token ? await (await import('../boot/connect-twitch.js')).connectTwitch(token, env) : null;
    const sources = await chatSources(channels, config, env, session);
    const feed: ChatFeed = sources.length === 1 ? sources[0]! : new (await import('../components/chat/merged-chat-feed.js')).MergedChatFeed(sources);
    const element = await chatElement(config, env, feed, channels.length);
    startProviders(element, feed, sources, config, env, session);
    return {
      sources: session ? [...sources, session.watch] : sources,
      element,
      // Several channels in one list: the dock of the first one (the streamer's own, as a co-stream lists it) drives it.
      channel: { login: channels[0] },
      control(message) {
        if (message.kind === 'chat-remove') element.removeLine(message.messageId);
        else if (message.kind === 'chat-hide-user') element.hideUser(message.userId);
      },
      presence: () => ({ chat: { hideBots: config.hideBots, hideCommands: config.hideCommands, hideNotices: config.hideNotices } }),
    };
  },
};
