import { afterEach, describe, expect, test } from 'vitest';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { SUB_PATH } from '../helpers/site.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

describe('dist/ served from a sub-path', () => {
  test.each(['chat', 'stream-info', 'alerts', 'heatmap'])('overlays/%s boots on the simulator with no console errors', async (name) => {
    page = await openPage(`${SUB_PATH}overlays/${name}/?demo`, { reducedMotion: true });
    const host = { chat: 'ovl-chat', 'stream-info': 'ovl-stream-info', alerts: 'ovl-alerts', heatmap: 'ovl-heatmap' }[name]!;
    await expect.poll(() => page!.eval<boolean>(`!!document.querySelector('${host}')?.shadowRoot`), { timeout: 5000 }).toBe(true);
    expect(await page.eval('location.pathname')).toBe(`${SUB_PATH}overlays/${name}/`);
    // Chat's simulated Twitch emotes point at Twitch's CDN, which the test browser cannot resolve.
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
  });

  test('the demo page links to overlays under the same sub-path', async () => {
    page = await openPage(SUB_PATH);
    await expect.poll(() => page!.eval<string[]>(`[...document.querySelectorAll('ovl-url-builder')].map((b) => new URL(b.url).pathname)`), { timeout: 5000 }).toEqual([
      `${SUB_PATH}overlays/chat/`,
      `${SUB_PATH}overlays/stream-info/`,
      `${SUB_PATH}overlays/alerts/`,
      `${SUB_PATH}overlays/heatmap/`,
    ]);
  });
});
