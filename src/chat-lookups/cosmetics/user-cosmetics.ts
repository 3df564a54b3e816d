import { createLogger } from '../../core/logger.js';
import type { Fetch } from '../../twitch/endpoints.js';
import { FEATURE_ENDPOINTS, type FeatureEndpoints } from '../feature-endpoints.js';
import { BttvBadges } from './bttv-badges.js';
import { FfzBadges } from './ffz-badges.js';
import { SevenTvCosmetics, type SevenTvCosmeticsOptions } from './seventv-cosmetics.js';
import type { CosmeticsProviderId, NamePaint, ProviderContext, UserBadge, UserCosmeticsProvider } from './user-cosmetics-provider.js';

export type { CosmeticsProviderId, NamePaint, UserBadge } from './user-cosmetics-provider.js';

export interface UserCosmeticsOptions {
  /** The services to ask, in the order their badges are drawn (the streamer's choice). */
  readonly providers: readonly CosmeticsProviderId[];
  readonly endpoints?: FeatureEndpoints;
  readonly fetch?: Fetch;
  /** Per request. Default 8 s. */
  readonly timeoutMs?: number;
  /** Per answer. Default 5 MB (FFZ's and BTTV's lists name every badge holder). */
  readonly maxBytes?: number;
  readonly sevenTv?: SevenTvCosmeticsOptions;
}

export interface CosmeticsLoadResult {
  readonly provider: CosmeticsProviderId;
  readonly ok: boolean;
  readonly error?: string;
}

const log = createLogger('cosmetics');

/**
 * Third-party badges (FrankerFaceZ, BetterTTV, 7TV) and 7TV name paints for chatters, behind
 * one interface. Every service is optional and fail-soft: `load` and `prepare` never reject,
 * and a service that failed simply contributes nothing to `badges`/`paint`.
 */
export class UserCosmetics {
  private readonly providers: readonly UserCosmeticsProvider[];

  constructor(options: UserCosmeticsOptions) {
    const context: ProviderContext = {
      endpoints: options.endpoints ?? FEATURE_ENDPOINTS,
      http: { fetch: options.fetch, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes ?? 5_000_000 },
    };
    const make = (id: CosmeticsProviderId): UserCosmeticsProvider =>
      id === 'ffz' ? new FfzBadges(context) : id === 'bttv' ? new BttvBadges(context) : new SevenTvCosmetics(context, options.sevenTv);
    this.providers = [...new Set(options.providers)].map(make);
  }

  /** Loads the services' published badge lists (FFZ, BTTV). Each result says whether it worked. */
  load(): Promise<CosmeticsLoadResult[]> {
    return Promise.all(
      this.providers.map(async (provider): Promise<CosmeticsLoadResult> => {
        try {
          await provider.load();
          return { provider: provider.id, ok: true };
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          log.warn(`${provider.id} badges unavailable (${message}); chat goes on without them`);
          return { provider: provider.id, ok: false, error: message };
        }
      }),
    );
  }

  /**
   * Fetches what per-user services (7TV) know of this chatter; resolves when their badges and
   * paint can be read, or when the lookup was given up (queue full, service down). Cheap for a
   * chatter already known.
   */
  async prepare(userId: string): Promise<void> {
    await Promise.all(this.providers.map((p) => p.prepare(userId)));
  }

  /** The chatter's third-party badges, in provider order. */
  badges(userId: string): UserBadge[] {
    return this.providers.flatMap((p) => p.badges(userId));
  }

  /** The chatter's 7TV name paint, if any. */
  paint(userId: string): NamePaint | undefined {
    for (const p of this.providers) {
      const paint = p.paint(userId);
      if (paint) return paint;
    }
    return undefined;
  }
}
