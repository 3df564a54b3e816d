import { createLogger } from '../../core/logger.js';
import { KeyedCache } from '../../core/keyed-cache.js';
import type { HelixClient } from '../../twitch/helix-client.js';
import type { ChatLookup, LookupNote } from '../chat-lookup.js';
import type { BadgeImage, BadgeLookup } from './badge-lookup.js';
import { HelixBadges } from './helix-badges.js';
import { IvrBadges, type IvrBadgesOptions } from './ivr-badges.js';

export interface TwitchBadgesOptions {
  /** With a token: Helix is asked first. Without one, badges come from IVR alone. */
  readonly helix?: HelixClient;
  /** Where and how IVR is asked (endpoint, fetch, timeout, size limit). */
  readonly ivr?: IvrBadgesOptions;
}

/** Which service a channel's badges came from; 'none' when every one failed. */
export interface BadgeLoadResult {
  readonly channelId: string;
  readonly source: 'helix' | 'ivr' | 'none';
  /** Why the services asked failed, for the debug view. */
  readonly errors: readonly string[];
}

const log = createLogger('badges');

/**
 * Twitch chat badges with a fallback chain: Helix when a token is there, else (or when Helix
 * fails) IVR's public no-token mirror. Each channel (the overlay's, and Shared Chat source
 * channels) is loaded on its own and read from the service that answered for it, so a
 * channel's subscriber badges are never mixed with another service's generic ones.
 * `load` never rejects: with every service down, lines are drawn without badges.
 */
export class TwitchBadges implements BadgeLookup, ChatLookup {
  private readonly chain: readonly { name: 'helix' | 'ivr'; lookup: HelixBadges | IvrBadges }[];
  private readonly byChannel = new Map<string, BadgeLookup>();
  /** Loads in flight by channel; a settled one is not kept, so a later call asks again. */
  private readonly loading = new KeyedCache<string, BadgeLoadResult>(0);

  constructor(options: TwitchBadgesOptions = {}) {
    this.chain = [...(options.helix ? [{ name: 'helix' as const, lookup: new HelixBadges(options.helix) }] : []), { name: 'ivr' as const, lookup: new IvrBadges(options.ivr) }];
  }

  /** Loads `channelId`'s badges (and the global ones) from the first service that answers. */
  load(channelId: string): Promise<BadgeLoadResult> {
    return this.loading.load(channelId, () => this.loadFromChain(channelId));
  }

  /** `load` as a chat lookup: the outcome as a note. */
  async loadChannel(channelId: string): Promise<LookupNote[]> {
    const result = await this.load(channelId);
    return [result.source === 'none' ? `badges: unavailable (${result.errors.join('; ')})` : `badges: loaded (${result.source})`];
  }

  find(set: string, version: string, channelId: string): BadgeImage | undefined {
    const own = this.byChannel.get(channelId);
    if (own) return own.find(set, version, channelId);
    // A channel not loaded (yet): global badges from whichever service has them.
    for (const { lookup } of this.chain) {
      const found = lookup.find(set, version, channelId);
      if (found) return found;
    }
    return undefined;
  }

  private async loadFromChain(channelId: string): Promise<BadgeLoadResult> {
    const errors: string[] = [];
    for (const { name, lookup } of this.chain) {
      try {
        await lookup.load(channelId);
        this.byChannel.set(channelId, lookup);
        return { channelId, source: name, errors };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        errors.push(`${name}: ${message}`);
        log.warn(`${name} badges unavailable for ${channelId} (${message})`);
      }
    }
    return { channelId, source: 'none', errors };
  }
}
