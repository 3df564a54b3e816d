import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { CheermoteLookup, loadCheermotes } from '../../src/chat-lookups/cheermotes.js';
import { HelixClient } from '../../src/twitch/helix-client.js';
import { Backoff } from '../../src/core/backoff.js';
import { FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID } from '../helpers/http.js';
import { fakeTwitchEndpoints } from '../helpers/fake-servers.js';

const CDN = 'https://d3aqoihi2n8ty8.cloudfront.net';

function helix(token = GOOD_TOKEN, timeoutMs?: number): HelixClient {
  return new HelixClient({ token, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0, timeoutMs, backoff: new Backoff({ initialMs: 10, maxMs: 10, jitter: 0 }) });
}

async function fixtureLookup(): Promise<CheermoteLookup> {
  const { lookup, error } = await loadCheermotes(helix(), FIXTURE_CHANNEL_ID);
  expect(error).toBeUndefined();
  return lookup;
}

describe('cheermotes', () => {
  test('Helix is asked for the global and the channel cheermotes', async () => {
    const lookup = await fixtureLookup();
    expect(lookup.size).toBe(3);
    const [request] = (await commands.httpRequests('/helix/bits/cheermotes')).slice(-1);
    expect(request?.url).toBe(`/helix/bits/cheermotes?broadcaster_id=${FIXTURE_CHANNEL_ID}`);
  });

  test.each([
    ['Cheer', 1, 1, '#979797'],
    ['Cheer', 99, 1, '#979797'],
    ['Cheer', 100, 100, '#9c3ee8'],
    ['cheer', 999, 100, '#9c3ee8'],
    ['CHEER', 1000, 1000, '#1db2a5'],
    ['Cheer', 5000, 5000, '#0099fe'],
    ['Cheer', 250_000, 10_000, '#f43021'],
    ['Kappa', 150, 100, '#9c3ee8'],
    ['TestCheer', 1500, 1000, '#1db2a5'],
  ])('%s × %i uses the tier of %i bits', async (prefix, amount, tier, color) => {
    const image = (await fixtureLookup()).find(prefix, amount);
    expect(image).toMatchObject({ tier, color });
    expect(image?.srcset.split(', ').map((c) => c.split(' ')[1])).toEqual(['1x', '1.5x', '2x', '3x', '4x']);
  });

  test('images by theme and motion; a channel cheermote uses its own images', async () => {
    const { lookup } = await loadCheermotes(helix(), FIXTURE_CHANNEL_ID, { theme: 'light', animated: false });
    expect(lookup.find('Cheer', 100)?.url).toBe(`${CDN}/actions/cheer/light/static/100/1.png`);
    expect((await fixtureLookup()).find('Cheer', 100)?.url).toBe(`${CDN}/actions/cheer/dark/animated/100/1.gif`);
    expect((await fixtureLookup()).find('TestCheer', 100)?.url).toBe(`${CDN}/partner-actions/${FIXTURE_CHANNEL_ID}/b3f1c2a0-5d6e-4f7a-8b9c-0d1e2f3a4b5c/100/dark/animated/1.gif`);
  });

  test('scan finds every cheer word of a message, with its offsets, and nothing else', async () => {
    const lookup = await fixtureLookup();
    const text = 'hype Cheer100 TestCheer1000 kappa5 Cheer0 Foo100 xCheer100 Cheer100! Cheer250 🎉 Cheer1';
    const found = lookup.scan(text).map((m) => [text.slice(m.start, m.end), m.amount, m.image.prefix, m.image.tier]);
    expect(found).toEqual([
      ['Cheer100', 100, 'Cheer', 100],
      ['TestCheer1000', 1000, 'TestCheer', 1000],
      ['kappa5', 5, 'Kappa', 1],
      ['Cheer250', 250, 'Cheer', 100],
      ['Cheer1', 1, 'Cheer', 1],
    ]);
  });

  test.each([
    ['a refused token', () => helix('expiredtoken'), null, 'Invalid OAuth token'],
    ['an HTTP 5xx', () => helix(), { status: 500, body: { message: 'Internal Server Error' } }, '500'],
    ['a timeout', () => helix(GOOD_TOKEN, 1000), { status: 200, body: { data: [] }, delayMs: 5000 }, 'no answer within 1000 ms'],
    ['malformed JSON', () => helix(), { status: 200, rawBody: '{"data":[{"prefix":' }, 'not JSON'],
  ])('%s leaves an empty lookup (cheers stay text) and an error, never a throw', async (_kind, client, scripted, reason) => {
    if (scripted) await commands.httpScript('GET', '/helix/bits/cheermotes', [scripted]);
    const { lookup, error } = await loadCheermotes(client(), FIXTURE_CHANNEL_ID);
    expect(error).toContain(reason);
    expect(lookup.size).toBe(0);
    expect(lookup.scan('Cheer100')).toEqual([]);
  });

  test('crafted tiers: colours that are not hex and images that are not plain http(s) are dropped', () => {
    const images = (url: string) => ({ dark: { animated: { '1': url, '2': 'https://cdn.example/a 1x, https://evil.example/b' } } });
    const lookup = new CheermoteLookup({
      data: [
        { prefix: 'Odd', tiers: [{ min_bits: 1, color: 'red;background:url(https://evil.example/x)', images: images('https://cdn.example/odd/1.gif') }, { min_bits: 100, color: '#ffffff', images: images('javascript:alert(1)') }] },
        { prefix: 'Bad Prefix', tiers: [{ min_bits: 1, color: '#ffffff', images: images('https://cdn.example/1.gif') }] },
        { prefix: 'Zero', tiers: [{ min_bits: 0, color: '#ffffff', images: images('https://cdn.example/1.gif') }] },
        null,
      ],
    });
    expect(lookup.find('Odd', 500)).toEqual({ prefix: 'Odd', tier: 1, url: 'https://cdn.example/odd/1.gif', srcset: 'https://cdn.example/odd/1.gif 1x', color: null });
    expect(lookup.size).toBe(1);
  });
});
