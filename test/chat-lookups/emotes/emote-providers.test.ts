import { describe, expect, test } from 'vitest';
import { EmoteLookup } from '../../../src/chat-lookups/emotes/emote-lookup.js';
import { loadThirdPartyEmotes } from '../../../src/chat-lookups/emotes/emote-providers.js';
import { BROKEN_CHANNEL_ID, FIXTURE_CHANNEL_ID } from '../../helpers/http.js';
import { fakeEmoteEndpoints } from '../../helpers/fake-servers.js';

const ALL = ['7tv', 'bttv', 'ffz'] as const;

describe('third-party emote providers', () => {
  test('load global and channel emotes from each service', async () => {
    const lookup = new EmoteLookup();
    const results = await loadThirdPartyEmotes(lookup, { providers: ALL, channelId: FIXTURE_CHANNEL_ID, endpoints: fakeEmoteEndpoints() });
    expect(results).toEqual([
      { provider: '7tv', ok: true, count: 4 },
      { provider: 'bttv', ok: true, count: 5 },
      { provider: 'ffz', ok: true, count: 2 },
    ]);
    expect(lookup.find('peepoHappy', FIXTURE_CHANNEL_ID)).toMatchObject({
      provider: '7tv',
      url: 'https://cdn.7tv.app/emote/60ae958e229664e8667aea38/1x.webp',
      srcset: expect.stringContaining('/4x.webp 4x'),
    });
    expect(lookup.find('RainTime', FIXTURE_CHANNEL_ID)?.zeroWidth).toBe(true);
    expect(lookup.find('EZ', FIXTURE_CHANNEL_ID)?.zeroWidth).toBe(false);
    expect(lookup.find('FeelsGoodMan', FIXTURE_CHANNEL_ID)).toMatchObject({ provider: 'bttv', url: 'https://cdn.betterttv.net/emote/566ca04265dbbdab32ec054a/1x' });
    expect(lookup.find('SoSnowy', FIXTURE_CHANNEL_ID)?.zeroWidth).toBe(true);
    expect(lookup.find('KEKW', FIXTURE_CHANNEL_ID)).toMatchObject({ provider: 'ffz', url: 'https://cdn.frankerfacez.com/emote/381875/1' });
    expect(lookup.find('LilZ', FIXTURE_CHANNEL_ID)?.provider).toBe('ffz');
    // FFZ sets outside default_sets are not global.
    expect(lookup.find('NotGlobal', FIXTURE_CHANNEL_ID)).toBeUndefined();
    // catJAM is both a 7TV and a BTTV channel emote: 7TV wins.
    expect(lookup.find('catJAM', FIXTURE_CHANNEL_ID)?.provider).toBe('7tv');
  });

  test('a channel unknown to a service just has no channel emotes', async () => {
    const lookup = new EmoteLookup();
    const results = await loadThirdPartyEmotes(lookup, { providers: ALL, channelId: '999', endpoints: fakeEmoteEndpoints() });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(lookup.find('peepoHappy', '999')).toBeUndefined();
    expect(lookup.find('EZ', '999')?.provider).toBe('7tv');
  });

  test('one service failing never stops the others', async () => {
    const lookup = new EmoteLookup();
    const results = await loadThirdPartyEmotes(lookup, { providers: ['bttv'], channelId: BROKEN_CHANNEL_ID, endpoints: fakeEmoteEndpoints() });
    expect(results).toEqual([{ provider: 'bttv', ok: false, count: 0, error: expect.stringMatching(/answered HTTP 500\.$/) }]);
    const mixed = await loadThirdPartyEmotes(lookup, {
      providers: ALL,
      channelId: FIXTURE_CHANNEL_ID,
      endpoints: { ...fakeEmoteEndpoints(), ffz: 'http://127.0.0.1:9/ffz' },
    });
    expect(mixed.map((r) => [r.provider, r.ok])).toEqual([
      ['7tv', true],
      ['bttv', true],
      ['ffz', false],
    ]);
    expect(lookup.find('peepoHappy', FIXTURE_CHANNEL_ID)).toBeDefined();
  });
});
