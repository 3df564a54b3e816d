/**
 * Runs in headless Chromium, driven by scripts/bench.mjs, against the fake Helix server: a
 * burst of user lookups through the shared UserDirectory, and the same burst the way
 * PyWitch's shared users dict does it (one request per user not yet cached).
 */
import { HelixClient } from '../../src/twitch/helix-client.js';
import { getUsers, type TwitchUser } from '../../src/twitch/helix-api.js';
import { UserDirectory } from '../../src/twitch/user-directory.js';
import type { TwitchEndpoints } from '../../src/twitch/endpoints.js';
import { seededRandom } from '../../src/simulator/random.js';

function burst(lookups: number, distinct: number): string[] {
  const random = seededRandom(3);
  return Array.from({ length: lookups }, () => String(5_000_000 + Math.floor(random() * distinct)));
}

async function benchUsers(endpoints: TwitchEndpoints, token: string, clientId: string, lookups: number, distinct: number) {
  const ids = burst(lookups, distinct);
  const helix = new HelixClient({ token, clientId, endpoints });

  const directory = new UserDirectory({ fetchUsers: (batch) => getUsers(helix, { ids: batch }) });
  let start = performance.now();
  const found = await Promise.all(ids.map((id) => directory.get(id)));
  const ours = { requests: directory.requests, ms: performance.now() - start, resolved: found.filter(Boolean).length };

  // PyWitch: `if user_id not in users: users[user_id] = get_user_info(user_id)`, per event.
  const cache = new Map<string, TwitchUser | undefined>();
  let requests = 0;
  const fresh = new HelixClient({ token, clientId, endpoints });
  start = performance.now();
  for (const id of ids) {
    if (cache.has(id)) continue;
    requests += 1;
    cache.set(id, (await getUsers(fresh, { ids: [id] }))[0]);
  }
  const pywitch = { requests, ms: performance.now() - start, resolved: [...cache.values()].filter(Boolean).length };
  return { ours, pywitch, distinct: new Set(ids).size };
}

Object.assign(window, { benchUsers });
