import type { FetchJsonOptions } from '../../core/fetch-json.js';
import type { FeatureEndpoints } from '../feature-endpoints.js';
import type { BadgeImage } from '../badges/badge-lookup.js';
import type { PaintStyle } from './paint-style.js';

export type CosmeticsProviderId = 'ffz' | 'bttv' | '7tv';

/** A badge a third-party service gives one user (bot, supporter, developer, 7TV subscriber). */
export interface UserBadge extends BadgeImage {
  readonly provider: CosmeticsProviderId;
  /** The service's id of the badge, for `data-badge`. */
  readonly id: string;
  /** A colour drawn behind the image (FFZ's badges are white on it); already checked. */
  readonly backgroundColor?: string;
}

/** A 7TV name paint. `name` is data (for a tooltip at most): it never reaches a style. */
export interface NamePaint {
  readonly id: string;
  readonly name: string;
  readonly style: PaintStyle;
}

/** How providers reach their service. */
export interface ProviderContext {
  readonly endpoints: FeatureEndpoints;
  readonly http: Omit<FetchJsonOptions, 'postJson'>;
}

/**
 * One service of user cosmetics. FFZ and BTTV publish one list of who has which badge
 * (`load`); 7TV answers per user (`prepare`). Lookups are synchronous so a renderer can
 * call them on its hot path; they answer from what has been loaded.
 */
export interface UserCosmeticsProvider {
  readonly id: CosmeticsProviderId;
  /** Loads the service's published list, if it has one. Rejects with a SourceError. */
  load(): Promise<void>;
  /** Fetches what the service knows of one user, if it answers per user. Never rejects. */
  prepare(userId: string): Promise<void>;
  badges(userId: string): readonly UserBadge[];
  paint(userId: string): NamePaint | undefined;
}
