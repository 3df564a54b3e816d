import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { FIXTURE_CHANNEL_ID, scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import type { HistoryRecord } from '../../src/sources/history/history-record.js';
import { bootOverlay, type BootedOverlay } from '../../src/boot/boot.js';
import { creditsOverlay } from '../../src/overlays/credits-overlay.js';
import type { ControlledParts } from '../../src/overlays/controlled-parts.js';
import type { OvlCredits } from '../../src/components/credits/ovl-credits.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';
import { clearSiteHistories, putRecordsIn, storedRecordsIn } from '../helpers/history.js';
import { fake } from '../helpers/fake-servers.js';
import { cheerTwice, goLive } from '../helpers/stream-session.js';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { referenceEvent } from '../helpers/reference-event.js';

/**
 * End credits as a streamer rolls them: the built page against the fake EventSub and Helix
 * servers (and the fake chat for the chatters), its rows from the session the history holds,
 * and each trigger (the `roll` parameter, EventSub's stream.offline, the dock's Roll credits).
 */
const pages: OverlayPage[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
  await commands.httpSetStream(FIXTURE_CHANNEL_ID, null);
});
beforeEach(clearSiteHistories);

let counter = 0;
const token = scopedToken(EVENT_SCOPES);
const url = (tag: string, query = '') => `/overlays/credits/?debug${query}&dev-origin=${fake.httpOrigin}&dev-eventsub=${encodeURIComponent(`${fake.eventsubUrl}?tag=${tag}`)}#token=${token}`;
async function open(tag: string, query = '', options = {}): Promise<OverlayPage> {
  const page = await openPage(url(tag, query), { reducedMotion: true, ...options });
  pages.push(page);
  await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
  return page;
}
/** Each section shown: its title and its rows' text. */
const rolled = (page: OverlayPage) =>
  page.eval<{ title: string; rows: string[] }[]>(
    `[...document.querySelector('ovl-credits').shadowRoot.querySelectorAll('[part="section"]')].map((s) => ({ title: s.querySelector('[part="title"]').textContent, rows: [...s.querySelectorAll('[part="row"]')].map((r) => [...r.children].map((c) => c.textContent).join(' ')) }))`,
  );

/** The fake Helix's token user: the channel whose chat the credits read. */
const LOGIN = 'teststreamer';
const viewer = (id: string, name: string) => ({ user_id: id, user_login: name.toLowerCase(), user_name: name });

describe('credits page (production build) against the fake EventSub and Helix servers', { timeout: 60_000 }, () => {
  test('a recorded session in the right sections, in parameter order with their titles (the default past the list), names summed; replays, tests and last night left out', async () => {
    const tag = `credits-${++counter}`;
    await goLive(Date.now() - 60_000);
    const first = await open(tag);
    await commands.esNotify('channel.follow', { ...REFERENCE_EVENTS['channel.follow'], ...viewer('11', 'Ann') });
    await commands.esNotify('channel.follow', { ...REFERENCE_EVENTS['channel.follow'], ...viewer('12', 'Ben') });
    await commands.esNotify('channel.subscribe', { ...REFERENCE_EVENTS['channel.subscribe'], ...viewer('13', 'Cat') });
    await commands.esNotify('channel.subscription.message', { ...REFERENCE_EVENTS['channel.subscription.message'], ...viewer('14', 'Dan') });
    // One gifter of 3 and then 5 subs: one row of 8.
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], ...viewer('15', 'Eve'), total: 3 });
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], ...viewer('15', 'Eve'), total: 5 });
    await cheerTwice('16', 'Fay', 100);
    await cheerTwice('17', 'Gus', 500);
    await cheerTwice('16', 'Fay', 250);
    await commands.esNotify('channel.raid', { ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: '18', from_broadcaster_user_login: 'hal', from_broadcaster_user_name: 'Hal', viewers: 42 });
    await expect.poll(async () => (await storedRecordsIn(first, FIXTURE_CHANNEL_ID)).length).toBe(10);
    const [follow] = ((await storedRecordsIn(first, FIXTURE_CHANNEL_ID)) as HistoryRecord[]).filter((r) => r.event.kind === 'follow');
    await putRecordsIn(first, FIXTURE_CHANNEL_ID, [
      { event: { ...follow!.event, id: 'replay:x:1', user: { id: '91', login: 'replayed', name: 'Replayed' } }, receivedAt: Date.now(), origin: 'replay' },
      { event: { ...follow!.event, id: 'test:1', user: { id: '92', login: 'tested', name: 'Tested' } }, receivedAt: Date.now(), origin: 'test' },
      { event: { ...follow!.event, id: 'last-night', user: { id: '93', login: 'lastnight', name: 'LastNight' } }, receivedAt: Date.now() - 3_600_000, origin: 'live' },
    ]);
    await first.close();
    pages.splice(0);

    const page = await open(tag, `&roll&speed=5&sections=cheerers,gifters,followers,subs,raiders&titles=${encodeURIComponent('Bits!,Thank you for the gifts,Welcome')}`);
    expect(await rolled(page)).toEqual([
      { title: 'Bits!', rows: ['Fay 350', 'Gus 500'] },
      { title: 'Thank you for the gifts', rows: ['Eve 8'] },
      { title: 'Welcome', rows: ['Ann', 'Ben'] },
      { title: 'Subscribers', rows: ['Cat', 'Dan'] },
      { title: 'Raids', rows: ['Hal 42'] },
    ]);
    expect(await page.text('ovl-status-panel', '.note')).toContain('credits: rolling 2 cheerers, 1 gifters, 2 followers, 2 subs, 1 raiders');
    await page.screenshot('credits');
    expect(await page.errors()).toEqual([]);
  });

  test('a stream of 4,500 events (more than the 2,000 a quiet channel keeps): a page loaded after it rolls every supporter, summed, and a label counts every follower at load', async () => {
    const tag = `credits-${++counter}`;
    const hour = 3_600_000;
    const start = Date.now() - 12 * hour;
    await goLive(start);
    const first = await open(tag);
    // Twelve hours of stream, an event every 9.6 s, as the page holding the connection stored them: the
    // first 2,500 are follows by 2,500 viewers, then 1,600 goal progress updates, then 400 cheers by 20 viewers.
    const at = (i: number) => start + 60_000 + i * 9600;
    const record = (i: number, event: ReturnType<typeof referenceEvent>) => ({ event, receivedAt: at(i), origin: 'live' });
    const records = Array.from({ length: 4500 }, (_, i) => {
      if (i < 2500) return record(i, referenceEvent('channel.follow', viewer(String(100_000 + i), `Fan${i}`), at(i)));
      if (i < 4100) return record(i, referenceEvent('channel.goal.progress', { current_amount: i }, at(i)));
      return record(i, referenceEvent('channel.cheer', { ...viewer(String(200 + (i % 20)), `Cheerer${i % 20}`), bits: 10 }, at(i)));
    });
    for (let i = 0; i < records.length; i += 1500) await putRecordsIn(first, FIXTURE_CHANNEL_ID, records.slice(i, i + 1500));
    // Live now: the page stores it, and its write counts and trims the history.
    await commands.esNotify('channel.follow', { ...REFERENCE_EVENTS['channel.follow'], ...viewer('99', 'Zed') });
    await expect.poll(async () => (await storedRecordsIn(first, FIXTURE_CHANNEL_ID)).length).toBe(4501);
    await first.close();
    pages.splice(0);

    const page = await open(tag, '&roll&speed=2000&sections=followers,cheerers');
    const [followers, cheerers] = await rolled(page);
    expect(followers!.rows).toHaveLength(2501);
    expect(followers!.rows.slice(0, 2)).toEqual(['Fan0', 'Fan1']);
    expect(followers!.rows.at(-1)).toBe('Zed');
    expect(cheerers!.rows).toHaveLength(20);
    // 400 cheers of 10 bits by 20 viewers: 200 bits each.
    expect(new Set(cheerers!.rows.map((row) => row.split(' ')[1]))).toEqual(new Set(['200']));
    const label = await openPage(`/overlays/label/?debug&show=followers&dev-origin=${fake.httpOrigin}&dev-eventsub=${encodeURIComponent(`${fake.eventsubUrl}?tag=${tag}`)}#token=${token}`, { reducedMotion: true });
    pages.push(label);
    await expect.poll(async () => (await label.text('ovl-label', '[part="label"]'))[0], { timeout: 10_000 }).toBe('2,501');
    expect(await page.errors()).toEqual([]);
  });

  test('transparent until rolled; the roll moves transform only, then the credits go (or loop)', async () => {
    const tag = `credits-${++counter}`;
    const idle = await open(tag);
    expect(await idle.eval<number>(`document.querySelector('ovl-credits').shadowRoot.childElementCount`)).toBe(0);
    await commands.esNotify('channel.follow', { ...REFERENCE_EVENTS['channel.follow'], ...viewer('21', 'Ivy') });
    const once = await open(tag, '&roll&speed=2000');
    const keyframes = await once.eval<string[]>(`[...new Set(document.querySelector('ovl-credits').shadowRoot.querySelector('[part="roll"]').getAnimations()[0].effect.getKeyframes().flatMap((k) => Object.keys(k)))].sort()`);
    expect(keyframes.filter((key) => !['composite', 'computedOffset', 'easing', 'offset'].includes(key))).toEqual(['transform']);
    await expect.poll(() => once.eval<boolean>(`document.querySelector('ovl-credits').rolling`)).toBe(false);
    expect(await once.eval<number>(`document.querySelector('ovl-credits').shadowRoot.childElementCount`)).toBe(0);
    const looping = await open(tag, '&roll&loop&speed=2000');
    expect(await looping.eval<number>(`document.querySelector('ovl-credits').shadowRoot.querySelector('[part="roll"]').getAnimations()[0].effect.getTiming().iterations`)).toBe(null);
    expect(await looping.eval<boolean>(`document.querySelector('ovl-credits').rolling`)).toBe(true);
  });

  test('rolls by itself on EventSub’s stream.offline, Helix asked once at load and never polled; stream.online begins this stream afresh', async () => {
    const tag = `credits-${++counter}`;
    await goLive(Date.now() - 60_000);
    const page = await open(tag, '', { clock: true });
    await commands.esNotify('channel.follow', { ...REFERENCE_EVENTS['channel.follow'], ...viewer('31', 'Jo') });
    await expect.poll(async () => (await storedRecordsIn(page, FIXTURE_CHANNEL_ID)).length).toBe(1);
    // A page left open from the stream before: going live starts the names again.
    await commands.esNotify('stream.online', { ...REFERENCE_EVENTS['stream.online'], started_at: new Date().toISOString() });
    await expect.poll(() => page.text('ovl-status-panel', '.note')).toContainEqual(expect.stringMatching(/this stream: since .* \(went live\)/));
    await commands.esNotify('channel.follow', { ...REFERENCE_EVENTS['channel.follow'], ...viewer('32', 'Kai') });
    await expect.poll(async () => (await storedRecordsIn(page, FIXTURE_CHANNEL_ID)).length).toBe(3);
    // Ten minutes on the page's clock: the credits never ask Helix again.
    await page.advance(10 * 60_000);
    expect(await page.eval('document.querySelector("ovl-credits").rolling')).toBe(false);
    // The jump outlasts the keepalive: the page may be on a new session, subscribing again.
    await expect.poll(async () => (await commands.esNotify('stream.offline', REFERENCE_EVENTS['stream.offline']), rolled(page)), { timeout: 10_000 }).toEqual([{ title: 'New followers', rows: ['Kai'] }]);
    expect(await page.text('ovl-status-panel', '.note')).toContain('the stream went offline: rolling the credits');
    expect((await page.requests()).filter((url) => url.includes('/helix/streams'))).toHaveLength(1);
  });

  test('chatters: each speaker once, bots (hide-bots) left out, names as text; a reload keeps the ones seen before', async () => {
    const tag = `credits-${++counter}`;
    await goLive(Date.now() - 60_000);
    const chat = `&sections=chatters&hide-bots=nightbot&dev-chat=127.0.0.1:${fake.tmiPort}`;
    const markup = '<img src=x onerror="document.title=1"><b>Bold</b>';
    const joins = await commands.tmiJoinCount(LOGIN);
    const first = await open(tag, chat);
    await expect.poll(() => commands.tmiJoinCount(LOGIN), { timeout: 10_000 }).toBe(joins + 1);
    await commands.tmiPush(LOGIN, [
      privmsg(LOGIN, 'hi all', { login: 'alice', displayName: 'Alice', userId: '801' }),
      privmsg(LOGIN, 'Thanks for following!', { login: 'nightbot', displayName: 'Nightbot', userId: '19264788' }),
      privmsg(LOGIN, 'hello', { login: 'marked', displayName: markup, userId: '802' }),
      privmsg(LOGIN, 'me again', { login: 'alice', displayName: 'Alice', userId: '801' }),
      privmsg(LOGIN, '!uptime', { login: 'bob', displayName: 'Bob', userId: '803' }),
    ]);
    const stored = (page: OverlayPage) => page.eval<{ name: string }[]>(`JSON.parse(localStorage.getItem('ovl:credits:v1:chatters:${FIXTURE_CHANNEL_ID}') ?? '[]')`);
    await expect.poll(async () => (await stored(first)).map((c) => c.name)).toEqual(['Alice', markup, 'Bob']);
    await first.close();
    pages.splice(0);

    const page = await open(tag, `${chat}&roll&speed=5`);
    expect(await rolled(page)).toEqual([{ title: 'Chatters', rows: ['Alice', markup, 'Bob'] }]);
    expect(await page.eval<number>(`document.querySelector('ovl-credits').shadowRoot.querySelectorAll('img, b').length`)).toBe(0);
    await expect.poll(() => commands.tmiJoinCount(LOGIN), { timeout: 10_000 }).toBe(joins + 2);
    await commands.tmiPush(LOGIN, [privmsg(LOGIN, 'late hello', { login: 'carol', displayName: 'Carol', userId: '804' }), privmsg(LOGIN, 'still here', { login: 'alice', displayName: 'Alice', userId: '801' })]);
    await expect.poll(async () => (await stored(page)).map((c) => c.name)).toEqual(['Alice', markup, 'Bob', 'Carol']);
    expect(await page.errors()).toEqual([]);
  });

  test('the chat connection opens only for the chatters section', async () => {
    const tag = `credits-${++counter}`;
    const joins = await commands.tmiJoinCount(LOGIN);
    const page = await open(tag, `&dev-chat=127.0.0.1:${fake.tmiPort}`);
    expect(await page.attr('ovl-status-panel', '[part="chip"]', 'data-source')).not.toContain('chat');
    expect(await commands.tmiJoinCount(LOGIN)).toBe(joins);
  });

  test('credits from a recorded session: ?replay rolls its sections and sums on its stream.offline, on `roll` once the recording has played, and on the dock’s Roll credits', async () => {
    const tag = `credits-${++counter}`;
    await goLive(Date.now() - 60_000);
    const live = await open(tag, '&record');
    await commands.esNotify('channel.follow', { ...REFERENCE_EVENTS['channel.follow'], ...viewer('61', 'Ann') });
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], ...viewer('62', 'Eve'), total: 3 });
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], ...viewer('62', 'Eve'), total: 5 });
    await cheerTwice('63', 'Fay', 100);
    await cheerTwice('63', 'Fay', 250);
    await commands.esNotify('channel.raid', { ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: '64', from_broadcaster_user_login: 'hal', from_broadcaster_user_name: 'Hal', viewers: 42 });
    await commands.esNotify('stream.offline', REFERENCE_EVENTS['stream.offline']);
    const session = [{ title: 'New followers', rows: ['Ann'] }, { title: 'Gifted subs', rows: ['Eve 8'] }, { title: 'Cheers', rows: ['Fay 350'] }, { title: 'Raids', rows: ['Hal 42'] }];
    await expect.poll(() => rolled(live)).toEqual(session);
    const file = await live.eval<string>('document.querySelector("ovl-status-panel").recorder.toBlob().text()');
    await live.close();
    pages.splice(0);

    // Too long for a data: URL in the address: served as a file, once for each page below.
    const path = `/recordings/${tag}.jsonl`;
    await commands.httpScript('GET', path, Array.from({ length: 3 }, () => ({ status: 200, headers: { 'Content-Type': 'application/x-ndjson' }, rawBody: file })));
    const replay = encodeURIComponent(`${fake.httpOrigin}${path}`);
    const openReplay = async (query: string) => {
      const page = await openPage(`/overlays/credits/?replay=${replay}&replay-speed=20&speed=5&debug${query}`, { reducedMotion: true });
      pages.push(page);
      return page;
    };
    const [onOffline, onRoll, onDock] = [await openReplay(''), await openReplay('&roll&roll-offline=false'), await openReplay('&roll-offline=false')];
    await expect.poll(() => rolled(onOffline), { timeout: 10_000 }).toEqual(session);
    await expect.poll(() => rolled(onRoll), { timeout: 10_000 }).toEqual(session);
    await expect.poll(() => onDock.text('ovl-status-panel', '.note'), { timeout: 10_000 }).toContain('replay: finished');
    expect(await onDock.eval('document.querySelector("ovl-credits").rolling')).toBe(false);
    // The replay knows no broadcaster: the demo dock's Roll credits reaches it.
    const dock = await openPage('/overlays/dock/?demo', { reducedMotion: true, width: 400, height: 900 });
    pages.push(dock);
    await expect.poll(async () => (await commands.pageClick(dock.id, 'ovl-dock >> role=button[name="Roll credits"]'), rolled(onDock)), { timeout: 10_000 }).toEqual(session);
    for (const page of [onOffline, onRoll, onDock]) expect(await page.errors()).toEqual([]);
  });

  test('names are text, never HTML', async () => {
    const tag = `credits-${++counter}`;
    const markup = '<img src=x onerror="document.title=1"><b>Bold</b>';
    const first = await open(tag);
    await cheerTwice('41', markup, 100);
    await expect.poll(async () => (await storedRecordsIn(first, FIXTURE_CHANNEL_ID)).length).toBe(1);
    const page = await open(tag, '&roll&speed=5');
    expect(await rolled(page)).toEqual([{ title: 'Cheers', rows: [`${markup} 100`] }]);
    expect(await page.eval<number>(`document.querySelector('ovl-credits').shadowRoot.querySelectorAll('img, b').length`)).toBe(0);
  });

  test('?demo rolls the simulated channel’s supporters in a loop', async () => {
    const page = await openPage('/overlays/credits/?demo&speed=150', { reducedMotion: true, width: 960, height: 540 });
    pages.push(page);
    await expect.poll(async () => (await rolled(page)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    // Up from below the bottom edge: the first title comes into view.
    const firstTitleTop = () => page.eval<number>(`document.querySelector('ovl-credits').shadowRoot.querySelector('[part="title"]').getBoundingClientRect().top`);
    await expect.poll(firstTitleTop, { timeout: 15_000 }).toBeLessThan(120);
    await page.screenshot('credits-demo');
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
  });
});

describe('the dock’s Roll credits', () => {
  let root: HTMLElement;
  let booted: BootedOverlay | undefined;
  afterEach(() => {
    booted?.stop();
    root.remove();
  });

  test('control({ kind: "credits-roll" }) rolls the names so far', async () => {
    root = document.body.appendChild(document.createElement('div'));
    const url = new URL(`http://127.0.0.1/overlays/credits/?roll-offline=false&dev-origin=${fake.httpOrigin}&dev-eventsub=${encodeURIComponent(`${fake.eventsubUrl}?tag=credits-dock`)}#token=${token}`);
    booted = await bootOverlay(creditsOverlay, { url, root, schedule: new ManualSchedule().schedule });
    const parts = booted.parts as ControlledParts;
    const element = parts.element as OvlCredits;
    await expect.poll(() => parts.sources[0]!.status.state, { timeout: 10_000 }).toBe('connected');
    await commands.esNotify('channel.raid', { ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: '51', from_broadcaster_user_name: 'Kim', viewers: 7 });
    expect(element.rolling).toBe(false);
    await expect.poll(() => {
      parts.control({ kind: 'credits-roll' });
      return element.sections.flatMap((s) => s.rows.map((r) => r.name));
    }).toContain('Kim');
    expect(element.rolling).toBe(true);
  });
});
