import { ChatSource } from '../sources/tmi/chat-source.js';
import type { ThirdPartyProvider } from '../emotes/emote-lookup.js';
import type { chatSchema } from '../config/chat-config.js';
import { CHAT_LOGIN_SCOPE, chatEntry } from '../registry/chat.js';
import { grants } from '../registry/overlay-entry.js';
import { createLogger } from '../core/logger.js';
import { isUserId } from '../twitch/login.js';
import type { OverlayDefinition } from '../overlay/boot.js';
import type { ChatProviders } from '../chat-features/chat-providers.js';
import '../components/chat/ovl-chat.js';

const log = createLogger('chat-overlay');

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
    const channel = env.replay?.recording.header.channel || config.channel || 'demo';
    const offline = env.demo || env.replay !== null;
    const token = offline ? '' : config.token;
    const session = token ? await (await import('../overlay/connect-twitch.js')).connectTwitch(token, env) : null;
    const validation = session?.validation;

    const simulator = env.demo ? new (await import('../simulator/chat-simulator.js')).ChatSimulator({ channel }) : null;
    // IRC login with a token needs chat:read; a token without it (badges only) reads anonymously.
    const chatLogin = validation && grants(validation.scopes, CHAT_LOGIN_SCOPE) ? validation.login : undefined;
    const source = new ChatSource({
      channel,
      token: chatLogin ? token : undefined,
      login: chatLogin,
      server: env.endpoints.chat,
      emoteTheme: config.emoteTheme,
      transport: simulator?.transport ?? env.replay?.chatTransport(),
      tap: env.tap('chat'),
    });
    simulator?.attach(source);

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
    element.style.setProperty('--ovl-chat-font-size', `${config.fontSize}px`);
    element.style.setProperty('--ovl-chat-outline-width', `${config.outline}px`);
    element.style.setProperty('--ovl-chat-outline-color', config.outlineColor);
    element.style.setProperty('--ovl-chat-line-background', config.lineBackground);
    element.source = source;
    // When chat outruns the overlay it jumps to the newest lines; ?debug says how many it skipped.
    if (env.debug) element.addEventListener('ovl-chat-skipped', (e) => env.note(`chat: ${e.detail} lines skipped to keep up`, 'chat-skipped'));

    // Badges, paints, pronouns and cheermotes load with their module once asked for; never on the demo or a replay.
    const wantsProviders = !offline && (config.badges.length > 0 || config.paints || config.pronouns || session !== null);
    let started: ChatProviders | null = null;
    const providers = wantsProviders
      ? import('../chat-features/chat-providers.js').then(({ startChatProviders }) =>
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

    // Shared Chat: a source channel's badges, cheermotes and name load when its first lines arrive.
    const sharedFrom = (event: { detail: { sourceChannelId: string | null } }) => event.detail.sourceChannelId && started?.sourceSeen(event.detail.sourceChannelId);
    source.addEventListener('message', sharedFrom);
    source.addEventListener('notice', sharedFrom);

    let loaded = false;
    source.addEventListener('roomstate', (event) => {
      const channelId = event.detail.channelId;
      if (loaded || !isUserId(channelId)) return;
      loaded = true;
      if (!offline && config.emotes.length > 0) {
        // The emote table loads with the providers: a page without third-party emotes never needs it.
        void Promise.all([import('../emotes/providers.js'), import('../emotes/emote-lookup.js')])
          .then(([{ loadThirdPartyEmotes }, { EmoteLookup }]) => {
            const emotes = new EmoteLookup();
            element.emotes = emotes;
            return loadThirdPartyEmotes(emotes, { providers: config.emotes as ThirdPartyProvider[], channelId, endpoints: env.endpoints.emotes });
          })
          .then((results) => {
            for (const r of results) env.note(r.ok ? `${r.provider}: ${r.count} emotes` : `${r.provider}: unavailable (${r.error})`);
          });
      }
      void providers?.then((p) => p?.channelSeen(channelId));
    });
    return { sources: session ? [source, session.watch] : [source], element };
  },
};
