import { ChatSource } from '../sources/tmi/chat-source.js';
import type { EmoteLookup, ThirdPartyProvider } from '../chat-lookups/emotes/emote-lookup.js';
import { chatSchema } from '../config/chat-config.js';
import type { ConfigOf } from '../config/schema.js';
import { CHAT_LOGIN_SCOPE, chatEntry } from '../registry/chat.js';
import { grants } from '../registry/overlay-entry.js';
import { createLogger } from '../core/logger.js';
import { isUserId } from '../twitch/login.js';
import type { OverlayDefinition } from '../boot/boot.js';
import type { ChatProviders } from './chat-providers.js';
import type { ChatFeed } from '../components/chat/ovl-chat.js';
import '../components/chat/ovl-chat.js';

const log = createLogger('chat-overlay');

// A font list as CSS writes it: names, quotes, commas and spaces only (it goes into a style).
const FONT_FAMILY = /^[\p{L}\p{N} ,'"_-]{1,200}$/u;

/**
 * The look parameters, as the element's custom properties. Each is set only when it differs
 * from its default, so a theme's own value (a larger size, an outline) stands unless the URL
 * asks for another.
 */
function applyLook(element: HTMLElement, config: ConfigOf<typeof chatSchema>, env: { note(text: string): void }): void {
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

/**
 * The chat overlay: anonymous read-only chat by default; Twitch badges without a token (IVR),
 * from Helix and with cheermote images given one. Third-party emotes and badges load once the
 * channel id is known (from ROOMSTATE) and never hold chat up: if they fail, chat shows without them. Code only some pages need (the
 * simulator, Helix, the emote services) is imported on demand, keeping the page small.
 */
export const chatOverlay: OverlayDefinition<typeof chatSchema> = {
  title: chatEntry.title,
  schema: chatEntry.schema,
  name: chatEntry.name,
  records: ['chat'],
  async build(config, env) {
    // A replay plays the recorded channel's lines; their channel must match the source's.
    const channels = (env.replay?.recording.header.channel || config.channel || 'demo').split(',');
    const offline = env.demo || env.replay !== null;
    const token = offline ? '' : config.token;
    const session = token ? await (await import('../boot/connect-twitch.js')).connectTwitch(token, env) : null;
    const validation = session?.validation;

    // The demo and a replay play one feed of lines, into the first channel's source.
    const simulator = env.demo ? new (await import('../simulator/chat-simulator.js')).ChatSimulator({ channel: channels[0]! }) : null;
    // IRC login with a token needs chat:read; a token without it (badges only) reads anonymously.
    const chatLogin = validation && grants(validation.scopes, CHAT_LOGIN_SCOPE) ? validation.login : undefined;
    const tap = env.tap('chat');
    // One source (one connection) per channel: each keeps its own reconnects and status chip.
    const sources = (offline ? channels.slice(0, 1) : channels).map(
      (channel, i) =>
        new ChatSource({
          channel,
          token: chatLogin ? token : undefined,
          login: chatLogin,
          server: env.endpoints.chat,
          emoteTheme: config.emoteTheme,
          transport: i === 0 ? (simulator?.transport ?? env.replay?.chatTransport()) : undefined,
          tap,
        }),
    );
    simulator?.attach(sources[0]!);
    const feed: ChatFeed = sources.length === 1 ? sources[0]! : new (await import('../components/chat/merged-chat-feed.js')).MergedChatFeed(sources);

    const element = document.createElement('ovl-chat');
    element.maxMessages = config.maxMessages;
    element.fadeAfter = config.fadeAfter;
    element.animateEntry = config.animateEntry;
    element.hideBots = config.hideBots;
    element.hideCommands = config.hideCommands;
    element.hideNotices = config.hideNotices;
    element.shared = config.shared;
    element.bigEmotes = config.bigEmotes;
    element.maxEmotes = config.maxEmotes;
    element.contrastBackground = config.contrastBackground;
    element.animateExit = config.animateExit;
    applyLook(element, config, env);
    if (config.theme !== 'clean') (await import('../components/chat/chat-themes.js')).applyChatTheme(element, config.theme);
    element.showChannel = channels.length > 1;
    element.source = feed;
    // When chat outruns the overlay it jumps to the newest lines; ?debug says how many it skipped.
    if (env.debug) element.addEventListener('ovl-chat-skipped', (e) => env.note(`chat: ${e.detail} lines skipped to keep up`, 'chat-skipped'));

    // Badges, paints, pronouns and cheermotes load with their module once asked for; never on the demo or a replay.
    const wantsProviders = !offline && (config.badges.length > 0 || config.paints || config.pronouns || session !== null);
    let started: ChatProviders | null = null;
    const providers = wantsProviders
      ? import('./chat-providers.js').then(({ startChatProviders }) =>
          (started = startChatProviders(element, {
            badges: config.badges,
            paints: config.paints,
            pronouns: config.pronouns,
            emoteTheme: config.emoteTheme,
            helix: session?.helix,
            endpoints: env.endpoints.features,
            note: (text) => env.note(text),
          })),
        ).catch((error: unknown) => {
          log.warn('chat providers unavailable; chat goes on without them:', error);
          return null;
        })
      : null;

    // Each channel's emotes load once its id is known (from ROOMSTATE, or a Shared Chat line); all go into one table.
    const emotesLoaded = new Set<string>();
    let emoteTable: Promise<[typeof import('../chat-lookups/emotes/emote-providers.js'), EmoteLookup]> | null = null;
    const loadEmotes = (channelId: string) => {
      if (offline || config.emotes.length === 0 || emotesLoaded.has(channelId) || !isUserId(channelId)) return;
      emotesLoaded.add(channelId);
      // The emote table loads with the providers: a page without third-party emotes never needs it.
      emoteTable ??= Promise.all([import('../chat-lookups/emotes/emote-providers.js'), import('../chat-lookups/emotes/emote-lookup.js')]).then(([providers, { EmoteLookup }]) => {
        // The sources split each line into its emotes as they read it.
        const emotes = new EmoteLookup();
        for (const source of sources) source.emotes = emotes;
        return [providers, emotes];
      });
      void emoteTable
        .then(([{ loadThirdPartyEmotes }, emotes]) =>
          loadThirdPartyEmotes(emotes, { providers: config.emotes as ThirdPartyProvider[], channelId, endpoints: env.endpoints.emotes }),
        )
        .then((results) => {
          for (const r of results) env.note(r.ok ? `${r.provider}: ${r.count} emotes` : `${r.provider}: unavailable (${r.error})`);
        });
    };
    feed.addEventListener('roomstate', (event) => {
      const channelId = event.detail.channelId;
      loadEmotes(channelId);
      void providers?.then((p) => p?.channelSeen(channelId));
    });
    // Shared Chat: a source channel's emotes, badges, cheermotes and name load when its first lines arrive.
    const sharedFrom = (event: CustomEvent<{ sourceChannelId: string | null }>) => {
      const channelId = event.detail.sourceChannelId;
      if (!channelId) return;
      loadEmotes(channelId);
      started?.sourceSeen(channelId);
    };
    feed.addEventListener('message', sharedFrom);
    feed.addEventListener('notice', sharedFrom);
    return { sources: session ? [...sources, session.watch] : sources, element };
  },
};
