import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { uniqueChannel } from '../helpers/chat.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import type { PageOptions } from '../node/pages.js';
import { fake } from '../helpers/fake-servers.js';

let page: OverlayPage | undefined;
afterEach(async ({ task }) => {
  if (task.result?.state === 'fail' && page) console.info(`studio page after the failure: ${await page.eval(PUBLISHING_STATE)}`);
  await page?.close();
  page = undefined;
});

/**
 * What a failed publishing test needs to say where media stopped: the frame source's ticks (its
 * worker timer), the encoder's and the connection's view, and the page's visibility.
 */
const PUBLISHING_STATE = `(async () => {
  const studio = document.querySelector('ovl-studio')?.studio;
  const pc = studio?.publisher?.peerConnection;
  const stats = [];
  if (pc) (await pc.getStats()).forEach((r) => /outbound-rtp|media-source|candidate-pair/.test(r.type) && stats.push(r));
  return JSON.stringify({
    visibility: document.visibilityState,
    frames: studio?.video.stats,
    status: studio?.publisher?.status,
    error: studio?.publisher?.lastError?.message,
    connection: pc && [pc.connectionState, pc.iceConnectionState, pc.iceGatheringState, pc.signalingState],
    stats,
  });
})()`;

/** The studio in a browser context of its own (PageOptions.ownContext): its WebRTC shares no renderer with the other tabs. */
const openStudio = (path: string, options: PageOptions = {}) => openPage(path, { ownContext: true, ...options });
const studioEval = <T>(expression: string) => page!.eval<T>(`(() => { const el = document.querySelector('ovl-studio'); return ${expression}; })()`);
const click = (part: string) => studioEval(`el.shadowRoot.querySelector('[part~="${part}"]').click()`);
// Right edge, mid-height: clear of the text; the sweeping bar passes by now and then, so callers poll.
const sessionAt = async (path: string) => (await commands.whipSessions()).find((s) => s.path === path);
const statsText = async () => (await page!.text('ovl-studio', '[part="stats"] tr')).join(' | ');

/**
 * Whether a streamer can bring `part` into view: scrolled there the way the browser would for
 * a user, it lies wholly inside the window, and no box that hides its overflow (which a user
 * cannot scroll) had to move to get it there.
 */
const reachable = (part: string) =>
  studioEval<{ inView: boolean; hiddenScrolled: string[]; box: Record<string, number> }>(`(() => {
    const target = el.shadowRoot.querySelector('[part~="${part}"]');
    if (!target) return { inView: false, hiddenScrolled: ['(no ${part})'], box: {} };
    const boxes = [];
    for (let node = target.parentElement ?? target.getRootNode().host; node && node !== document.documentElement; node = node.parentElement ?? node.getRootNode().host) boxes.push(node);
    boxes.forEach((node) => node.scrollTo(0, 0));
    scrollTo(0, 0);
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const box = target.getBoundingClientRect();
    // Within a pixel: scroll offsets are whole pixels, boxes are not.
    const inView = box.width > 0 && box.top >= -1 && box.left >= -1 && box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1;
    const hides = (node) => /hidden|clip/.test(getComputedStyle(node).overflowY + getComputedStyle(node).overflowX);
    // The window scrolls as html says or, when html leaves it visible, as body says (CSS Overflow §3.3).
    const viewportHides = hides(document.documentElement) || (getComputedStyle(document.documentElement).overflow === 'visible' && hides(document.body));
    const hiddenScrolled = [];
    if ((scrollX || scrollY) && viewportHides) hiddenScrolled.push('the window');
    for (const node of boxes) if ((node.scrollTop || node.scrollLeft) && hides(node)) hiddenScrolled.push(node.localName);
    return { inView, hiddenScrolled, box: { top: box.top, left: box.left, bottom: box.bottom, right: box.right, innerWidth, innerHeight } };
  })()`);

const backgroundPixel = () => studioEval<number[]>(`[...el.studio.video.context.getImageData(el.studio.video.canvas.width - 10, el.studio.video.canvas.height / 2, 1, 1).data.slice(0, 3)]`);

// Each test drives the built page through a WebRTC session (and the layout tests a recording and a
// screenshot): on a 2-core machine running another browser session beside it, that outgrew 20 s in CI.
describe('studio page (production build)', { timeout: 60_000 }, () => {
  test('chat drives the scene and the tone; Start publishes to the WHIP endpoint from the #fragment; Stop ends the session', async () => {
    const channel = uniqueChannel('studio');
    const path = `/whip/ok-studio-${Date.now()}`;
    page = await openStudio(
      `/overlays/studio/?channel=${channel}&width=640&height=360&dev-chat=127.0.0.1:${fake.tmiPort}#endpoint=${encodeURIComponent(fake.whipOrigin + path)}&key=studio-key`,
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
    // What is sent, as the encoder reports it, next to what is drawn.
    await expect.poll(statsText, { timeout: 5000 }).toMatch(/Picture drawn640×360 at 30 fps \(H\.264 level 3\.1\) \| Picture sent640×360 at [\d.]+ fps/);
    await page.screenshot('studio-publishing');

    await click('publish');
    await expect.poll(async () => (await commands.whipSessions()).find((s) => s.path === path)?.deleted, { timeout: 5000 }).toBe(true);
    expect(await page.errors()).toEqual([]);
  });

  test('records locally and offers the file; the demo plays chat typed on the page', async () => {
    page = await openStudio('/overlays/studio/?demo&width=320&height=180');
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
    page = await openStudio(`/overlays/studio/?autostart&width=320&height=180#endpoint=${encodeURIComponent(fake.whipOrigin + path)}&key=auto-key`);
    await expect.poll(async () => (await commands.whipSessions()).find((s) => s.path === path)?.rtp['video/H264'] ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await page!.text('ovl-studio', '[part="status"]'))[0] ?? '', { timeout: 5000 }).toMatch(/Streaming: connected/);
  });

  test('after a failure, once connected again, the old error is gone', async () => {
    const path = `/whip/busy-studio-${Date.now()}`;
    page = await openStudio(`/overlays/studio/?autostart&width=320&height=180#endpoint=${encodeURIComponent(fake.whipOrigin + path)}&key=k`);
    await expect.poll(async () => (await page!.text('ovl-studio', '[part="status"]'))[0] ?? '', { timeout: 10_000 }).toMatch(/Streaming: connected/);
    // There was a failure (503, retried after Retry-After)…
    expect(await studioEval('el.studio.publisher.lastError.message')).toMatch(/busy \(503\)/);
    // …but it is not shown under "connected".
    expect(await page.text('ovl-studio', '[part~="error"]')).toEqual([]);
  });

  test('a server that rejects the codec: the page says which codec and what the server takes, once', async () => {
    const path = `/whip/vp8only-studio-${Date.now()}`;
    page = await openStudio(`/overlays/studio/?autostart&width=320&height=180#endpoint=${encodeURIComponent(fake.whipOrigin + path)}&key=k`);
    await expect.poll(async () => (await page!.text('ovl-studio', '[part~="error"]'))[0] ?? '', { timeout: 10_000 }).toBe(
      'The WHIP server rejected our H.264 video; it offered VP8 instead. Choose a video codec this server takes.',
    );
    expect((await page.text('ovl-studio', '[part="status"]'))[0]).toBe('Streaming: error');
    expect((await commands.whipSessions()).filter((s) => s.path === path)).toHaveLength(1);
  });

  test.each([
    ['a 1280×720 window', 1280, 720],
    ['a 400×600 OBS dock', 400, 600],
  ])('in %s, the stats, the error and the download link can be scrolled to', async (_name, width, height) => {
    const path = `/whip/vp8only-layout-${width}-${Date.now()}`;
    page = await openStudio(`/overlays/studio/?autostart#endpoint=${encodeURIComponent(fake.whipOrigin + path)}&key=k`, { width, height });
    await expect.poll(async () => (await page!.text('ovl-studio', '[part~="error"]')).length, { timeout: 10_000 }).toBe(1);
    await click('record');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await click('record');
    await expect.poll(async () => (await page!.attr('ovl-studio', '[part~="download"]', 'download')).length, { timeout: 5000 }).toBe(1);

    // Nothing sticks out sideways: a dock has no room for a sideways scroll.
    expect(await page.eval('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
    for (const part of ['stats', 'error', 'download']) {
      const where = await reachable(part);
      expect(where, `${part} at ${JSON.stringify(where.box)}, scrolled: ${where.hiddenScrolled.join()}`).toMatchObject({ inView: true, hiddenScrolled: [] });
    }
    await studioEval(`el.shadowRoot.querySelector('[part~="stats"]').scrollIntoView({ block: 'end' })`);
    await page.screenshot(`studio-${width}x${height}`);
    expect(await sessionAt(path)).toMatchObject({ deleted: true });
  });

  test('a stream key in the query is refused with advice, never used', async () => {
    page = await openStudio('/overlays/studio/?key=oops');
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/"key" is a secret/);
  });
});
