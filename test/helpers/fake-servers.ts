import { commands } from 'vitest/browser';
import type { TwitchEndpoints } from '../../src/twitch/endpoints.js';
import type { EmoteEndpoints } from '../../src/chat-lookups/emotes/emote-endpoints.js';
import { featureEndpointsAt, type FeatureEndpoints } from '../../src/chat-lookups/feature-endpoints.js';

/**
 * Where this worker's own fake servers listen (test/node/fakes.ts): each worker has its own, so
 * files running side by side never see each other's scripted faults, requests or sessions.
 * Read once per worker: its files share one page (vite.config.ts), and this module with it.
 */
export const fake = await commands.fakeAddresses();

export function fakeTwitchEndpoints(): TwitchEndpoints {
  return { helix: `${fake.httpOrigin}/helix`, id: `${fake.httpOrigin}/id` };
}

export function fakeEmoteEndpoints(): EmoteEndpoints {
  return { seventv: `${fake.httpOrigin}/7tv/v3`, bttv: `${fake.httpOrigin}/bttv/3`, ffz: `${fake.httpOrigin}/ffz/v1` };
}

export function fakeFeatureEndpoints(): FeatureEndpoints {
  return featureEndpointsAt(fake.httpOrigin);
}
