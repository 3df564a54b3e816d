import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { FIXTURE_CHANNEL_ID, GOOD_TOKEN } from '../helpers/http.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
  await commands.httpSetStream(FIXTURE_CHANNEL_ID, null);
});

const url = (query: string, token = GOOD_TOKEN) => `/overlays/stream-info/?${query}&dev-origin=${fake.httpOrigin}#token=${token}`;

describe('stream-info overlay page (production build)', () => {
  test('shows a live channel, and offline when it ends', async () => {
    await commands.httpSetStream(FIXTURE_CHANNEL_ID, {
      id: 's2', user_id: FIXTURE_CHANNEL_ID, user_login: 'teststreamer', user_name: 'TestStreamer', game_id: '1', game_name: 'Chess',
      type: 'live', title: 'Page title', viewer_count: 321, started_at: new Date(Date.now() - 60_000).toISOString(), language: 'en',
      thumbnail_url: '', tags: [], is_mature: false,
    });
    page = await openPage(url('channel=teststreamer&show=viewers,title&debug'));
    await expect.poll(() => page!.text('ovl-stream-info', '[part="base"] > [part]'), { timeout: 5000 }).toEqual(['321', 'Page title']);
    // The source's chip, then the token's (re-validated hourly).
    expect(await page.attr('ovl-status-panel', '[part="chip"]', 'data-source')).toEqual(['stream-info', 'token']);
    expect(await page.attr('ovl-status-panel', '[part="chip"]', 'data-state')).toEqual(['connected', 'connected']);
    expect(await page.errors()).toEqual([]);
    await page.screenshot('stream-info');
  });

  test('a transient Helix failure shows in the ?debug chip, not as a setup card', async () => {
    // Four answers: the client's own three retries of the first poll included.
    await commands.httpScript('GET', '/helix/streams', [{ status: 503, body: { message: 'Service Unavailable' } }, { status: 503 }, { status: 503 }, { status: 503 }]);
    page = await openPage(url('channel=teststreamer&debug'));
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('reconnecting');
    expect((await page.text('ovl-status-panel', '[part="chip"]'))[0]).toMatch(/network: The Twitch API answered 503/);
    expect(await page.eval('document.querySelector("ovl-setup-card")')).toBeNull();
    // The retry 5 s later and the recovery run on stepped time in stream-info-source.test.ts.
  });

  test('a refused token or an unknown channel shows the setup card', async () => {
    page = await openPage(url('channel=teststreamer', 'revoked'));
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/invalid or has expired/);
    await page.close();
    page = await openPage(url('channel=nobody_here'));
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/no channel called "nobody_here"/);
    await page.close();
    page = await openPage(`/overlays/stream-info/?channel=teststreamer`);
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/"token" is required/);
  });

  test('?demo shows a live demo channel with no account', async () => {
    page = await openPage('/overlays/stream-info/?demo');
    await expect.poll(async () => (await page!.text('ovl-stream-info', '[part="game"]'))[0] ?? '', { timeout: 5000 }).not.toBe('');
    expect(await page.errors()).toEqual([]);
  });
});
