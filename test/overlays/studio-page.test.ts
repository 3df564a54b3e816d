import { afterEach, describe, expect, inject, test } from 'vitest';
import { commands } from 'vitest/browser';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { uniqueChannel } from '../helpers/chat.js';
import { openPage, type OverlayPage } from '../helpers/page.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const studioEval = <T>(expression: string) => page!.eval<T>(`(() => { const el = document.querySelector('ovl-studio'); return ${expression}; })()`);
const click = (part: string) => studioEval(`el.shadowRoot.querySelector('[part~="${part}"]').click()`);
// Right edge, mid-height: clear of the text; the sweeping bar passes by now and then, so callers poll.
const backgroundPixel = () => studioEval<number[]>(`[...el.studio.video.context.getImageData(el.studio.video.canvas.width - 10, el.studio.video.canvas.height / 2, 1, 1).data.slice(0, 3)]`);

describe('studio page (production build)', () => {
  test('chat drives the scene and the tone; Start publishes to the WHIP endpoint from the #fragment; Stop ends the session', async () => {
    const channel = uniqueChannel('studio');
    const path = `/whip/ok-studio-${Date.now()}`;
    page = await openPage(
      `/overlays/studio/?channel=${channel}&width=640&height=360&dev-chat=127.0.0.1:${inject('tmiPort')}#endpoint=${encodeURIComponent(inject('whipOrigin') + path)}&key=studio-key`,
    );
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    // The secrets are in the form, and only there: not in the query, not in storage.
    expect(await studioEval('el.key')).toBe('studio-key');
    expect(await page.eval('location.search')).not.toContain('studio-key');
    expect(await page.eval('JSON.stringify({ ...localStorage, ...sessionStorage })')).not.toContain('studio-key');

    await commands.tmiPush(channel, [privmsg(channel, 'green', { login: 'viewer' }), privmsg(channel, '660', { login: 'viewer' })]);
    await expect.poll(backgroundPixel, { timeout: 5000 }).toEqual([67, 160, 71]);
    expect(await studioEval('el.studio.scene.frequency')).toBe(660);

    await click('publish');
    await expect.poll(async () => (await commands.whipSessions()).find((s) => s.path === path)?.rtp['video/H264'] ?? 0, { timeout: 10_000 }).toBeGreaterThan(20);
    const session = (await commands.whipSessions()).find((s) => s.path === path)!;
    expect(session.token).toBe('studio-key');
    expect(session.rtp['audio/opus']).toBeGreaterThan(0);
    await expect.poll(async () => (await page!.text('ovl-studio', '[part="stats"] td')).join(' '), { timeout: 5000 }).toMatch(/\d+ kbit\/s, video\/H264/);
    await page.screenshot('studio-publishing');

    await click('publish');
    await expect.poll(async () => (await commands.whipSessions()).find((s) => s.path === path)?.deleted, { timeout: 5000 }).toBe(true);
    expect(await page.errors()).toEqual([]);
  });

  test('records locally and offers the file; the demo plays chat typed on the page', async () => {
    page = await openPage('/overlays/studio/?demo&width=320&height=180');
    await expect.poll(() => studioEval('!!el.shadowRoot.querySelector("[part~=record]")'), { timeout: 5000 }).toBe(true);
    await studioEval(`(() => { const input = el.shadowRoot.querySelector('input[name=chat]'); input.value = 'red'; input.form.requestSubmit(); })()`);
    await expect.poll(backgroundPixel, { timeout: 5000 }).toEqual([229, 57, 53]);

    await click('record');
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await click('record');
    await expect.poll(() => page!.attr('ovl-studio', '[part~="download"]', 'download'), { timeout: 5000 }).toEqual([expect.stringMatching(/^studio-recording\.(webm|mp4)$/)]);
    const size = await studioEval<Promise<number>>(`fetch(el.shadowRoot.querySelector('[part~=download]').href).then((r) => r.blob()).then((b) => b.size)`);
    expect(size).toBeGreaterThan(1000);
  });

  test('?autostart publishes with no click (an OBS dock left unattended)', async () => {
    const path = `/whip/ok-autostart-${Date.now()}`;
    page = await openPage(`/overlays/studio/?autostart&width=320&height=180#endpoint=${encodeURIComponent(inject('whipOrigin') + path)}&key=auto-key`);
    await expect.poll(async () => (await commands.whipSessions()).find((s) => s.path === path)?.rtp['video/H264'] ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await page!.text('ovl-studio', '[part="status"]'))[0] ?? '', { timeout: 5000 }).toMatch(/Streaming: connected/);
  });

  test('a stream key in the query is refused with advice, never used', async () => {
    page = await openPage('/overlays/studio/?key=oops');
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/"key" is a secret/);
  });
});
