import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
  await commands.fakeAway('eventsub', false);
  await commands.httpSetLive('/helix/hypetrain/status', null);
});

const SIZE = { width: 600, height: 220 };
const url = (query: string, token = scopedToken(['channel:read:hype_train'])) =>
  `/overlays/hype-train/?${query}&dev-origin=${fake.httpOrigin}&dev-eventsub=${fake.eventsubUrl}#token=${token}`;
const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const train = (id: string, fields: Record<string, unknown>) => ({ ...REFERENCE_EVENTS['channel.hype_train.begin'], id, type: 'regular', ...fields });

async function open(query = '') {
  page = await openPage(url(`debug${query}`), { ...SIZE, reducedMotion: true });
  await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
  // What the page's source handed on, to know a notification was taken in even when nothing shows.
  await page.eval(`(window.got = [], document.querySelector('ovl-hype-train').source.addEventListener('event', (e) => window.got.push(e.detail.phase)))`);
}
/** A screenshot of the overlay alone: its entrance over, the ?debug panel out of the way. */
async function shoot(name: string) {
  await page!.eval(`Promise.all(document.querySelector('ovl-hype-train').shadowRoot.getAnimations().map((a) => a.finished)).then(() => { const panel = document.querySelector('ovl-status-panel'); if (panel) panel.style.display = 'none'; })`);
  await page!.screenshot(name);
}
const got = () => page!.eval<string[]>('window.got');
const active = () => page!.eval<boolean>(`document.querySelector('ovl-hype-train').hasAttribute('active')`);

describe('hype-train overlay page (production build)', () => {
  test('out of order: progress before begin shows the progress; after the end a stale progress stays hidden', async () => {
    await open();
    expect(await page!.text('ovl-status-panel', '.note')).toContain('subscribed to 3 event types');
    await commands.esNotify('channel.hype_train.progress', train('page-order', { level: 3, total: 2400, progress: 900, goal: 1600, expires_at: inSeconds(240) }));
    await commands.esNotify('channel.hype_train.begin', train('page-order', { level: 1, total: 150, progress: 150, goal: 500, expires_at: inSeconds(200) }));
    await expect.poll(got, { timeout: 5000 }).toEqual(['progress', 'begin']);
    expect(await page!.text('ovl-hype-train', '[part="level"]')).toEqual(['Level 3']);
    expect(await page!.text('ovl-hype-train', '[part="points"]')).toEqual(['900 / 1,600']);
    expect(await page!.text('ovl-hype-train', '[part="contributor-name"]')).toEqual(['PogChamp', 'Kappa']);
    await shoot('hype-train');

    await commands.esNotify('channel.hype_train.end', { ...REFERENCE_EVENTS['channel.hype_train.end'], id: 'page-order', level: 3, total: 2600 });
    await commands.esNotify('channel.hype_train.progress', train('page-order', { level: 3, total: 2500, progress: 1000, goal: 1600, expires_at: inSeconds(240) }));
    await expect.poll(got, { timeout: 5000 }).toEqual(['progress', 'begin', 'end', 'progress']);
    expect(await active()).toBe(false);
    // It leaves with its exit fade, then nothing is drawn.
    await expect.poll(() => page!.text('ovl-hype-train', '[part~="base"]'), { timeout: 5000 }).toEqual([]);
  });

  test('a train whose end never comes goes at its expires_at', async () => {
    await open();
    await commands.esNotify('channel.hype_train.begin', train('page-expire', { level: 1, total: 100, progress: 100, goal: 500, expires_at: inSeconds(2) }));
    await expect.poll(active, { timeout: 5000 }).toBe(true);
    await expect.poll(active, { timeout: 10_000 }).toBe(false);
    expect(await got()).toEqual(['begin']);
  });

  test('?contributors=1 shows only the top contributor; names are text, never markup', async () => {
    await open('&contributors=1');
    const evil = '<img src=x onerror="window.pwned=1">';
    await commands.esNotify('channel.hype_train.begin', train('page-inert', { level: 1, total: 100, progress: 100, goal: 500, expires_at: inSeconds(120), top_contributions: [{ user_id: '9', user_login: 'evil', user_name: evil, type: 'bits', total: 100 }, { user_id: '8', user_login: 'two', user_name: 'Two', type: 'bits', total: 50 }] }));
    await expect.poll(() => page!.text('ovl-hype-train', '[part="contributor-name"]'), { timeout: 5000 }).toEqual([evil]);
    expect(await page!.eval('document.querySelector("ovl-hype-train").shadowRoot.querySelector("img") === null && !window.pwned')).toBe(true);
    // The page was opened with prefers-reduced-motion: the entrance is a plain fade.
    expect(await page!.eval(`getComputedStyle(document.querySelector('ovl-hype-train').shadowRoot.querySelector('[part~=base]')).animationName`)).toBe('ovl-widget-fade-in');
  });

  test('OBS hiding the source pauses the countdown; showing it again resumes it', async () => {
    await open();
    await commands.esNotify('channel.hype_train.begin', train('page-obs', { level: 1, total: 100, progress: 100, goal: 500, expires_at: inSeconds(120) }));
    await expect.poll(active, { timeout: 5000 }).toBe(true);
    const obs = (visible: boolean) => page!.eval(`(window.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible: ${visible} } })), document.querySelector('ovl-hype-train').paused)`);
    expect(await obs(false)).toBe(true);
    expect(await obs(true)).toBe(false);
  });

  test('Twitch away: ?debug says for how long; back, the train shows as Helix has it now, and one that ended meanwhile goes', async () => {
    await open();
    await commands.esNotify('channel.hype_train.begin', train('page-away', { level: 1, total: 100, progress: 100, goal: 500, expires_at: inSeconds(240) }));
    await expect.poll(() => page!.text('ovl-hype-train', '[part="level"]'), { timeout: 5000 }).toEqual(['Level 1']);
    // While EventSub is away the train runs on: Twitch sends nothing of it, now or later.
    await commands.fakeAway('eventsub', true);
    await commands.httpSetLive('/helix/hypetrain/status', { data: [{ current: train('page-away', { level: 3, total: 2400, progress: 400, goal: 1800, expires_at: inSeconds(240) }), all_time_high: null, shared_all_time_high: null }] });
    await expect.poll(async () => (await page!.text('ovl-status-panel', '[part="chip"]'))[0] ?? '', { timeout: 10_000 }).toMatch(/reconnecting · attempt \d+, next in [\d.]+ s · away \d+ s/);
    await commands.fakeAway('eventsub', false);
    await expect.poll(() => page!.text('ovl-hype-train', '[part="level"]'), { timeout: 15_000 }).toEqual(['Level 3']);
    expect(await page!.text('ovl-hype-train', '[part="points"]')).toEqual(['400 / 1,800']);
    expect((await page!.text('ovl-status-panel', '[part="chip"]'))[0]).not.toMatch(/away/);

    // Away again, and the train ends meanwhile: Helix reports none running, so it goes.
    await commands.fakeAway('eventsub', true);
    await commands.httpSetLive('/helix/hypetrain/status', { data: [{ current: null, all_time_high: null, shared_all_time_high: null }] });
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('reconnecting');
    await commands.fakeAway('eventsub', false);
    await expect.poll(active, { timeout: 15_000 }).toBe(false);
    expect(await page!.errors()).toEqual([]);
  });

  test('a token without channel:read:hype_train gets the setup card naming the scope', async () => {
    page = await openPage(url('debug', scopedToken(['channel:read:polls'])), SIZE);
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/hype train overlay needs the "channel:read:hype_train" scope/);
  });

  test('?record keeps the train, and ?replay shows it again with no account', async () => {
    await open('&record');
    await commands.esNotify('channel.hype_train.begin', train('page-rec', { level: 4, total: 5000, progress: 200, goal: 2000, expires_at: inSeconds(300) }));
    await expect.poll(() => page!.text('ovl-hype-train', '[part="level"]'), { timeout: 5000 }).toEqual(['Level 4']);
    const file = await page!.eval<string>('document.querySelector("ovl-status-panel").recorder.toBlob().text()');
    await page!.close();
    const data = encodeURIComponent(`data:application/x-ndjson;charset=utf-8,${encodeURIComponent(file)}`);
    page = await openPage(`/overlays/hype-train/?replay=${data}&replay-speed=10`, SIZE);
    await expect.poll(() => page!.text('ovl-hype-train', '[part="level"]'), { timeout: 10_000 }).toEqual(['Level 4']);
    // Opened without reduced motion: the card rises in.
    expect(await page.eval(`getComputedStyle(document.querySelector('ovl-hype-train').shadowRoot.querySelector('[part~=base]')).animationName`)).toBe('ovl-widget-in');
    expect(await page.errors()).toEqual([]);
  });

  test('?demo runs a whole train on the simulator', async () => {
    // The demo's train: begin, progress and end 5 s apart, on a clock the test moves ahead.
    page = await openPage('/overlays/hype-train/?demo', { ...SIZE, reducedMotion: true, clock: true });
    await expect.poll(() => page!.text('ovl-hype-train', '[part="level"]'), { timeout: 10_000 }).toEqual(['Level 1']);
    await shoot('hype-train-demo');
    await page.advance(5000);
    await expect.poll(() => page!.text('ovl-hype-train', '[part="level"]'), { timeout: 10_000 }).toEqual(['Level 2']);
    expect(await active()).toBe(true);
    await page.advance(5000);
    await expect.poll(active, { timeout: 10_000 }).toBe(false);
    expect(await page.errors()).toEqual([]);
  });
});
