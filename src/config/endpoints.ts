import { TWITCH_ENDPOINTS, type TwitchEndpoints } from '../twitch/endpoints.js';
import type { EmoteEndpoints } from '../chat-lookups/emotes/emote-endpoints.js';
import type { FeatureEndpoints } from '../chat-lookups/feature-endpoints.js';
import type { ChatServer } from '../sources/tmi/tmi-transport.js';
import type { ConfigProblem } from '../core/config-problem.js';

/** Where an overlay's network traffic goes. Twitch and the emote services unless overridden. */
export interface Endpoints {
  readonly twitch: TwitchEndpoints;
  /** The third-party emote APIs; undefined means the real ones (only chat pages ask them, so only they carry their addresses). */
  readonly emotes?: EmoteEndpoints;
  /** The chat's optional no-token services (IVR, badges, 7TV cosmetics, pronouns); undefined means the real ones. */
  readonly features?: FeatureEndpoints;
  /** Undefined means Twitch chat. */
  readonly chat?: ChatServer;
  /** The recent-messages service's API (chat history, `history=N`); undefined means the real one. */
  readonly recentMessages?: string;
  /** Undefined means Twitch's EventSub and PubSub WebSockets. */
  readonly eventsub?: string;
  readonly pubsub?: string;
  readonly heat?: string;
}

/** Endpoints read from a URL's `dev-*` parameters (`devEndpoints`), and what was wrong with them. */
export interface DevRouting {
  readonly endpoints: Endpoints;
  readonly problems: readonly ConfigProblem[];
}

/** The real services, where every overlay a streamer runs talks to. */
export const LIVE_ENDPOINTS: Endpoints = { twitch: TWITCH_ENDPOINTS };

/**
 * Whether the URL sends traffic to local test servers (a `dev-*` parameter). Only then does a
 * page load the code that reads them (`dev-endpoints.ts`): a streamer's overlay never needs it.
 */
export function asksDevEndpoints(url: URL): boolean {
  return [...url.searchParams.keys()].some((key) => key.startsWith('dev-'));
}
