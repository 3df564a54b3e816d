import { imageUrl } from '../../core/safe-values.js';
import type { BadgeImage } from './badge-lookup.js';

/**
 * Badge sets in Helix's shape (§4.3 `GET /chat/badges`), which IVR's no-token badge API
 * returns too (as a bare array instead of `{data}`).
 */
export interface BadgeSetWire {
  set_id: string;
  versions: { id: string; image_url_1x: string; image_url_2x?: string; image_url_4x?: string; title?: string }[];
}

/** Badge images by `set/version`. */
export type BadgeTable = Map<string, BadgeImage>;

/**
 * Indexes badge sets by `set/version`. Every image URL is checked (plain http(s), no comma or
 * space that would add a `srcset` candidate); a version without a usable 1x image is left out,
 * as is anything not shaped like a badge set, so a malformed answer loses only its bad entries.
 */
export function badgeTable(sets: unknown): BadgeTable {
  const out: BadgeTable = new Map();
  for (const set of Array.isArray(sets) ? (sets as Partial<BadgeSetWire>[]) : []) {
    if (typeof set?.set_id !== 'string' || !Array.isArray(set.versions)) continue;
    for (const v of set.versions) {
      const url = imageUrl(v?.image_url_1x);
      if (!url || typeof v.id !== 'string') continue;
      const candidates = [`${url} 1x`];
      const x2 = imageUrl(v.image_url_2x);
      const x4 = imageUrl(v.image_url_4x);
      if (x2) candidates.push(`${x2} 2x`);
      if (x4) candidates.push(`${x4} 4x`);
      out.set(`${set.set_id}/${v.id}`, { url, srcset: candidates.join(', '), title: typeof v.title === 'string' ? v.title : set.set_id });
    }
  }
  return out;
}
