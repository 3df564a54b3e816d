import { ChatSource } from '../sources/tmi/chat-source.js';
import type { ChatLookups, ChatLookupsOptions } from '../chat-lookups/chat-lookups.js';
import type { ThirdPartyProvider } from '../chat-lookups/emotes/emote-lookup.js';
import { CHAT_LOGIN_SCOPE } from '../registry/chat.js';
import { grants } from '../registry/overlay-entry.js';
import { createLogger } from '../core/logger.js';
import type { OverlayEnv } from '../boot/boot.js';
import type { TwitchSession } from '../boot/connect-twitch.js';
import type { ChatFeed, OvlChat } from '../components/chat/ovl-chat.js';

/*
 * What every overlay that reads chat (the chat overlay, the emote wall, the emote combos) does
 * to get it: one source per channel (the simulator in `?demo`, the recording in `?replay`), and
 * the lookups its parameters ask for.
 */

const log = createLogger('chat');

/** The demo and a replay play recorded or simulated lines, never Twitch's: no token, no lookups, no history. */
export function offline(env: OverlayEnv): boolean {
  return env.demo || env.replay !== null;
}

/** The chat a page reads: its channels, and how Twitch's emotes are drawn. */
export interface ChatReading {
  /** The `channel` parameter: one login, or several joined with `,`. */
  readonly channel: string;
  readonly emoteTheme: 'dark' | 'light';
}

export interface ChatConnection {
  readonly channels: readonly string[];
  /** One per channel (in the demo and a replay, one), each with its own reconnects and status chip. */
  readonly sources: readonly ChatSource[];
  /** What an element listens to: the one source, or every source's events as one feed. */
  readonly feed: ChatFeed;
}

/**
 * The chat of the page's channels. The demo and a replay play one feed of lines, into the
 * first channel's source; a replay plays the recorded channel's. With a session whose token
 * may read chat, chat logs in as its user. Nothing connects before the boot starts the sources.
 */
export async function connectChat(reading: ChatReading, env: OverlayEnv, session: TwitchSession | null = null): Promise<ChatConnection> {
  // A replay plays the recorded channel's lines; their channel must match the source's.
  const channels = (env.replay?.recording.header.channel || reading.channel || 'demo').split(',');
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
        emoteTheme: reading.emoteTheme,
        transport: i === 0 ? (simulator?.transport ?? env.replay?.chatTransport()) : undefined,
        tap,
      }),
  );
  simulator?.attach(sources[0]!);
  const feed: ChatFeed = sources.length === 1 ? sources[0]! : new (await import('../components/chat/merged-chat-feed.js')).MergedChatFeed(sources);
  return { channels, sources, feed };
}

/** The lookups a page's parameters ask for. */
export type LookupSettings = Pick<ChatLookupsOptions, 'badges' | 'paints' | 'pronouns' | 'emoteTheme'> & { readonly emotes: readonly string[] };

/** Third-party emotes only: what the emote wall and the combos draw. */
export const EMOTES_ONLY: Omit<LookupSettings, 'emotes'> = { badges: [], paints: false, pronouns: false, emoteTheme: 'dark' };

/**
 * Badges, paints, pronouns, cheermotes and third-party emotes load with their module once the
 * settings ask for any; never on the demo or a replay. They never hold chat up: if they fail,
 * chat shows without them. The chat overlay's `element` is handed the badges and decorations.
 * Resolves with the lookups (null: none).
 */
export function startLookups(
  chat: ChatConnection,
  settings: LookupSettings,
  env: OverlayEnv,
  { session = null, element }: { session?: TwitchSession | null; element?: OvlChat } = {},
): Promise<ChatLookups | null> {
  const wanted = settings.badges.length > 0 || settings.paints || settings.pronouns || settings.emotes.length > 0 || session !== null;
  if (offline(env) || !wanted) return Promise.resolve(null);
  return import('./chat-providers.js')
    .then(({ startChatProviders }) =>
      startChatProviders(
        chat.sources,
        chat.feed,
        {
          ...settings,
          emotes: settings.emotes as ThirdPartyProvider[],
          helix: session?.helix,
          endpoints: { features: env.endpoints.features, emotes: env.endpoints.emotes },
          note: (text) => env.note(text),
        },
        element,
      ),
    )
    .catch((error: unknown) => {
      log.warn('chat providers unavailable; chat goes on without them:', error);
      return null;
    });
}
