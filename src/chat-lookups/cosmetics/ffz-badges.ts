import { fetchJson } from '../../core/fetch-json.js';
import { hexColor, imageUrl } from '../../core/safe-values.js';
import type { ProviderContext, UserBadge, UserCosmeticsProvider } from './user-cosmetics-provider.js';

/** FFZ `GET /v1/badges/ids`: badge definitions, and user ids by badge id. */
interface FfzBadgesWire {
  badges?: { id?: unknown; name?: unknown; title?: unknown; color?: unknown; urls?: Record<string, unknown> }[];
  users?: Record<string, unknown[]>;
}

/** FFZ badge image sizes: 1, 2 and 4 (its own scale names). */
const FFZ_SCALES = ['1', '2', '4'] as const;

function ffzBadge(raw: NonNullable<FfzBadgesWire['badges']>[number]): UserBadge | null {
  const id = typeof raw?.id === 'number' || typeof raw?.id === 'string' ? String(raw.id) : null;
  const candidates = FFZ_SCALES.flatMap((scale) => {
    const url = imageUrl(raw?.urls?.[scale]);
    return url ? [{ url, scale }] : [];
  });
  if (!id || candidates.length === 0) return null;
  const color = hexColor(raw.color);
  return {
    provider: 'ffz',
    id,
    url: candidates[0]!.url,
    srcset: candidates.map((c) => `${c.url} ${c.scale}x`).join(', '),
    title: typeof raw.title === 'string' ? raw.title : typeof raw.name === 'string' ? raw.name : 'FrankerFaceZ',
    ...(color && { backgroundColor: color }),
  };
}

/**
 * FrankerFaceZ badges (developer, bot, supporter…) from its one published list. Its size is
 * bounded by the response limit; user ids are kept as strings, as IRC tags carry them.
 */
export class FfzBadges implements UserCosmeticsProvider {
  readonly id = 'ffz' as const;
  private byUser = new Map<string, UserBadge[]>();

  constructor(private readonly context: ProviderContext) {}

  async load(): Promise<void> {
    const body = (await fetchJson(`${this.context.endpoints.ffz}/badges/ids`, this.context.http)) as FfzBadgesWire | null;
    const definitions = new Map<string, UserBadge>();
    for (const raw of Array.isArray(body?.badges) ? body.badges : []) {
      const badge = ffzBadge(raw);
      if (badge) definitions.set(badge.id, badge);
    }
    const byUser = new Map<string, UserBadge[]>();
    for (const [badgeId, users] of Object.entries(body?.users ?? {})) {
      const badge = definitions.get(badgeId);
      if (!badge || !Array.isArray(users)) continue;
      for (const user of users) {
        if (typeof user !== 'number' && typeof user !== 'string') continue;
        const list = byUser.get(String(user)) ?? [];
        list.push(badge);
        byUser.set(String(user), list);
      }
    }
    this.byUser = byUser;
  }

  prepare(): Promise<void> {
    return Promise.resolve();
  }

  badges(userId: string): readonly UserBadge[] {
    return this.byUser.get(userId) ?? [];
  }

  paint(): undefined {
    return undefined;
  }
}
