import { createLogger } from '../core/logger.js';
import { hexColor, imageUrl } from '../core/safe-values.js';
import type { HelixClient } from '../twitch/helix-client.js';

/** Helix `GET /bits/cheermotes` (global cheermotes plus the broadcaster's own). */
interface CheermotesWire {
  data?: {
    prefix?: unknown;
    tiers?: { min_bits?: unknown; color?: unknown; images?: Record<string, Record<string, Record<string, unknown>>> }[];
  }[];
}

/** How a cheer is drawn: the tier's image and colour. */
export interface CheermoteImage {
  /** The prefix as Twitch spells it (`Cheer`, `Kappa`, a channel's own). */
  readonly prefix: string;
  /** The tier's threshold: the image for 100–999 bits is tier 100. */
  readonly tier: number;
  readonly url: string;
  readonly srcset: string;
  /** The tier's colour for the amount's text, checked; null when Twitch sent none usable. */
  readonly color: string | null;
}

/** A `<prefix><amount>` word found in a message. */
export interface CheerMatch {
  /** UTF-16 offsets in the text (`text.slice(start, end)` is the word). */
  readonly start: number;
  readonly end: number;
  readonly amount: number;
  readonly image: CheermoteImage;
}

export interface CheermoteOptions {
  /** Images for a dark or light background. Default dark. */
  readonly theme?: 'dark' | 'light';
  /** Animated GIFs or static PNGs. Default animated. */
  readonly animated?: boolean;
}

interface Tier {
  readonly minBits: number;
  readonly image: CheermoteImage;
}

/** Cheermote image scales as Helix names them, each a density for `srcset`. */
const SCALES = ['1', '1.5', '2', '3', '4'] as const;
/** A cheer word: letters then an amount, as Twitch counts them. */
const CHEER_WORD = /^([A-Za-z]+)(\d{1,9})$/;

const log = createLogger('cheermotes');

/**
 * The cheermotes a channel's chat can use, by prefix (case-insensitive, as Twitch matches
 * them), each with its tiers sorted by threshold. A cheer uses the highest tier whose
 * `min_bits` its amount reaches, as Twitch draws it.
 */
export class CheermoteLookup {
  private readonly byPrefix = new Map<string, Tier[]>();

  constructor(wire: unknown, options: CheermoteOptions = {}) {
    const theme = options.theme ?? 'dark';
    const kind = options.animated === false ? 'static' : 'animated';
    for (const action of (wire as CheermotesWire | null)?.data ?? []) {
      if (typeof action?.prefix !== 'string' || !/^[A-Za-z]+$/.test(action.prefix) || !Array.isArray(action.tiers)) continue;
      const tiers: Tier[] = [];
      for (const t of action.tiers) {
        const urls = t?.images?.[theme]?.[kind];
        const candidates = SCALES.flatMap((scale) => {
          const url = imageUrl(urls?.[scale]);
          return url ? [{ url, scale }] : [];
        });
        if (typeof t.min_bits !== 'number' || !Number.isInteger(t.min_bits) || t.min_bits < 1 || candidates.length === 0) continue;
        tiers.push({
          minBits: t.min_bits,
          image: {
            prefix: action.prefix,
            tier: t.min_bits,
            url: candidates[0]!.url,
            srcset: candidates.map((c) => `${c.url} ${c.scale}x`).join(', '),
            color: hexColor(t.color),
          },
        });
      }
      if (tiers.length > 0) this.byPrefix.set(action.prefix.toLowerCase(), tiers.sort((a, b) => b.minBits - a.minBits));
    }
  }

  get size(): number {
    return this.byPrefix.size;
  }

  /** The image for `amount` bits of `prefix`, or undefined for an unknown prefix or an amount below every tier. */
  find(prefix: string, amount: number): CheermoteImage | undefined {
    return this.byPrefix.get(prefix.toLowerCase())?.find((tier) => amount >= tier.minBits)?.image;
  }

  /** Every `<prefix><amount>` word of the text whose prefix is a cheermote here, in order. */
  scan(text: string): CheerMatch[] {
    const out: CheerMatch[] = [];
    for (const word of text.matchAll(/\S+/g)) {
      const match = CHEER_WORD.exec(word[0]);
      if (!match) continue;
      const amount = Number(match[2]);
      const image = amount > 0 ? this.find(match[1]!, amount) : undefined;
      if (image) out.push({ start: word.index!, end: word.index! + word[0].length, amount, image });
    }
    return out;
  }
}

export interface CheermotesResult {
  readonly lookup: CheermoteLookup;
  /** Why Helix could not be read; the lookup is then empty and cheers stay text. */
  readonly error?: string;
}

/**
 * The global cheermotes and `channelId`'s own, from Helix (needs a token). Never rejects:
 * without an answer the lookup is empty and cheers are drawn as text.
 */
export async function loadCheermotes(helix: HelixClient, channelId: string, options: CheermoteOptions = {}): Promise<CheermotesResult> {
  try {
    return { lookup: new CheermoteLookup(await helix.get('/bits/cheermotes', { broadcaster_id: channelId }), options) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.warn(`cheermotes unavailable (${message}); cheers are shown as text`);
    return { lookup: new CheermoteLookup(null), error: message };
  }
}
