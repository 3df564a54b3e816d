import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { GOOD_TOKEN } from '../helpers/http.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const url = (query: string, fragment = '') => `/overlays/heatmap/?${query}&dev-origin=${fake.httpOrigin}&dev-heat=${fake.heatUrl}${fragment}`;
/** Alpha at (x, y) in CSS pixels; the canvas holds one pixel per 8 px grid cell. */
const alpha = (x: number, y: number) => `document.querySelector('ovl-heatmap').shadowRoot.querySelector('canvas').getContext('2d').getImageData(${Math.floor(x / 8)}, ${Math.floor(y / 8)}, 1, 1).data[3]`;

describe('heatmap overlay page (production build)', () => {
  test('draws a click where the viewer clicked, and counts bad frames in ?debug', async () => {
    page = await openPage(url('channel-id=7777001&debug'));
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    await commands.heatSend('7777001', ['{"type":"click","id":"Aviewer","x":0.25,"y":"0.5"}', 'garbage']);
    await expect.poll(() => page!.eval<number>(alpha(200, 300)), { timeout: 5000 }).toBeGreaterThan(100);
    expect(await page.eval<number>(alpha(700, 300))).toBe(0);
    await expect.poll(() => page!.text('ovl-status-panel', '.note'), { timeout: 5000 }).toEqual(['skipped 1 bad click frames (last: not JSON)']);
    await page.screenshot('heatmap');
  });

  test('channel by login with a token; without either, a card says what to give', async () => {
    page = await openPage(url('channel=teststreamer&debug', `#token=${GOOD_TOKEN}`));
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    await page.close();
    page = await openPage(url('channel=teststreamer'));
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/needs a token/);
  });

  test('?demo draws simulated clicks with no account', async () => {
    page = await openPage('/overlays/heatmap/?demo&markers');
    await expect.poll(() => page!.eval<number>(`document.querySelector('ovl-heatmap').draws`), { timeout: 5000 }).toBeGreaterThan(3);
    expect(await page.errors()).toEqual([]);
    await page.screenshot('heatmap-demo');
  });
});
