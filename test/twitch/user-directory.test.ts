import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { HelixClient } from '../../src/twitch/helix-client.js';
import { getUsers } from '../../src/twitch/helix-api.js';
import { UserDirectory } from '../../src/twitch/user-directory.js';
import { GOOD_TOKEN, TEST_CLIENT_ID } from '../helpers/http.js';
import { fakeTwitchEndpoints } from '../helpers/fake-servers.js';

const helix = () => new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints() });
const directory = (capacity?: number) => {
  const client = helix();
  return new UserDirectory({ fetchUsers: (ids) => getUsers(client, { ids }), capacity });
};
/** Distinct ids per test, so the shared fake server's request log can be read per test. */
let base = 100_000 + Math.floor(Math.random() * 1_000_000) * 1000;
const ids = (count: number) => Array.from({ length: count }, () => String(++base));

async function usersRequestsFor(wanted: readonly string[]): Promise<number> {
  const all = await commands.httpRequests('/helix/users');
  return all.filter((r) => wanted.some((id) => r.url.includes(`id=${id}&`) || r.url.endsWith(`id=${id}`))).length;
}

describe('UserDirectory', () => {
  test('100 lookups in one task make one request; 101 make two', async () => {
    const dir = directory();
    const hundred = ids(100);
    const users = await Promise.all(hundred.map((id) => dir.get(id)));
    expect(users.map((u) => u?.login)).toEqual(hundred.map((id) => `user${id}`));
    expect(dir.requests).toBe(1);
    expect(await usersRequestsFor(hundred)).toBe(1);

    const more = ids(101);
    await Promise.all(more.map((id) => dir.get(id)));
    expect(dir.requests).toBe(3);
  });

  test('an id asked for twice, or while in flight, is fetched once; cached answers need no request', async () => {
    const dir = directory();
    const [id] = ids(1);
    const [a, b] = await Promise.all([dir.get(id!), dir.get(id!)]);
    expect(a).toBe(b);
    await dir.get(id!);
    expect(dir.requests).toBe(1);
    expect(dir.peek(id!)?.displayName).toBe(`User${id}`);
  });

  test('unknown users are remembered as null and not asked for again', async () => {
    const dir = directory();
    expect(await dir.get('0123')).toBeNull();
    expect(await dir.get('0123')).toBeNull();
    expect(dir.requests).toBe(1);
  });

  test('the cache keeps at most its capacity, dropping the least recently used', async () => {
    const dir = directory(3);
    const [a, b, c, d] = ids(4);
    await Promise.all([a, b, c].map((id) => dir.get(id!)));
    await dir.get(a!); // a is now the most recent
    await dir.get(d!);
    expect(dir.size).toBe(3);
    expect(dir.peek(b!)).toBeUndefined();
    expect(dir.peek(a!)).toBeDefined();
  });

  test('a failed request is not cached; the next lookup tries again', async () => {
    const dir = directory();
    const [id] = ids(1);
    await commands.httpScript('GET', '/helix/users', [{ status: 400, body: { message: 'bad request' } }]);
    await expect(dir.get(id!)).rejects.toMatchObject({ code: 'protocol' });
    expect(await dir.get(id!)).toMatchObject({ id });
  });
});
