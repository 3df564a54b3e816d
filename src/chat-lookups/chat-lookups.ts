import type { HelixClient } from '../twitch/helix-client.js';
import { getUsers } from '../twitch/helix-api.js';
import { isUserId } from '../twitch/login.js';
import { UserDirectory } from '../twitch/user-directory.js';
import type { ChatLookup, LookupNote } from './chat-lookup.js';
import { TwitchBadges } from './badges/twitch-badges.js';
import { ChatterLookup } from './chatter-lookup.js';
import { ChannelCheermotes } from './channel-cheermotes.js';
import { ChannelProfiles } from './channel-profiles.js';
import { ThirdPartyEmotes } from './emotes/third-party-emotes.js';
import type { ThirdPartyProvider } from './emotes/emote-lookup.js';
import type { EmoteEndpoints } from './emotes/emote-endpoints.js';
import { FEATURE_ENDPOINTS, type FeatureEndpoints } from './feature-endpoints.js';

export interface ChatLookupsOptions {
  /** The `badges` parameter: `twitch`, `ffz`, `bttv`, `7tv`, in drawing order. */
  readonly badges: readonly string[];
  readonly paints: boolean;
  readonly pronouns: boolean;
  /** The `emotes` parameter: the third-party emote services. */
  readonly emotes: readonly ThirdPartyProvider[];
  readonly emoteTheme: 'dark' | 'light';
  /** With a token: Helix badges first, cheermotes, and channel names from Helix. */
  readonly helix?: HelixClient;
  /** Default: the real services. */
  readonly endpoints?: { readonly features?: FeatureEndpoints; readonly emotes?: EmoteEndpoints };
}

/** Hears a lookup's notes each time one of its loads finishes. */
export type LookupReport = (lookup: ChatLookup, notes: readonly LookupNote[]) => void;

/**
 * The lookups one chat page asked for, made from its parameters and loaded as channels and
 * chatters show up: Twitch badges (Helix with a token, IVR without), FFZ/BTTV/7TV badges and
 * 7TV paints, pronouns, cheermotes (with a token), third-party emotes, and the names of Shared
 * Chat source channels. A lookup the parameters do not ask for is null and costs nothing.
 */
export class ChatLookups {
  readonly badges: TwitchBadges | null;
  readonly chatters: ChatterLookup | null;
  readonly cheermotes: ChannelCheermotes | null;
  readonly emotes: ThirdPartyEmotes | null;
  readonly profiles: ChannelProfiles;
  /** What every channel shares, once `start()` asked for it; answered or failed. */
  private shared: Promise<unknown> = Promise.resolve();
  /** Each channel seen, with its loads. */
  private readonly channels = new Map<string, Promise<void>>();

  constructor(
    options: ChatLookupsOptions,
    private readonly report: LookupReport,
  ) {
    const features = options.endpoints?.features ?? FEATURE_ENDPOINTS;
    this.badges = options.badges.includes('twitch') ? new TwitchBadges({ helix: options.helix, ivr: { endpoint: features.ivr } }) : null;
    const chatters = new ChatterLookup({ ...options, endpoints: features });
    this.chatters = chatters.active ? chatters : null;
    this.cheermotes = options.helix ? new ChannelCheermotes(options.helix, { theme: options.emoteTheme }) : null;
    this.emotes = options.emotes.length > 0 ? new ThirdPartyEmotes({ providers: options.emotes, endpoints: options.endpoints?.emotes }) : null;
    const helix = options.helix;
    const users = helix && new UserDirectory({ fetchUsers: (ids) => getUsers(helix, { ids }) });
    this.profiles = new ChannelProfiles({ users, ivrEndpoint: features.ivr });
  }

  /** Loads what every channel shares; once, as chat starts. */
  start(): void {
    this.shared = Promise.all(this.asked().map((lookup) => lookup.loadShared && this.load(lookup, lookup.loadShared())));
  }

  /**
   * A channel whose lines are shown (the overlay's own, another joined one): its lookups load
   * once. Resolves when they have answered, with what every channel shares: a recent history
   * waits for it, so that its lines are built with the channel's badges and emotes.
   */
  channelSeen(channelId: string): Promise<void> {
    if (!isUserId(channelId)) return Promise.resolve();
    let loaded = this.channels.get(channelId);
    if (!loaded) {
      const loads = this.asked().map((lookup) => lookup.loadChannel && this.load(lookup, lookup.loadChannel(channelId)));
      loaded = Promise.all([this.shared, ...loads]).then(() => undefined);
      this.channels.set(channelId, loaded);
    }
    return loaded;
  }

  /** A Shared Chat source channel: its lookups, and its name and avatar for the marker. */
  sourceSeen(channelId: string): void {
    void this.channelSeen(channelId);
    void this.load(this.profiles, this.profiles.loadChannel(channelId));
  }

  /** The lookups asked for, but profiles: those load for Shared Chat source channels only. */
  private asked(): ChatLookup[] {
    return [this.badges, this.chatters, this.cheermotes, this.emotes].filter((lookup) => lookup !== null);
  }

  private load(lookup: ChatLookup, loading: Promise<LookupNote[]>): Promise<void> {
    return loading.then((notes) => this.report(lookup, notes));
  }
}
