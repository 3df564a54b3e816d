import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { validateToken } from '../../src/twitch/validate-token.js';
import { HelixClient } from '../../src/twitch/helix-client.js';
import { isLastingLimit } from '../../src/twitch/lasting-limit.js';
import type { SourceError } from '../../src/core/errors.js';
import { Backoff } from '../../src/core/backoff.js';
import { HelixBadges } from '../../src/chat-lookups/badges/helix-badges.js';
import { getChannelEmotes, getCreatorGoals, getCustomRewards } from '../../src/twitch/helix-api.js';
import { BROADCASTER_TOKEN, FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID, scopedToken } from '../helpers/http.js';
import { fakeTwitchEndpoints } from '../helpers/fake-servers.js';

const quickBackoff = () => new Backoff({ initialMs: 10, maxMs: 50, jitter: 0 });

function helix(overrides: Partial<ConstructorParameters<typeof HelixClient>[0]> = {}): HelixClient {
  return new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), backoff: quickBackoff(), ...overrides });
}

describe('validateToken', () => {
  test('returns what Twitch knows of a good token', async () => {
    const validation = await validateToken(`oauth:${GOOD_TOKEN}`, { endpoints: fakeTwitchEndpoints() });
    expect(validation).toMatchObject({ clientId: TEST_CLIENT_ID, login: 'teststreamer', userId: FIXTURE_CHANNEL_ID, scopes: ['chat:read', 'chat:edit'], expiresIn: 14_000 });
  });

  test('a refused token is a non-retryable auth error telling what to do', async () => {
    await expect(validateToken('nope', { endpoints: fakeTwitchEndpoints() })).rejects.toMatchObject({
      code: 'auth',
      retryable: false,
      message: expect.stringContaining('setup page'),
    });
  });

  test('an unreadable answer is a protocol error; an unreachable host a retryable network error', async () => {
    await commands.httpScript('GET', '/id/oauth2/validate', [{ status: 200, rawBody: '{"client_id":' }]);
    await expect(validateToken(GOOD_TOKEN, { endpoints: fakeTwitchEndpoints() })).rejects.toMatchObject({ code: 'protocol' });
    await expect(validateToken(GOOD_TOKEN, { endpoints: { helix: 'http://127.0.0.1:9/helix', id: 'http://127.0.0.1:9' } })).rejects.toMatchObject({
      code: 'network',
      retryable: true,
    });
  });

});

describe('HelixClient', () => {
  test('sends Bearer and Client-Id, and shares one request among identical calls in flight', async () => {
    const before = (await commands.httpRequests('/helix/chat/badges/global')).length;
    const client = helix();
    const [a, b] = await Promise.all([client.get('/chat/badges/global'), client.get('/chat/badges/global')]);
    expect(a).toBe(b);
    const requests = (await commands.httpRequests('/helix/chat/badges/global')).slice(before);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ authorization: `Bearer ${GOOD_TOKEN}`, clientId: TEST_CLIENT_ID });
  });

  test('waits until Ratelimit-Reset after a 429, where the page may read that header, then succeeds', async () => {
    await commands.httpExposeRateLimit(true);
    try {
      const sleeps: number[] = [];
      let clock = 1_700_000_000_000;
      const client = helix({ now: () => clock, sleep: async (ms) => void (sleeps.push(ms), (clock += ms)) });
      const reset = Math.ceil(clock / 1000) + 7;
      await commands.httpScript('GET', '/helix/chat/badges', [{ status: 429, headers: { 'Ratelimit-Remaining': '0', 'Ratelimit-Reset': String(reset) }, body: { message: 'Too Many Requests' } }]);
      const body = await client.get<{ data: unknown[] }>('/chat/badges', { broadcaster_id: FIXTURE_CHANNEL_ID });
      expect(body.data.length).toBeGreaterThan(0);
      expect(sleeps).toEqual([reset * 1000 - 1_700_000_000_000]);
    } finally {
      await commands.httpExposeRateLimit(false);
    }
  });

  test('where Helix does not expose Ratelimit-* (the default), a 429 backs off and retries, then succeeds, and later requests do not wait', async () => {
    const sleeps: number[] = [];
    const client = helix({ sleep: async (ms) => void sleeps.push(ms) });
    const reset = Math.ceil(Date.now() / 1000) + 60;
    await commands.httpScript('GET', '/helix/chat/badges', [
      { status: 429, headers: { 'Ratelimit-Remaining': '0', 'Ratelimit-Reset': String(reset) }, body: { message: 'Too Many Requests' } },
      { status: 429, headers: { 'Ratelimit-Remaining': '0', 'Ratelimit-Reset': String(reset) }, body: { message: 'Too Many Requests' } },
    ]);
    const body = await client.get<{ data: unknown[] }>('/chat/badges', { broadcaster_id: FIXTURE_CHANNEL_ID });
    expect(body.data.length).toBeGreaterThan(0);
    // The quick backoff's delays (10 ms, then 15), not the minute to a reset the page cannot read.
    expect(sleeps).toEqual([10, 15]);
    await client.get('/chat/badges/global');
    expect(sleeps).toEqual([10, 15]);
  });

  test.each(['number of websocket transports limit exceeded', 'maximum subscriptions with type and condition exceeded'])('a 429 saying "%s" is reported at once: no retry, no pause for other requests', async (message) => {
    await commands.httpExposeRateLimit(true);
    try {
      const sleeps: number[] = [];
      const client = helix({ sleep: async (ms) => void sleeps.push(ms) });
      const before = (await commands.httpRequests('/helix/eventsub/subscriptions')).length;
      const reset = Math.ceil(Date.now() / 1000) + 60;
      await commands.httpScript('POST', '/helix/eventsub/subscriptions', [{ status: 429, headers: { 'Ratelimit-Remaining': '797', 'Ratelimit-Reset': String(reset) }, body: { error: 'Too Many Requests', status: 429, message } }]);
      const error = await client.post('/eventsub/subscriptions', { type: 'channel.raid' }).catch((thrown: unknown) => thrown as SourceError);
      expect(error).toMatchObject({ code: 'rate-limit', message: `The Twitch API answered 429: ${message}.` });
      expect(isLastingLimit(error as SourceError)).toBe(true);
      expect((await commands.httpRequests('/helix/eventsub/subscriptions')).length - before).toBe(1);
      await client.get('/chat/badges/global');
      expect(sleeps).toEqual([]);
    } finally {
      await commands.httpExposeRateLimit(false);
    }
  });

  test('retries 5xx with backoff and gives up after maxRetries with a clear error', async () => {
    await commands.httpScript('GET', '/helix/chat/badges', [{ status: 503 }, { status: 500 }]);
    await expect(helix().get('/chat/badges', { broadcaster_id: '1' })).resolves.toEqual({ data: [] });
    await commands.httpScript('GET', '/helix/chat/badges', [{ status: 500 }, { status: 500 }, { status: 500 }]);
    await expect(helix({ maxRetries: 2 }).get('/chat/badges', { broadcaster_id: '2' })).rejects.toMatchObject({ code: 'network', message: expect.stringContaining('500') });
  });

  test('401 stops at once; malformed JSON is a protocol error', async () => {
    await expect(helix({ token: 'bad' }).get('/chat/badges/global')).rejects.toMatchObject({ code: 'auth', retryable: false });
    await commands.httpScript('GET', '/helix/chat/badges/global', [{ status: 200, rawBody: '<html>' }]);
    await expect(helix().get('/chat/badges/global')).rejects.toMatchObject({ code: 'protocol' });
  });
});

describe('HelixBadges', () => {
  test('channel sets override global ones; unknown badges are absent', async () => {
    const badges = new HelixBadges(helix());
    await badges.load(FIXTURE_CHANNEL_ID);
    expect(badges.find('subscriber', '12', FIXTURE_CHANNEL_ID)?.title).toBe('1-Year Subscriber');
    expect(badges.find('subscriber', '0', FIXTURE_CHANNEL_ID)?.title).toBe('Subscriber');
    expect(badges.find('moderator', '1', FIXTURE_CHANNEL_ID)).toMatchObject({ title: 'Moderator', srcset: expect.stringContaining(' 4x') });
    expect(badges.find('no-such-badge', '1', FIXTURE_CHANNEL_ID)).toBeUndefined();
  });
});

describe('Helix typed calls', () => {
  test('custom rewards carry the image (or the default), colour and cooldown that redemption events lack', async () => {
    const rewards = await getCustomRewards(helix({ token: BROADCASTER_TOKEN }), FIXTURE_CHANNEL_ID);
    expect(rewards.map((r) => [r.title, r.cost, r.backgroundColor, r.cooldownSeconds, r.isUserInputRequired])).toEqual([
      ['game analysis 1v1', 50000, '#00E5CB', 0, false],
      ['Hydrate!', 300, '#9147FF', 120, true],
    ]);
    expect(rewards[0]!.image?.url1x).toContain('default-1.png');
    expect(rewards[1]!.image?.url4x).toContain('custom-4.png');
  });

  test('a reward colour or image URL that is not one never reaches a style or a srcset', async () => {
    const images = (url: string) => ({ url_1x: url, url_2x: url, url_4x: url });
    const reward = (id: string, color: string, image: string) => ({ id, title: id, prompt: '', cost: 1, image: images(image), default_image: images(image), background_color: color });
    await commands.httpScript('GET', '/helix/channel_points/custom_rewards', [
      {
        status: 200,
        body: {
          data: [
            reward('css', '#00C7AC;background-image:url(https://evil.example/x)', 'https://static-cdn.jtvnw.net/a.png 1x, https://evil.example/y'),
            reward('var', 'url(https://evil.example/z)', 'javascript:alert(1)'),
            reward('ok', '#00C7AC', 'https://static-cdn.jtvnw.net/ok.png'),
          ],
        },
      },
    ]);
    const rewards = await getCustomRewards(helix({ token: BROADCASTER_TOKEN }), FIXTURE_CHANNEL_ID);
    expect(rewards.map((r) => [r.id, r.backgroundColor, r.image?.url1x ?? null])).toEqual([
      ['css', null, null],
      ['var', null, null],
      ['ok', '#00C7AC', 'https://static-cdn.jtvnw.net/ok.png'],
    ]);
  });

  test('a token without the redemptions scope is told which scope it lacks; another broadcaster is forbidden', async () => {
    await expect(getCustomRewards(helix(), FIXTURE_CHANNEL_ID)).rejects.toMatchObject({ code: 'auth', message: expect.stringContaining('Missing scope: channel:read:redemptions') });
    await expect(getCustomRewards(helix({ token: BROADCASTER_TOKEN }), '42')).rejects.toMatchObject({ code: 'auth', message: expect.stringContaining('must match') });
  });

  test('creator goals: the current one with its amounts; Helix’s `follower` read as EventSub’s `follow`; amounts that are not counts left out', async () => {
    const goals = helix({ token: scopedToken(['channel:read:goals']) });
    expect(await getCreatorGoals(goals, FIXTURE_CHANNEL_ID)).toEqual([
      { id: '1woowvbkiNv8BRxEWSqmQz6Zk92', type: 'follow', description: 'Follow goal for Helix testing', current: 27062, target: 30000, createdAt: Date.parse('2021-08-16T17:22:23Z') },
    ]);
    const goal = (id: string, current: unknown, target: unknown) => ({ id, broadcaster_id: FIXTURE_CHANNEL_ID, type: 'new_bit', description: '', current_amount: current, target_amount: target, created_at: 'not a date' });
    await commands.httpScript('GET', '/helix/goals', [{ status: 200, body: { data: [goal('neg', -1, 10), goal('str', '5', 10), goal('ok', 3, 10)] } }]);
    expect(await getCreatorGoals(goals, FIXTURE_CHANNEL_ID)).toEqual([{ id: 'ok', type: 'new_bit', description: '', current: 3, target: 10, createdAt: 0 }]);
    await expect(getCreatorGoals(helix(), FIXTURE_CHANNEL_ID)).rejects.toMatchObject({ code: 'auth', message: expect.stringContaining('Missing scope: channel:read:goals') });
  });

  test('channel emotes come with image URLs from the template', async () => {
    const emotes = await getChannelEmotes(helix(), FIXTURE_CHANNEL_ID);
    expect(emotes.map((e) => [e.name, e.animated, e.url])).toEqual([
      ['twitchdevPitchfork', false, 'https://static-cdn.jtvnw.net/emoticons/v2/304456832/static/dark/1.0'],
      ['twitchdevHyperPitchfork', true, 'https://static-cdn.jtvnw.net/emoticons/v2/emotesv2_4c3b4ed516de493bbcd2df2f5d450f49/animated/dark/1.0'],
    ]);
  });

  test('a reply slower than the timeout is abandoned and retried', async () => {
    await commands.httpScript('GET', '/helix/chat/badges/global', [{ status: 200, delayMs: 500, body: { data: [] } }]);
    const body = await helix({ timeoutMs: 150 }).get<{ data: unknown[] }>('/chat/badges/global');
    expect(body.data.length).toBeGreaterThan(0); // the second, prompt answer: the fixture
    await commands.httpScript('GET', '/helix/chat/badges/global', [{ status: 200, delayMs: 500, body: {} }, { status: 200, delayMs: 500, body: {} }]);
    await expect(helix({ timeoutMs: 150, maxRetries: 1 }).get('/chat/badges/global')).rejects.toMatchObject({ code: 'network', message: expect.stringContaining('no answer within 150 ms') });
  });

  test('validateToken gives the Helix headers with the validation', async () => {
    const validation = await validateToken(`oauth:${GOOD_TOKEN}`, { endpoints: fakeTwitchEndpoints() });
    expect(validation.headers).toEqual({ Authorization: `Bearer ${GOOD_TOKEN}`, 'Client-Id': TEST_CLIENT_ID });
  });
});
