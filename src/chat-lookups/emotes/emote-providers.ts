import { createLogger } from '../../core/logger.js';
import { fetchJson } from '../../core/fetch-json.js';
import type { Fetch } from '../../twitch/endpoints.js';
import type { EmoteLookup, ThirdPartyEmote, ThirdPartyProvider } from './emote-lookup.js';
import { EMOTE_ENDPOINTS, type EmoteEndpoints } from './emote-endpoints.js';


type GetJson = (url: string) => Promise<unknown | null>;

/** One third-party emote service: its global set and a channel's set (empty when the channel has none). */
export interface EmoteProvider {
  readonly id: ThirdPartyProvider;
  global(get: GetJson, endpoints: EmoteEndpoints): Promise<ThirdPartyEmote[]>;
  channel(get: GetJson, endpoints: EmoteEndpoints, channelId: string): Promise<ThirdPartyEmote[]>;
}

// ---- 7TV (v3): emote sets of "active emotes"; ActiveEmote.flags bit 0 marks zero-width. ----
interface SevenTvActiveEmote {
  id: string;
  name: string;
  flags?: number;
  data?: { host?: { url: string; files: { name: string; format?: string }[] } };
}
interface SevenTvSet {
  emotes?: SevenTvActiveEmote[] | null;
}

function sevenTvEmotes(set: SevenTvSet | null | undefined): ThirdPartyEmote[] {
  return (set?.emotes ?? []).flatMap((e) => {
    const host = e.data?.host;
    if (!host || typeof e.name !== 'string') return [];
    const base = host.url.startsWith('//') ? `https:${host.url}` : host.url;
    const webp = host.files.filter((f) => (f.format ?? '').toUpperCase() === 'WEBP' || f.name.endsWith('.webp'));
    const sizes = ['1x', '2x', '4x'].map((size) => webp.find((f) => f.name.startsWith(size))).filter((f) => f !== undefined);
    if (sizes.length === 0) return [];
    return [
      {
        provider: '7tv' as const,
        id: e.id,
        code: e.name,
        url: `${base}/${sizes[0].name}`,
        srcset: sizes.map((f) => `${base}/${f.name} ${f.name.slice(0, 2)}`).join(', '),
        zeroWidth: ((e.flags ?? 0) & 1) === 1,
      },
    ];
  });
}

const sevenTv: EmoteProvider = {
  id: '7tv',
  global: async (get, ep) => sevenTvEmotes((await get(`${ep.seventv}/emote-sets/global`)) as SevenTvSet),
  channel: async (get, ep, id) => sevenTvEmotes(((await get(`${ep.seventv}/users/twitch/${id}`)) as { emote_set?: SevenTvSet } | null)?.emote_set),
};

// ---- BetterTTV (v3 cached): channel + shared emotes; a few global emotes are overlays by design. ----
interface BttvEmote {
  id: string;
  code: string;
}
const BTTV_ZERO_WIDTH = new Set(['SoSnowy', 'IceCold', 'SantaHat', 'TopHat', 'ReinDeer', 'CandyCane', 'cvMask', 'cvHazmat']);

function bttvEmotes(list: BttvEmote[] | null | undefined): ThirdPartyEmote[] {
  return (list ?? []).map((e) => {
    const base = `https://cdn.betterttv.net/emote/${e.id}`;
    return { provider: 'bttv' as const, id: e.id, code: e.code, url: `${base}/1x`, srcset: `${base}/1x 1x, ${base}/2x 2x, ${base}/3x 4x`, zeroWidth: BTTV_ZERO_WIDTH.has(e.code) };
  });
}

const bttv: EmoteProvider = {
  id: 'bttv',
  global: async (get, ep) => bttvEmotes((await get(`${ep.bttv}/cached/emotes/global`)) as BttvEmote[]),
  channel: async (get, ep, id) => {
    const user = (await get(`${ep.bttv}/cached/users/twitch/${id}`)) as { channelEmotes?: BttvEmote[]; sharedEmotes?: BttvEmote[] } | null;
    return bttvEmotes([...(user?.channelEmotes ?? []), ...(user?.sharedEmotes ?? [])]);
  },
};

// ---- FrankerFaceZ (v1): sets of emoticons; only `default_sets` of the global answer apply to everyone. ----
interface FfzEmoticon {
  id: number;
  name: string;
  urls: Record<string, string>;
  modifier?: boolean;
}
interface FfzSets {
  sets?: Record<string, { emoticons?: FfzEmoticon[] }>;
}

function ffzEmotes(sets: FfzSets['sets'], only?: readonly number[]): ThirdPartyEmote[] {
  return Object.entries(sets ?? {})
    .filter(([id]) => !only || only.includes(Number(id)))
    .flatMap(([, set]) => set.emoticons ?? [])
    .filter((e) => e.urls?.['1'])
    .map((e) => ({
      provider: 'ffz' as const,
      id: String(e.id),
      code: e.name,
      url: e.urls['1']!,
      srcset: Object.entries(e.urls).map(([scale, url]) => `${url} ${scale}x`).join(', '),
      zeroWidth: e.modifier === true,
    }));
}

const ffz: EmoteProvider = {
  id: 'ffz',
  global: async (get, ep) => {
    const body = (await get(`${ep.ffz}/set/global`)) as (FfzSets & { default_sets?: number[] }) | null;
    return ffzEmotes(body?.sets, body?.default_sets ?? []);
  },
  channel: async (get, ep, id) => ffzEmotes(((await get(`${ep.ffz}/room/id/${id}`)) as FfzSets | null)?.sets),
};

export const EMOTE_PROVIDERS: Readonly<Record<ThirdPartyProvider, EmoteProvider>> = { '7tv': sevenTv, bttv, ffz };

export interface ProviderResult {
  readonly provider: ThirdPartyProvider;
  readonly ok: boolean;
  /** Emotes loaded, global and channel. */
  readonly count: number;
  readonly error?: string;
}

export interface LoadEmotesOptions {
  readonly providers: readonly ThirdPartyProvider[];
  readonly channelId: string;
  readonly endpoints?: EmoteEndpoints;
  readonly fetch?: Fetch;
}

const log = createLogger('emotes');

/**
 * Loads each provider's global and channel emotes into `lookup`. Providers are independent:
 * one failing (down, slow, malformed or oversized answer) is reported in its result and never
 * affects the others or chat. A 404 for a channel means it has no emotes there, which is not an error.
 */
export async function loadThirdPartyEmotes(lookup: EmoteLookup, options: LoadEmotesOptions): Promise<ProviderResult[]> {
  const endpoints = options.endpoints ?? EMOTE_ENDPOINTS;
  // A channel's 7TV set of 1,000 emotes is a few MB; the services can be slow but not stuck.
  const get: GetJson = (url) => fetchJson(url, { fetch: options.fetch, timeoutMs: 15_000, maxBytes: 10_000_000 });
  return Promise.all(
    options.providers.map(async (id): Promise<ProviderResult> => {
      const provider = EMOTE_PROVIDERS[id];
      try {
        const [global, channel] = await Promise.all([provider.global(get, endpoints), provider.channel(get, endpoints, options.channelId)]);
        lookup.setGlobal(id, global);
        lookup.setChannel(options.channelId, id, channel);
        return { provider: id, ok: true, count: global.length + channel.length };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.warn(`${id} emotes unavailable (${message}); chat goes on without them`);
        return { provider: id, ok: false, count: 0, error: message };
      }
    }),
  );
}
