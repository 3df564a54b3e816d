import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { FIXTURE_CHANNEL_ID, scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { ALERT_KINDS } from '../../src/domain/stream-event.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import { CONTROL_CHANNEL, CONTROL_VERSION } from '../../src/sources/control/control-protocol.js';
import type { HistoryRecord } from '../../src/sources/history/history-record.js';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { advancingBy, onSitePage, openPage, type OverlayPage } from '../helpers/page.js';
import { dockFeed as feed, inDock } from '../helpers/dock.js';
import { clearSiteHistories, storedRecordsIn } from '../helpers/history.js';
import { fake } from '../helpers/fake-servers.js';

/**
 * The control dock as a streamer runs it: the dock and several overlays of the production build
 * in one browser context (OBS's profile), against the fake EventSub and chat servers. Each test
 * starts with no history and no stored control state, and tags its EventSub connections.
 */
const pages: OverlayPage[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});
beforeEach(async () => {
  await clearSiteHistories();
  await onSitePage((blank) => blank.eval('localStorage.clear()'));
});

const LOGIN = 'teststreamer';
/** The longest an alert may stay (2 minutes): the tests end each with Skip alert or `skip()`. */
const LONG = '&duration=120';
let counter = 0;
const token = scopedToken(EVENT_SCOPES);
const url = (overlay: string, tag: string, extra = '') =>
  `/overlays/${overlay}/?debug${extra}&dev-origin=${fake.httpOrigin}&dev-chat=127.0.0.1:${fake.tmiPort}&dev-eventsub=${encodeURIComponent(`${fake.eventsubUrl}?tag=${tag}`)}#token=${token}`;

async function open(overlay: string, tag: string, extra = '', size: { width?: number; height?: number } = {}): Promise<OverlayPage> {
  const page = await openPage(url(overlay, tag, extra), { reducedMotion: true, ...size });
  pages.push(page);
  await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
  return page;
}
const openDock = (tag: string, extra = '') => open('dock', tag, extra, { width: 400, height: 900 });

/** Clicks the button of `name` (its accessible name) inside what `within` finds, as the streamer does. */
const click = (page: OverlayPage, name: string, within = 'ovl-dock') => commands.pageClick(page.id, `${within} >> role=button[name="${name}"]`);
/** The accessible names of every button, and the section headings, through the shadow roots. */
const named = (page: OverlayPage, tag: 'BUTTON' | 'H2') =>
  page.eval<string[]>(`(() => {
    const out = [];
    const walk = (root) => { for (const el of root.querySelectorAll('*')) { if (el.tagName === '${tag}') out.push(el.textContent.trim().replace(/\\s+/g, ' ')); if (el.shadowRoot) walk(el.shadowRoot); } };
    walk(document);
    return out;
  })()`);
const raid = (viewers: number) => ({ ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: String(6000 + viewers), from_broadcaster_user_login: `raider${viewers}`, from_broadcaster_user_name: `Raider${viewers}`, viewers });
const alertShown = (page: OverlayPage) => page.text('ovl-alerts', '[part="text"]');
const alertProp = <T>(page: OverlayPage, name: string) => page.eval<T>(`document.querySelector('ovl-alerts').${name}`);
/** Counts the alerts each alert box starts, by text (`window.shown`). */
const countShows = (page: OverlayPage) => page.eval(`(window.shown = [], document.querySelector('ovl-alerts').addEventListener('ovl-alert-show', () => requestAnimationFrame(() => window.shown.push(document.querySelector('ovl-alerts').shadowRoot.querySelector('[part=text]')?.textContent))))`);
const shows = (page: OverlayPage) => page.eval<string[]>('window.shown');
const visibility = (page: OverlayPage) => page.eval<string>('getComputedStyle(document.body).visibility');

describe('the control dock page', { timeout: 90_000 }, () => {
  test('?demo at 320 × 480: every section and control by its accessible name, no overflow, no axe violation; the feed fills from the simulator', async () => {
    const dock = await openPage('/overlays/dock/?demo', { reducedMotion: true, clock: true, width: 320, height: 480 });
    pages.push(dock);
    await expect.poll(advancingBy(dock, 1000, async () => (await feed(dock)).length), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    expect(await named(dock, 'H2')).toEqual(['Activity feed', 'Alert queue controls', 'Test', 'Timer and credits', 'On stream', 'Overlays', 'On-stream chat']);
    const buttons = await named(dock, 'BUTTON');
    for (const name of ['Replay', 'Pause alerts', 'Skip alert', 'Mute alert sounds', 'Clear queue', 'Hide overlays', 'Start timer', 'Pause timer', 'Resume timer', 'Add time', 'Reset timer', 'Roll credits', ...ALERT_KINDS.map((kind) => `Test ${kind}`)]) expect(buttons).toContain(name);
    // The dock lists itself among the open pages, as the demo's EventSub page of its own.
    await expect.poll(advancingBy(dock, 1000, () => inDock(dock, 'ovl-dock-overlays', '[part="page"]', 'data-overlay'))).toEqual(['dock']);
    await expect.poll(advancingBy(dock, 1000, async () => (await dock.text('ovl-dock-chat', '[part="message"]')).length), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await dock.eval('document.documentElement.scrollWidth')).toBeLessThanOrEqual(320);
    expect(await commands.pageAxe(dock.id)).toEqual([]);
    await commands.pageResize(dock.id, 360, 720);
    await commands.pageSnapshot(dock.id, 'dock-demo');
    expect(await dock.errors()).toEqual([]);
  });

  test('the feed fills from live events, newest first, and after a reload shows them again before any new one', async () => {
    const tag = `dock-${++counter}`;
    let dock = await openDock(tag);
    await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow']);
    for (const viewers of [1, 2]) await commands.esNotify('channel.raid', raid(viewers));
    const shown = ['Raider2 raided with 2 viewers', 'Raider1 raided with 1 viewers', 'Cool_User followed'];
    await expect.poll(() => feed(dock)).toEqual(shown);
    // The dock held the connection: it stored the events.
    await expect.poll(async () => ((await storedRecordsIn(dock, FIXTURE_CHANNEL_ID)) as HistoryRecord[]).length).toBe(3);
    await dock.close();
    pages.splice(0);
    dock = await openDock(tag);
    expect(await feed(dock)).toEqual(shown);
    await commands.esNotify('channel.raid', raid(3));
    await expect.poll(() => feed(dock)).toEqual(['Raider3 raided with 3 viewers', ...shown]);
    // Filtered by kind.
    await dock.eval(`(() => { const select = document.querySelector('ovl-dock').shadowRoot.querySelector('ovl-dock-feed').shadowRoot.querySelector('select'); select.value = 'follow'; select.dispatchEvent(new Event('change')); })()`);
    await expect.poll(() => feed(dock)).toEqual(['Cool_User followed']);
    expect(await dock.errors()).toEqual([]);
  });

  test('Replay shows the alert once on each alert box, marked Replay; the goal, the event list and the live history do not count it', async () => {
    const tag = `dock-${++counter}`;
    const dock = await openDock(tag);
    // Alerts that stay until skipped: what a box shows never depends on how fast the machine runs.
    const boxes = [await open('alerts', tag, LONG), await open('alerts', tag, LONG)];
    const [list, goal] = [await open('events', tag), await open('goal', tag)];
    await commands.esNotify('channel.raid', raid(4));
    for (const box of boxes) await expect.poll(() => alertShown(box)).toEqual(['Raider4 is raiding with 4 viewers!']);
    await expect.poll(() => list.text('ovl-event-list', '[part="text"]')).toEqual(['Raider4 raided with 4 viewers']);
    await expect.poll(() => goal.text('ovl-goal', '[part="amount"]')).toHaveLength(1);
    const goalBefore = await goal.text('ovl-goal', '[part="amount"]');
    // The live alert ends; then the streamer replays the raid.
    for (const box of boxes) await box.eval(`document.querySelector('ovl-alerts').skip()`);
    for (const box of boxes) await countShows(box);
    await expect.poll(() => feed(dock)).toContain('Raider4 raided with 4 viewers');
    await click(dock, 'Replay', 'ovl-dock-feed li[data-kind="raid"]');
    for (const box of boxes) {
      await expect.poll(() => box.text('ovl-alerts', '[part="replay"]')).toEqual(['Replay']);
      await expect.poll(() => shows(box)).toEqual(['Raider4 is raiding with 4 viewers!']);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const box of boxes) expect(await shows(box)).toHaveLength(1);
    expect(await list.text('ovl-event-list', '[part="text"]')).toEqual(['Raider4 raided with 4 viewers']);
    expect(await goal.text('ovl-goal', '[part="amount"]')).toEqual(goalBefore);
    const records = (await storedRecordsIn(dock, FIXTURE_CHANNEL_ID)) as HistoryRecord[];
    expect(records.filter((r) => r.event.kind === 'raid').map((r) => r.origin).sort()).toEqual(['live', 'replay']);
    expect(records.find((r) => r.origin === 'replay')?.event.id).toMatch(/^replay:/);
    // The feed lists live events only.
    expect(await feed(dock)).toEqual(['Raider4 raided with 4 viewers']);
  });

  test('Pause, Resume, Skip, Mute and Clear act on every open alert box, and on one opened later', async () => {
    const tag = `dock-${++counter}`;
    const dock = await openDock(tag);
    // Alerts that stay until skipped: what a box shows never depends on how fast the machine runs.
    const boxes = [await open('alerts', tag, LONG), await open('alerts', tag, LONG)];
    await click(dock, 'Pause alerts');
    for (const box of boxes) await expect.poll(() => alertProp(box, 'held')).toBe(true);
    for (const viewers of [5, 6]) await commands.esNotify('channel.raid', raid(viewers));
    for (const box of boxes) await expect.poll(() => alertProp(box, 'waiting')).toBe(2);
    expect(await Promise.all(boxes.map(alertShown))).toEqual([[], []]);
    await expect.poll(() => inDock(dock, 'ovl-dock-alert-controls', '[part="queue"]')).toEqual(['4 waiting (paused) on 2 alert boxes.']);
    // One opened later stays paused: it read the state the dock stored.
    const later = await open('alerts', tag, LONG);
    expect(await alertProp(later, 'held')).toBe(true);
    boxes.push(later);

    await click(dock, 'Mute alert sounds');
    for (const box of boxes) await expect.poll(() => alertProp(box, 'muted')).toBe(true);
    await click(dock, 'Resume alerts');
    for (const box of boxes) await expect.poll(() => alertProp(box, 'held')).toBe(false);
    await expect.poll(() => alertShown(boxes[0]!)).toEqual(['Raider5 is raiding with 5 viewers!']);
    await click(dock, 'Skip alert');
    await expect.poll(() => alertShown(boxes[0]!)).toEqual(['Raider6 is raiding with 6 viewers!']);
    await click(dock, 'Clear queue');
    await click(dock, 'Pause alerts');
    await commands.esNotify('channel.raid', raid(7));
    for (const box of boxes) await expect.poll(() => alertProp(box, 'waiting')).toBe(1);
    await click(dock, 'Clear queue');
    for (const box of boxes) await expect.poll(() => alertProp(box, 'waiting')).toBe(0);
    await click(dock, 'Unmute alert sounds');
    for (const box of boxes) await expect.poll(() => alertProp(box, 'muted')).toBe(false);
    // Test follow plays on every box (paused or not, a Test is asked for now).
    await click(dock, 'Resume alerts');
    for (const box of boxes) await box.eval(`document.querySelector('ovl-alerts').skip()`);
    await click(dock, 'Test follow');
    for (const box of boxes) await expect.poll(async () => (await alertShown(box))[0] ?? '').toMatch(/follow/i);
    for (const page of [dock, ...boxes]) expect(await page.errors()).toEqual([]);
  });

  test('Hide overlays makes every open overlay transparent, and one opened later; Show overlays brings them back; the dock stays', async () => {
    const tag = `dock-${++counter}`;
    const dock = await openDock(tag);
    const overlays = [await open('alerts', tag), await open('events', tag), await open('goal', tag)];
    await click(dock, 'Hide overlays');
    for (const page of overlays) await expect.poll(() => visibility(page)).toBe('hidden');
    const later = await open('events', tag);
    expect(await visibility(later)).toBe('hidden');
    expect(await visibility(dock)).toBe('visible');
    await click(dock, 'Show overlays');
    for (const page of [...overlays, later]) await expect.poll(() => visibility(page)).toBe('visible');
  });

  test('the Overlays section lists each open page with its chips and the EventSub owner; a closed one shows gone', async () => {
    const tag = `dock-${++counter}`;
    const dock = await openDock(tag);
    const box = await open('alerts', tag);
    await open('events', tag);
    await expect.poll(() => inDock(dock, 'ovl-dock-overlays', '[part="page"]', 'data-overlay')).toEqual(['dock', 'alerts', 'events']);
    // A page is listed from its first presence; its part in the shared connection follows once it has joined.
    await expect.poll(() => inDock(dock, 'ovl-dock-overlays', '[part="eventsub"]')).toEqual(['owns EventSub', 'EventSub via another page', 'EventSub via another page']);
    expect((await inDock(dock, 'ovl-dock-overlays', '[part="token"]'))[0]).toMatch(/^token: \d+ days? left$/);
    expect(await inDock(dock, 'ovl-dock-overlays', '[data-overlay="alerts"] [part="chip"]')).toEqual(['events connected', 'token connected']);
    // While idle an overlay is woken by the dock's pings alone: the other pages' answers go where only a dock listens.
    await box.eval(`(() => { window.heard = []; new BroadcastChannel(${JSON.stringify(CONTROL_CHANNEL)}).onmessage = (e) => window.heard.push(e.data.kind); })()`);
    await expect.poll(() => box.eval<string[]>('window.heard'), { timeout: 10_000 }).toEqual(['ping', 'ping']);
    await box.close();
    pages.splice(pages.indexOf(box), 1);
    await expect.poll(() => inDock(dock, 'ovl-dock-overlays', '[part="page"]', 'data-gone'), { timeout: 10_000 }).toEqual(['false', 'true', 'false']);
  });

  test('the Overlays section says how long a connection has been away, and what a page warns of (Twitch retiring one type it shows)', async () => {
    const tag = `dock-${++counter}`;
    const dock = await openDock(tag);
    await open('alerts', tag);
    await expect.poll(() => inDock(dock, 'ovl-dock-overlays', '[part="page"]', 'data-overlay')).toEqual(['dock', 'alerts']);
    await commands.esRevoke('channel.channel_points_custom_reward_redemption.add', 'version_removed');
    await expect.poll(() => inDock(dock, 'ovl-dock-overlays', '[data-overlay="alerts"] [part="warning"]')).toContainEqual(expect.stringContaining('⚠ Twitch retired version 1 of channel.channel_points_custom_reward_redemption.add'));
    const alertChips = () => inDock(dock, 'ovl-dock-overlays', '[data-overlay="alerts"] [part="chip"]');
    try {
      await commands.fakeAway('eventsub', true);
      await expect.poll(alertChips, { timeout: 10_000 }).toContainEqual(expect.stringMatching(/^events reconnecting · away \d+ s$/));
    } finally {
      await commands.fakeAway('eventsub', false);
    }
    await expect.poll(alertChips, { timeout: 15_000 }).toEqual(['events connected', 'token connected']);
  });

  test('Remove from overlay and Hide this user take lines off every chat overlay, and the user’s next lines stay off', async () => {
    const tag = `dock-${++counter}`;
    const dock = await openDock(tag);
    const chats = [await open('chat', tag, `&channel=${LOGIN}&emotes=`), await open('chat', tag, `&channel=${LOGIN}&emotes=`)];
    await expect.poll(() => commands.tmiJoinCount(LOGIN), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    await commands.tmiPush(LOGIN, [
      privmsg(LOGIN, 'first line', { login: 'alice', displayName: 'Alice', userId: '801', id: 'line-1' }),
      privmsg(LOGIN, 'rude line', { login: 'troll', displayName: 'Troll', userId: '802', id: 'line-2' }),
      privmsg(LOGIN, 'more rudeness', { login: 'troll', displayName: 'Troll', userId: '802', id: 'line-3' }),
      privmsg(LOGIN, 'nice line', { login: 'bob', displayName: 'Bob', userId: '803', id: 'line-4' }),
    ]);
    const onStream = (page: OverlayPage) => page.text('ovl-chat', '[part~="message"]');
    for (const chat of chats) await expect.poll(() => onStream(chat)).toEqual(['first line', 'rude line', 'more rudeness', 'nice line']);
    await expect.poll(() => dock.text('ovl-dock-chat', '[part="message"]')).toEqual(['nice line', 'more rudeness', 'rude line', 'first line']);
    expect((await dock.text('ovl-dock-chat', 'p'))[0]).toMatch(/Twitch chat keeps them/);

    await click(dock, 'Remove from overlay', 'ovl-dock-chat li[data-id="line-1"]');
    for (const chat of chats) await expect.poll(() => onStream(chat)).toEqual(['rude line', 'more rudeness', 'nice line']);
    await click(dock, 'Hide this user', 'ovl-dock-chat li[data-id="line-2"]');
    for (const chat of chats) await expect.poll(() => onStream(chat)).toEqual(['nice line']);
    await commands.tmiPush(LOGIN, [privmsg(LOGIN, 'still here', { login: 'troll', displayName: 'Troll', userId: '802' }), privmsg(LOGIN, 'welcome', { login: 'bob', displayName: 'Bob', userId: '803' })]);
    for (const chat of chats) await expect.poll(() => onStream(chat)).toEqual(['nice line', 'welcome']);
    await expect.poll(() => dock.text('ovl-dock-chat', '[part="message"]')).toEqual(['welcome', 'nice line']);
    // A chat overlay opened later keeps the chatter off too.
    const later = await open('chat', tag, `&channel=${LOGIN}&emotes=`);
    await commands.tmiPush(LOGIN, [privmsg(LOGIN, 'sneaky', { login: 'troll', displayName: 'Troll', userId: '802' }), privmsg(LOGIN, 'hi all', { login: 'bob', displayName: 'Bob', userId: '803' })]);
    await expect.poll(() => onStream(later)).toEqual(['hi all']);
  });

  test('Hide this user lasts until the stream ends: stream.offline shows the chatter’s next lines again on every chat overlay, and on one opened later', async () => {
    const tag = `dock-${++counter}`;
    const dock = await openDock(tag);
    const chats = [await open('chat', tag, `&channel=${LOGIN}&emotes=`), await open('chat', tag, `&channel=${LOGIN}&emotes=`)];
    await expect.poll(() => commands.tmiJoinCount(LOGIN), { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const troll = { login: 'troll', displayName: 'Troll', userId: '812' };
    await commands.tmiPush(LOGIN, [privmsg(LOGIN, 'rude line', { ...troll, id: 'offline-1' }), privmsg(LOGIN, 'hello', { login: 'bob', displayName: 'Bob', userId: '813' })]);
    const onStream = (page: OverlayPage) => page.text('ovl-chat', '[part~="message"]');
    for (const chat of chats) await expect.poll(() => onStream(chat)).toEqual(['rude line', 'hello']);
    await click(dock, 'Hide this user', 'ovl-dock-chat li[data-id="offline-1"]');
    for (const chat of chats) await expect.poll(() => onStream(chat)).toEqual(['hello']);
    const hidden = () => dock.eval<string[]>(`JSON.parse(localStorage.getItem('ovl:control:v1:id:${FIXTURE_CHANNEL_ID}')).hiddenUsers.map((u) => u.login)`);
    expect(await hidden()).toEqual(['troll']);

    await commands.esNotify('stream.offline', REFERENCE_EVENTS['stream.offline']);
    await expect.poll(hidden).toEqual([]);
    await expect.poll(() => feed(dock)).toEqual(['Went offline']);
    await commands.tmiPush(LOGIN, [privmsg(LOGIN, 'sorry', troll)]);
    for (const chat of chats) await expect.poll(() => onStream(chat)).toEqual(['hello', 'sorry']);
    const later = await open('chat', tag, `&channel=${LOGIN}&emotes=`);
    await commands.tmiPush(LOGIN, [privmsg(LOGIN, 'next stream', troll)]);
    await expect.poll(() => onStream(later)).toEqual(['next stream']);
    for (const page of [dock, ...chats, later]) expect(await page.errors()).toEqual([]);
  });

  test('Start timer, Pause timer, Resume timer, Add time and Reset timer drive the subathon timer; Roll credits rolls the end credits', async () => {
    const tag = `dock-${++counter}`;
    const dock = await openDock(tag);
    const timer = await open('subathon', tag, '&length=10');
    const credits = await open('credits', tag, '&roll-offline=false');
    const phase = async () => (await timer.attr('ovl-subathon', '[part="clock"]', 'data-phase'))[0] ?? null;
    const clock = async () => (await timer.text('ovl-subathon', '[part="clock"]'))[0] ?? '';
    const secondsLeft = async () => {
      const [h, m, sec] = (await clock()).split(':').map(Number);
      return h! * 3600 + m! * 60 + sec!;
    };
    expect(await phase()).toBe('waiting');
    // The timer page takes its Web Lock (one page counts and obeys) in a task of its own.
    await expect.poll(async () => (await click(dock, 'Start timer'), phase())).toBe('running');
    await click(dock, 'Pause timer');
    await expect.poll(phase).toBe('paused');
    await click(dock, 'Resume timer');
    await expect.poll(phase).toBe('running');
    // Seconds tick meanwhile: each press moves the clock by its minutes, less what ran since.
    const before = await secondsLeft();
    expect(before).toBeGreaterThan(9 * 60);
    await click(dock, 'Add time');
    await expect.poll(secondsLeft).toBeGreaterThan(before + 4 * 60);
    expect(await secondsLeft()).toBeLessThanOrEqual(before + 5 * 60);
    const added = await secondsLeft();
    await commands.pageFill(dock.id, 'ovl-dock >> ovl-dock-widget-controls >> input[type="number"]', '-3');
    await click(dock, 'Add time');
    await expect.poll(secondsLeft).toBeLessThan(added - 2 * 60);
    expect(await secondsLeft()).toBeGreaterThan(added - 4 * 60);
    await click(dock, 'Reset timer');
    await expect.poll(phase).toBe('waiting');

    expect(await credits.eval('document.querySelector("ovl-credits").rolling')).toBe(false);
    await click(dock, 'Roll credits');
    await expect.poll(() => credits.eval('document.querySelector("ovl-credits").rolling')).toBe(true);
  });

  test('messages of another protocol version, another channel or a malformed shape are ignored', async () => {
    const tag = `dock-${++counter}`;
    const box = await open('alerts', tag);
    const list = await open('events', tag);
    const post = (message: unknown) => box.eval(`(() => { const c = new BroadcastChannel(${JSON.stringify(CONTROL_CHANNEL)}); c.postMessage(${JSON.stringify(message)}); c.close(); })()`);
    const channel = { id: FIXTURE_CHANNEL_ID, login: LOGIN };
    // Posted from the alert box's page: the event list hears them (a channel never hears its own posts).
    await post({ v: CONTROL_VERSION + 1, channel, kind: 'hide', hidden: true });
    await post({ v: CONTROL_VERSION, channel: { id: '999' }, kind: 'hide', hidden: true });
    await post({ v: CONTROL_VERSION, channel, kind: 'hide', hidden: 'yes' });
    await post({ v: CONTROL_VERSION, kind: 'hide', hidden: true });
    await post({ v: CONTROL_VERSION, channel, kind: 'replay', event: { kind: 'raid', id: 'x', at: 1, user: '<img src=x onerror=alert(1)>', viewers: 1 } });
    await post('<img src=x onerror=alert(1)>');
    // Then a valid one: everything before it was heard, and ignored.
    await post({ v: CONTROL_VERSION, channel, kind: 'alert-state', paused: true, muted: false });
    await expect.poll(() => alertProp(box, 'held')).toBe(true);
    expect(await visibility(list)).toBe('visible');
    expect(await alertShown(box)).toEqual([]);
    for (const page of [box, list]) expect(await page.errors()).toEqual([]);
  });
});
