import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { TwitchBadges } from '../../../src/chat-lookups/badges/twitch-badges.js';
import { HelixClient } from '../../../src/twitch/helix-client.js';
import { Backoff } from '../../../src/core/backoff.js';
import { BROKEN_CHANNEL_ID, FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID } from '../../helpers/http.js';
import { fakeTwitchEndpoints, fakeFeatureEndpoints } from '../../helpers/fake-servers.js';

const IVR_CHANNEL = '/ivr/v2/twitch/badges/channel';

function ivrOnly(overrides: { timeoutMs?: number; maxBytes?: number } = {}): TwitchBadges {
  return new TwitchBadges({ ivr: { endpoint: fakeFeatureEndpoints().ivr, ...overrides } });
}

function helix(token: string): HelixClient {
  return new HelixClient({ token, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0, backoff: new Backoff({ initialMs: 10, maxMs: 10, jitter: 0 }) });
}

describe('Twitch badges without a token (IVR)', () => {
  test("the channel's subscriber and bits badges override the global ones", async () => {
    const badges = ivrOnly();
    expect(await badges.load(FIXTURE_CHANNEL_ID)).toEqual({ channelId: FIXTURE_CHANNEL_ID, source: 'ivr', errors: [] });
    expect(badges.find('subscriber', '12', FIXTURE_CHANNEL_ID)).toEqual({
      url: 'https://static-cdn.jtvnw.net/badges/v1/a39d4c8e-06a5-46c7-9f8b-e2b4b0c6b7e1/1',
      srcset:
        'https://static-cdn.jtvnw.net/badges/v1/a39d4c8e-06a5-46c7-9f8b-e2b4b0c6b7e1/1 1x, https://static-cdn.jtvnw.net/badges/v1/a39d4c8e-06a5-46c7-9f8b-e2b4b0c6b7e1/2 2x, https://static-cdn.jtvnw.net/badges/v1/a39d4c8e-06a5-46c7-9f8b-e2b4b0c6b7e1/3 4x',
      title: '1-Year Subscriber',
    });
    expect(badges.find('subscriber', '0', FIXTURE_CHANNEL_ID)?.url).toContain('e0fd3fd1');
    expect(badges.find('moderator', '1', FIXTURE_CHANNEL_ID)?.title).toBe('Moderator');
    expect(badges.find('bits', '1000', FIXTURE_CHANNEL_ID)?.title).toBe('cheer 1000');
    expect(badges.find('no-such-badge', '1', FIXTURE_CHANNEL_ID)).toBeUndefined();
  });

  test('a channel with no custom badges uses the global ones; global sets are fetched once', async () => {
    const badges = ivrOnly();
    const before = (await commands.httpRequests('/ivr/v2/twitch/badges/global')).length;
    await badges.load(FIXTURE_CHANNEL_ID);
    await badges.load('44445592');
    expect((await commands.httpRequests('/ivr/v2/twitch/badges/global')).length - before).toBe(1);
    expect(badges.find('subscriber', '0', '44445592')?.url).toContain('5d9f2208');
    // A Shared Chat line from a channel not loaded yet still gets global badges.
    expect(badges.find('vip', '1', '123')?.title).toBe('VIP');
  });

  test.each([
    ['an HTTP 5xx', BROKEN_CHANNEL_ID, null, 'HTTP 500'],
    ['a timeout', '1001', { status: 200, body: [], delayMs: 5000 }, 'did not answer within 1000 ms'],
    ['malformed JSON', '1002', { status: 200, rawBody: '[{"set_id":"subscriber","versions":[' }, 'not JSON'],
    ['a huge answer', '1003', { status: 200, body: [], padBytes: 50_000 }, 'more than 20000 bytes'],
  ])('%s leaves the channel without badges, reported, and never throws', async (_kind, channelId, scripted, reason) => {
    if (scripted) await commands.httpScript('GET', IVR_CHANNEL, [scripted]);
    // A short deadline only where the server is told to stall; elsewhere a loaded machine must not time out.
    const badges = ivrOnly({ timeoutMs: scripted && 'delayMs' in scripted ? 1000 : undefined, maxBytes: 20_000 });
    const result = await badges.load(channelId);
    expect(result.source).toBe('none');
    expect(result.errors).toEqual([expect.stringContaining(reason)]);
    // The global sets (a separate request) still serve the line.
    expect(badges.find('moderator', '1', channelId)?.title).toBe('Moderator');
    // The next attempt asks again and succeeds.
    expect((await badges.load('44445592')).source).toBe('ivr');
  });

  test('IVR down entirely: no badges, no error thrown', async () => {
    const badges = new TwitchBadges({ ivr: { endpoint: 'http://127.0.0.1:9/ivr', timeoutMs: 2000 } });
    const result = await badges.load(FIXTURE_CHANNEL_ID);
    expect(result).toMatchObject({ source: 'none', errors: [expect.stringContaining('127.0.0.1:9 did not answer')] });
    expect(badges.find('moderator', '1', FIXTURE_CHANNEL_ID)).toBeUndefined();
  });

  test('crafted entries are dropped: image URLs that are not plain http(s) or that would add srcset candidates', async () => {
    await commands.httpScript('GET', IVR_CHANNEL, [
      {
        status: 200,
        body: [
          {
            set_id: 'subscriber',
            versions: [
              { id: '1', image_url_1x: 'javascript:alert(1)', image_url_2x: 'https://x/2', image_url_4x: 'https://x/4', title: 'Bad' },
              { id: '2', image_url_1x: 'https://x/1 1x, https://evil.example/track', title: 'Bad too' },
              { id: '3', image_url_1x: 'https://static-cdn.jtvnw.net/badges/v1/ok/1', image_url_2x: 'data:image/png;base64,AAAA', image_url_4x: 42, title: '<img src=x onerror=alert(1)>' },
              'not a version',
            ],
          },
          { set_id: 7, versions: [] },
          null,
        ],
      },
    ]);
    const badges = ivrOnly();
    expect((await badges.load('1004')).source).toBe('ivr');
    expect(badges.find('subscriber', '1', '1004')?.url).toContain('5d9f2208'); // the global one
    expect(badges.find('subscriber', '2', '1004')).toBeUndefined();
    // The usable version keeps only its safe candidates; its title is data for alt/title, never markup.
    expect(badges.find('subscriber', '3', '1004')).toEqual({
      url: 'https://static-cdn.jtvnw.net/badges/v1/ok/1',
      srcset: 'https://static-cdn.jtvnw.net/badges/v1/ok/1 1x',
      title: '<img src=x onerror=alert(1)>',
    });
  });
});

describe('Twitch badges with a token', () => {
  test('Helix is the first choice: IVR is not asked', async () => {
    const before = (await commands.httpRequests(IVR_CHANNEL)).length;
    const badges = new TwitchBadges({ helix: helix(GOOD_TOKEN), ivr: { endpoint: fakeFeatureEndpoints().ivr } });
    expect(await badges.load(FIXTURE_CHANNEL_ID)).toEqual({ channelId: FIXTURE_CHANNEL_ID, source: 'helix', errors: [] });
    expect(badges.find('subscriber', '12', FIXTURE_CHANNEL_ID)?.title).toBe('1-Year Subscriber');
    expect((await commands.httpRequests(IVR_CHANNEL)).length).toBe(before);
  });

  test('when Helix fails, IVR answers for that channel', async () => {
    const badges = new TwitchBadges({ helix: helix('expiredtoken'), ivr: { endpoint: fakeFeatureEndpoints().ivr } });
    const result = await badges.load(FIXTURE_CHANNEL_ID);
    expect(result).toMatchObject({ source: 'ivr', errors: [expect.stringMatching(/^helix: .*Invalid OAuth token/)] });
    expect(badges.find('subscriber', '3', FIXTURE_CHANNEL_ID)?.title).toBe('3-Month Subscriber');
  });

  test('concurrent loads of one channel share one request', async () => {
    const badges = ivrOnly();
    const before = (await commands.httpRequests(`${IVR_CHANNEL}?id=1005`)).length;
    const [a, b] = await Promise.all([badges.load('1005'), badges.load('1005')]);
    expect(a).toBe(b);
    expect((await commands.httpRequests(`${IVR_CHANNEL}?id=1005`)).length - before).toBe(1);
  });
});
