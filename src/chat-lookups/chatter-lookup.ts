import type { ChatUser } from '../sources/tmi/chat-events.js';
import { UserCosmetics, type CosmeticsProviderId, type UserBadge } from './cosmetics/user-cosmetics.js';
import type { PaintStyle } from './cosmetics/paint-style.js';
import { Pronouns } from './pronouns.js';
import type { FeatureEndpoints } from './feature-endpoints.js';
import type { ChatLookup, LookupNote } from './chat-lookup.js';

export interface ChatterLookupOptions {
  /** The streamer's `badges` list; the third-party services in it are drawn in its order. */
  readonly badges: readonly string[];
  readonly paints: boolean;
  readonly pronouns: boolean;
  readonly endpoints: FeatureEndpoints;
}

const COSMETIC_PROVIDERS: readonly string[] = ['ffz', 'bttv', '7tv'];

/**
 * What the chat's opt-in per-chatter services know of a chatter: FFZ, BTTV and 7TV badges, a
 * 7TV paint, alejo.io pronouns. Each service is created only when its parameter asks for it,
 * and each is fail-soft (nothing here rejects): a service that is down adds nothing.
 */
export class ChatterLookup implements ChatLookup {
  private readonly cosmetics: UserCosmetics | null;
  private readonly pronounService: Pronouns | null;
  private readonly shownBadgeProviders: ReadonlySet<string>;
  private readonly paints: boolean;

  constructor(options: ChatterLookupOptions) {
    const badgeProviders = options.badges.filter((b): b is CosmeticsProviderId => COSMETIC_PROVIDERS.includes(b));
    // Paints come from 7TV too, whether or not its badges are shown.
    const providers: CosmeticsProviderId[] = options.paints && !badgeProviders.includes('7tv') ? [...badgeProviders, '7tv'] : badgeProviders;
    this.cosmetics = providers.length > 0 ? new UserCosmetics({ providers, endpoints: options.endpoints }) : null;
    this.shownBadgeProviders = new Set(badgeProviders);
    this.paints = options.paints;
    this.pronounService = options.pronouns ? new Pronouns({ endpoint: options.endpoints.pronouns }) : null;
  }

  /** Whether any service is on; with none, chat needs nothing from here. */
  get active(): boolean {
    return this.cosmetics !== null || this.pronounService !== null;
  }

  /** Loads the services' published lists (FFZ, BTTV), a note for each service. */
  async loadShared(): Promise<LookupNote[]> {
    const results = (await this.cosmetics?.load()) ?? [];
    return results.map((r) => (r.ok ? `${r.provider} badges: loaded` : `${r.provider} badges: unavailable (${r.error})`));
  }

  /** Starts the per-chatter lookups (7TV, pronouns); resolves when they answered. */
  async loadChatter(user: ChatUser): Promise<void> {
    await Promise.all([user.id ? this.cosmetics?.prepare(user.id) : undefined, this.pronounService?.request(user.login)]);
  }

  /** The chatter's third-party badges of the services the streamer chose to show, in their order. */
  badges(user: ChatUser): readonly UserBadge[] {
    if (!this.cosmetics || !user.id) return [];
    return this.cosmetics.badges(user.id).filter((badge) => this.shownBadgeProviders.has(badge.provider));
  }

  /** The chatter's 7TV name paint, with `paints` on. */
  paint(user: ChatUser): PaintStyle | undefined {
    return this.paints && user.id ? this.cosmetics?.paint(user.id)?.style : undefined;
  }

  pronouns(user: ChatUser): string | undefined {
    return this.pronounService?.get(user.login);
  }
}
