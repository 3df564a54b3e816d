import type { OvlChat } from '../components/chat/ovl-chat.js';
import { lookupDecorations } from '../components/chat/lookup-decorations.js';
import type { HelixClient } from '../twitch/helix-client.js';
import { TwitchBadges } from '../chat-lookups/badges/twitch-badges.js';
import { isUserId } from '../twitch/login.js';
import { ChannelProfiles } from '../chat-lookups/channel-profiles.js';
import { ChatterLookup } from '../chat-lookups/chatter-lookup.js';
import { loadCheermotes, type CheermoteLookup } from '../chat-lookups/cheermotes.js';
import { FEATURE_ENDPOINTS, type FeatureEndpoints } from '../chat-lookups/feature-endpoints.js';

export interface ChatProvidersOptions {
  /** The `badges` parameter: `twitch`, `ffz`, `bttv`, `7tv`, in drawing order. */
  readonly badges: readonly string[];
  readonly paints: boolean;
  readonly pronouns: boolean;
  readonly emoteTheme: 'dark' | 'light';
  /** With a token: Helix badges first, and cheermotes. */
  readonly helix?: HelixClient;
  /** Default: the real services. */
  readonly endpoints?: FeatureEndpoints;
  /** Reports each service's outcome (the debug view). */
  readonly note: (text: string) => void;
}

/** What the chat page tells the providers as channels show up. */
export interface ChatProviders {
  /** A channel whose lines are shown (the overlay's own, another joined one): loads its badges and cheermotes once. */
  channelSeen(channelId: string): void;
  /** A Shared Chat source channel: its badges and cheermotes, and its name and avatar for the marker. */
  sourceSeen(channelId: string): void;
}

/**
 * The chat's optional providers, gathered in one module the chat page loads on demand (so the
 * page itself stays small): Twitch badges (Helix with a token, IVR without), FFZ/BTTV/7TV
 * badges, 7TV paints, pronouns, and cheermotes with a token. Each is handed to the element
 * when it has something; every failure is a note, and chat goes on without that service.
 */
export function startChatProviders(element: OvlChat, options: ChatProvidersOptions): ChatProviders {
  const { note } = options;
  const endpoints = options.endpoints ?? FEATURE_ENDPOINTS;
  const twitch = options.badges.includes('twitch') ? new TwitchBadges({ helix: options.helix, ivr: { endpoint: endpoints.ivr } }) : null;
  const chatters = new ChatterLookup({ ...options, endpoints });
  const profiles = new ChannelProfiles({ helix: options.helix, ivrEndpoint: endpoints.ivr });
  // Each channel cheers with Twitch's cheermotes and its own.
  const cheermotes = new Map<string, CheermoteLookup>();
  const decorations = lookupDecorations({
    chatters,
    cheermotes: { find: (part, channelId) => cheermotes.get(channelId)?.find(part.prefix, part.amount) },
    profiles,
  });
  if (chatters.active) {
    element.decorations = decorations;
    void chatters.load().then((results) => {
      for (const r of results) note(r.ok ? `${r.provider} badges: loaded` : `${r.provider} badges: unavailable (${r.error})`);
    });
  }
  const seen = new Set<string>();
  const sources = new Set<string>();
  const providers: ChatProviders = {
    sourceSeen(channelId) {
      providers.channelSeen(channelId);
      if (!isUserId(channelId) || sources.has(channelId)) return;
      sources.add(channelId);
      void profiles.load(channelId).then((profile) => {
        if (!profile) {
          sources.delete(channelId); // not named (a failure): asked again with the channel's next line
          return;
        }
        element.decorations = decorations;
        note(`shared chat: ${profile.login}`);
      });
    },
    channelSeen(channelId) {
      if (!isUserId(channelId) || seen.has(channelId)) return;
      seen.add(channelId);
      if (twitch) {
        void twitch.load(channelId).then((result) => {
          // Globals answer for a channel whose own badges failed, so the lookup is set either way.
          element.badges = twitch;
          note(result.source === 'none' ? `badges: unavailable (${result.errors.join('; ')})` : `badges: loaded (${result.source})`);
        });
      }
      if (options.helix) {
        void loadCheermotes(options.helix, channelId, { theme: options.emoteTheme }).then(({ lookup, error }) => {
          if (error) return note(`cheermotes: unavailable (${error})`);
          cheermotes.set(channelId, lookup);
          element.decorations = decorations;
          note(`cheermotes: ${lookup.size} loaded`);
        });
      }
    },
  };
  return providers;
}
