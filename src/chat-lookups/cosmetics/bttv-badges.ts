import { fetchJson } from '../../core/fetch-json.js';
import { imageUrl } from '../../core/safe-values.js';
import type { ProviderContext, UserBadge, UserCosmeticsProvider } from './user-cosmetics-provider.js';

/** BTTV `GET /3/cached/badges/twitch`: one entry per user who has a badge. */
interface BttvBadgeWire {
  providerId?: unknown;
  badge?: { type?: unknown; description?: unknown; svg?: unknown };
}

/** BetterTTV badges (developer, support, translator…) from its one published list. */
export class BttvBadges implements UserCosmeticsProvider {
  readonly id = 'bttv' as const;
  private byUser = new Map<string, UserBadge>();

  constructor(private readonly context: ProviderContext) {}

  async load(): Promise<void> {
    const body = await fetchJson(`${this.context.endpoints.bttv}/cached/badges/twitch`, this.context.http);
    const byUser = new Map<string, UserBadge>();
    for (const entry of Array.isArray(body) ? (body as BttvBadgeWire[]) : []) {
      const userId = entry?.providerId;
      // SVG: one URL serves every density.
      const url = imageUrl(entry?.badge?.svg);
      if (typeof userId !== 'string' || !/^\d+$/.test(userId) || !url) continue;
      const type = entry.badge!.type;
      byUser.set(userId, {
        provider: 'bttv',
        id: typeof type === 'number' || typeof type === 'string' ? String(type) : 'badge',
        url,
        srcset: url,
        title: typeof entry.badge!.description === 'string' ? entry.badge!.description : 'BetterTTV',
      });
    }
    this.byUser = byUser;
  }

  prepare(): Promise<void> {
    return Promise.resolve();
  }

  badges(userId: string): readonly UserBadge[] {
    const badge = this.byUser.get(userId);
    return badge ? [badge] : [];
  }

  paint(): undefined {
    return undefined;
  }
}
