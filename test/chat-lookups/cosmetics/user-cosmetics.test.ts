import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { UserCosmetics, type UserCosmeticsOptions } from '../../../src/chat-lookups/cosmetics/user-cosmetics.js';
import { userBadgeElement } from '../../../src/components/chat/user-badge-element.js';
import { COSMETIC_USER_ID, RADIAL_USER_ID } from '../../helpers/http.js';
import { fakeFeatureEndpoints } from '../../helpers/fake-servers.js';

const SUPPORTER_BG = '#755000';
const FFZ_DEV = '49399878';
const FFZ_BOT = '100135110';
const BTTV_DEV = '29045896';

function cosmetics(options: Partial<UserCosmeticsOptions> = {}): UserCosmetics {
  return new UserCosmetics({ providers: ['ffz', 'bttv', '7tv'], endpoints: fakeFeatureEndpoints(), maxBytes: 20_000, ...options });
}

async function requestCount(prefix: string): Promise<number> {
  return (await commands.httpRequests(prefix)).length;
}

describe('third-party badges and 7TV cosmetics', () => {
  test("a chatter's FFZ, BTTV and 7TV badges, in the streamer's order, and their 7TV paint", async () => {
    const all = cosmetics();
    expect(await all.load()).toEqual([
      { provider: 'ffz', ok: true },
      { provider: 'bttv', ok: true },
      { provider: '7tv', ok: true },
    ]);
    await all.prepare(COSMETIC_USER_ID);
    expect(all.badges(COSMETIC_USER_ID)).toEqual([
      {
        provider: 'ffz',
        id: '3',
        url: 'https://cdn.frankerfacez.com/badge/3/1',
        srcset: 'https://cdn.frankerfacez.com/badge/3/1 1x, https://cdn.frankerfacez.com/badge/3/2 2x, https://cdn.frankerfacez.com/badge/3/4 4x',
        title: 'FFZ Supporter',
        backgroundColor: SUPPORTER_BG,
      },
      { provider: 'bttv', id: '2', url: 'https://cdn.betterttv.net/badges/support.svg', srcset: 'https://cdn.betterttv.net/badges/support.svg', title: 'BetterTTV Support' },
      {
        provider: '7tv',
        id: '62f97c05e46eb00e438a696a',
        url: 'https://cdn.7tv.app/badge/62f97c05e46eb00e438a696a/1x.webp',
        srcset:
          'https://cdn.7tv.app/badge/62f97c05e46eb00e438a696a/1x.webp 1x, https://cdn.7tv.app/badge/62f97c05e46eb00e438a696a/2x.webp 2x, https://cdn.7tv.app/badge/62f97c05e46eb00e438a696a/3x.webp 4x',
        title: '7TV Subscriber - 1 Year',
      },
    ]);
    expect(all.paint(COSMETIC_USER_ID)).toEqual({
      id: '63a5b4c2d1e0f9a8b7c6d501',
      name: 'Sunset Stripes',
      style: {
        backgroundImage: 'linear-gradient(45deg, rgba(255, 122, 0, 1) 0%, rgba(255, 46, 99, 1) 50%, rgba(123, 47, 247, 1) 100%)',
        backgroundColor: null,
        filter: 'drop-shadow(0px 0px 1px rgba(0, 0, 0, 0.702))',
      },
    });
    const supporter = userBadgeElement(all.badges(COSMETIC_USER_ID)[0]!);
    expect([supporter.dataset.badge, supporter.style.backgroundColor, supporter.srcset]).toEqual(['ffz-3', 'rgb(117, 80, 0)', expect.stringContaining('/badge/3/4 4x')]);
    expect(all.badges(FFZ_DEV).map((b) => b.title)).toEqual(['Developer', 'FFZ Supporter']);
    expect(all.badges(FFZ_BOT).map((b) => b.title)).toEqual(['Bot']);
    expect(all.badges(BTTV_DEV).map((b) => b.title)).toEqual(['BetterTTV Developer']);
    const reordered = cosmetics({ providers: ['7tv', 'bttv'] });
    await reordered.load();
    await reordered.prepare(COSMETIC_USER_ID);
    expect(reordered.badges(COSMETIC_USER_ID).map((b) => b.provider)).toEqual(['7tv', 'bttv']);
  });

  test('7TV: the definitions several chatters need come in one GraphQL request, then from the cache', async () => {
    const seventv = cosmetics({ providers: ['7tv'], sevenTv: { pauseAfterFailureMs: 0 } });
    // First their choices are learnt while the definitions request fails…
    await commands.httpScript('POST', '/7tv/v3/gql', [{ status: 500 }, { status: 500 }]);
    await seventv.prepare(COSMETIC_USER_ID);
    await seventv.prepare(RADIAL_USER_ID);
    expect(seventv.paint(COSMETIC_USER_ID)).toBeUndefined();
    // …then both chatters' three definitions are asked for at once.
    const gqlBefore = await requestCount('/7tv/v3/gql');
    const usersBefore = (await requestCount(`/7tv/v3/users/twitch/${COSMETIC_USER_ID}`)) + (await requestCount(`/7tv/v3/users/twitch/${RADIAL_USER_ID}`));
    await Promise.all([seventv.prepare(COSMETIC_USER_ID), seventv.prepare(RADIAL_USER_ID), seventv.prepare(COSMETIC_USER_ID)]);
    expect((await requestCount('/7tv/v3/gql')) - gqlBefore).toBe(1);
    expect(seventv.paint(COSMETIC_USER_ID)?.name).toBe('Sunset Stripes');
    expect(seventv.badges(COSMETIC_USER_ID).map((b) => b.title)).toEqual(['7TV Subscriber - 1 Year']);
    expect(seventv.paint(RADIAL_USER_ID)?.style).toEqual({
      backgroundImage: 'repeating-radial-gradient(circle, rgba(255, 255, 255, 1) 0%, rgba(128, 144, 255, 0.502) 60%)',
      backgroundColor: 'rgba(192, 192, 255, 1)',
      filter: null,
    });
    expect(seventv.badges(RADIAL_USER_ID)).toEqual([]);
    // Known chatters with known definitions cost no request at all.
    await seventv.prepare(COSMETIC_USER_ID);
    await seventv.prepare(RADIAL_USER_ID);
    expect((await requestCount(`/7tv/v3/users/twitch/${COSMETIC_USER_ID}`)) + (await requestCount(`/7tv/v3/users/twitch/${RADIAL_USER_ID}`))).toBe(usersBefore);
    expect(await requestCount('/7tv/v3/gql')).toBe(gqlBefore + 1);
  });

  test('7TV: a chatter without a 7TV account has nothing and is not asked about twice', async () => {
    const seventv = cosmetics({ providers: ['7tv'] });
    await seventv.prepare('7000002');
    await seventv.prepare('7000002');
    expect(await requestCount('/7tv/v3/users/twitch/7000002')).toBe(1);
    expect(seventv.badges('7000002')).toEqual([]);
    expect(seventv.paint('7000002')).toBeUndefined();
    // Not a user id: never reaches a URL.
    await seventv.prepare('../gql');
    expect(await requestCount('/7tv/v3/users/twitch/..')).toBe(0);
  });

  test('7TV: the user cache is bounded', async () => {
    const seventv = cosmetics({ providers: ['7tv'], sevenTv: { userCapacity: 2 } });
    await seventv.prepare(COSMETIC_USER_ID);
    await seventv.prepare('7000004');
    await seventv.prepare('7000005');
    const before = await requestCount(`/7tv/v3/users/twitch/${COSMETIC_USER_ID}`);
    expect(seventv.paint(COSMETIC_USER_ID)).toBeUndefined(); // evicted
    await seventv.prepare(COSMETIC_USER_ID);
    expect(await requestCount(`/7tv/v3/users/twitch/${COSMETIC_USER_ID}`)).toBe(before + 1);
    expect(seventv.paint(COSMETIC_USER_ID)?.name).toBe('Sunset Stripes');
  });

  test.each([
    ['ffz', '/ffz/v1/badges/ids', 'an HTTP 5xx', { status: 503, body: { error: 'Service Unavailable' } }, 'HTTP 503'],
    ['ffz', '/ffz/v1/badges/ids', 'a timeout', { status: 200, body: [], delayMs: 5000 }, 'did not answer within 1000 ms'],
    ['ffz', '/ffz/v1/badges/ids', 'malformed JSON', { status: 200, rawBody: '{"badges":[{"id":1,' }, 'not JSON'],
    ['ffz', '/ffz/v1/badges/ids', 'a huge answer', { status: 200, body: [], padBytes: 40_000 }, 'more than 20000 bytes'],
    ['bttv', '/bttv/3/cached/badges/twitch', 'an HTTP 5xx', { status: 500 }, 'HTTP 500'],
    ['bttv', '/bttv/3/cached/badges/twitch', 'a timeout', { status: 200, body: [], delayMs: 5000 }, 'did not answer within 1000 ms'],
    ['bttv', '/bttv/3/cached/badges/twitch', 'malformed JSON', { status: 200, rawBody: '[{"providerId":' }, 'not JSON'],
    ['bttv', '/bttv/3/cached/badges/twitch', 'a huge answer', { status: 200, body: [], padBytes: 40_000 }, 'more than 20000 bytes'],
  ])('%s answering with %s is left out; the others carry on', async (failing, path, _kind, scripted, reason) => {
    await commands.httpScript('GET', path, [scripted]);
    const all = cosmetics({ timeoutMs: 'delayMs' in scripted ? 1000 : undefined });
    const results = await all.load();
    expect(results.find((r) => r.provider === failing)).toEqual({ provider: failing, ok: false, error: expect.stringContaining(reason) });
    expect(results.filter((r) => r.provider !== failing).every((r) => r.ok)).toBe(true);
    await all.prepare(COSMETIC_USER_ID);
    expect(all.badges(COSMETIC_USER_ID).map((b) => b.provider)).toEqual(['ffz', 'bttv', '7tv'].filter((p) => p !== failing));
  });

  test.each([
    ['an HTTP 5xx', '8000001', { status: 502 }],
    ['a timeout', '8000002', { status: 200, body: {}, delayMs: 5000 }],
    ['malformed JSON', '8000003', { status: 200, rawBody: '{"user":{"style":' }],
    ['a huge answer', '8000004', { status: 200, body: {}, padBytes: 40_000 }],
  ])('7TV answering a user lookup with %s: no cosmetics, no throw, and 7TV is left alone for a while', async (_kind, userId, scripted) => {
    let now = 1_000_000;
    const seventv = cosmetics({ providers: ['7tv'], timeoutMs: 'delayMs' in scripted ? 1000 : undefined, sevenTv: { now: () => now, pauseAfterFailureMs: 60_000 } });
    await commands.httpScript('GET', `/7tv/v3/users/twitch/${userId}`, [scripted]);
    await expect(seventv.prepare(userId)).resolves.toBeUndefined();
    expect(seventv.badges(userId)).toEqual([]);
    const before = await requestCount(`/7tv/v3/users/twitch/${COSMETIC_USER_ID}`);
    await seventv.prepare(COSMETIC_USER_ID);
    expect(await requestCount(`/7tv/v3/users/twitch/${COSMETIC_USER_ID}`)).toBe(before);
    now += 60_000;
    await seventv.prepare(COSMETIC_USER_ID);
    expect(seventv.paint(COSMETIC_USER_ID)?.name).toBe('Sunset Stripes');
  });

  test('7TV: a failed definitions request leaves the paint out until 7TV is asked again', async () => {
    let now = 5_000_000;
    const seventv = cosmetics({ providers: ['7tv'], sevenTv: { now: () => now } });
    await commands.httpScript('POST', '/7tv/v3/gql', [{ status: 200, body: { errors: [{ message: 'internal' }], data: null } }]);
    await seventv.prepare(COSMETIC_USER_ID);
    expect(seventv.paint(COSMETIC_USER_ID)).toBeUndefined();
    now += 60_000;
    await seventv.prepare(COSMETIC_USER_ID);
    expect(seventv.paint(COSMETIC_USER_ID)?.name).toBe('Sunset Stripes');
  });

  test('crafted answers: names stay data, and colours, images and CSS text that do not validate are dropped', async () => {
    await commands.httpScript('GET', '/bttv/3/cached/badges/twitch', [
      {
        status: 200,
        body: [
          { providerId: '9000001', badge: { type: 1, description: '<img src=x onerror=alert(1)>', svg: 'https://cdn.betterttv.net/badges/developer.svg' } },
          { providerId: '9000002', badge: { type: 1, description: 'x', svg: 'javascript:alert(1)' } },
          { providerId: '9000003 OR 1=1', badge: { type: 1, description: 'x', svg: 'https://cdn.betterttv.net/a.svg' } },
        ],
      },
    ]);
    await commands.httpScript('GET', '/ffz/v1/badges/ids', [
      { status: 200, body: { badges: [{ id: 9, title: 'Odd', color: 'red;background:url(https://evil.example/x)', urls: { '1': 'https://cdn.frankerfacez.com/badge/9/1', '2': 'https://evil.example/a 1x, https://evil.example/b' } }], users: { '9': [9000001] } } },
    ]);
    const painted = {
      user: {
        style: {
          paint_id: '63a5b4c2d1e0f9a8b7c6d599',
          paint: { id: '63a5b4c2d1e0f9a8b7c6d599', name: '</style><img src=x onerror=alert(1)>', function: 'LINEAR_GRADIENT', angle: 0, repeat: false, stops: [{ at: 0, color: -1 }, { at: 1, color: 255 }] },
        },
      },
    };
    const injected = { user: { style: { paint_id: '63a5b4c2d1e0f9a8b7c6d598', paint: { id: '63a5b4c2d1e0f9a8b7c6d598', name: 'x', function: 'URL', image_url: 'https://cdn.7tv.app/x?\\");background:url(https://evil.example/y' } } } };
    await commands.httpScript('GET', '/7tv/v3/users/twitch/9000001', [{ status: 200, body: painted }]);
    await commands.httpScript('GET', '/7tv/v3/users/twitch/9000002', [{ status: 200, body: injected }]);
    await commands.httpScript('POST', '/7tv/v3/gql', [{ status: 200, body: { data: { cosmetics: { paints: [], badges: [] } } } }]);
    const all = cosmetics();
    await all.load();
    await Promise.all([all.prepare('9000001'), all.prepare('9000002')]);

    const [ffz, bttv] = all.badges('9000001');
    expect(ffz).toEqual({ provider: 'ffz', id: '9', url: 'https://cdn.frankerfacez.com/badge/9/1', srcset: 'https://cdn.frankerfacez.com/badge/9/1 1x', title: 'Odd' });
    expect(bttv?.title).toBe('<img src=x onerror=alert(1)>');
    expect(all.badges('9000002')).toEqual([]);
    expect(all.badges('9000003')).toEqual([]);
    const paint = all.paint('9000001')!;
    expect(paint.name).toBe('</style><img src=x onerror=alert(1)>');
    expect(JSON.stringify(paint.style)).not.toContain('img');
    expect(paint.style.backgroundImage).toBe('linear-gradient(0deg, rgba(255, 255, 255, 1) 0%, rgba(0, 0, 0, 1) 100%)');
    // The injected image URL fails validation: no paint at all rather than a partial one.
    expect(all.paint('9000002')).toBeUndefined();
    // Drawn, the badge's title is an attribute value and its colour only a checked one.
    const img = userBadgeElement(all.badges('9000001')[1]!);
    expect([img.getAttribute('part'), img.dataset.badge, img.alt, img.title]).toEqual(['badge', 'bttv-1', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>']);
    expect(userBadgeElement(ffz!).style.backgroundColor).toBe(''); // the crafted colour was refused
  });
});
