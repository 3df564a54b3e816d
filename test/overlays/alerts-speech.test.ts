import { afterEach, describe, expect, test } from 'vitest';
import { openPage, type OverlayPage } from '../helpers/page.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

describe('alerts overlay read-aloud (production build)', () => {
  test('?debug says whether this browser has voices to read input aloud with', async () => {
    page = await openPage('/overlays/alerts/?demo&debug&speak=*');
    // How many voices depends on the machine (the test Chromium usually has none): the line is there either way.
    await expect.poll(() => page!.text('ovl-status-panel', '.note'), { timeout: 8000 }).toContainEqual(expect.stringMatching(/^speech: (no voices installed; input is not read aloud|\d+ voices?)$/));
  });

  test('without `speak` there is no such line', async () => {
    page = await openPage('/overlays/alerts/?demo&debug');
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    expect(await page.text('ovl-status-panel', '.note')).not.toContainEqual(expect.stringMatching(/^speech:/));
  });
});
