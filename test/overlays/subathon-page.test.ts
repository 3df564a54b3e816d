import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { FIXTURE_CHANNEL_ID, scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import type { SubathonState } from '../../src/components/subathon/subathon-clock.js';
import type { HistoryRecord } from '../../src/sources/history/history-record.js';
import { onSitePage, openPage, type OverlayPage } from '../helpers/page.js';
import { clearSiteHistories, putRecordsIn, storedRecordsIn } from '../helpers/history.js';
import { fake } from '../helpers/fake-servers.js';
import { cheerTwice } from '../helpers/stream-session.js';

/**
 * The subathon timer as a streamer runs it: pages of the production build in one browser
 * context (OBS's profile) against the fake EventSub server. The clock runs in real time, so the
 * tests read what the timers share, the stored state: an extension moves the end time by exactly
 * its amount, whatever the time it took to arrive.
 */
const pages: OverlayPage[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});
beforeEach(async () => {
  await clearSiteHistories();
  await onSitePage((blank) => blank.eval(`localStorage.removeItem('ovl:subathon:v1:${FIXTURE_CHANNEL_ID}')`));
});

const MIN = 60_000;
let counter = 0;
const token = scopedToken(EVENT_SCOPES);
const url = (overlay: string, tag: string, query = '') =>
  `/overlays/${overlay}/?debug${query}&dev-origin=${fake.httpOrigin}&dev-eventsub=${encodeURIComponent(`${fake.eventsubUrl}?tag=${tag}`)}#token=${token}`;

async function open(overlay: string, tag: string, query = ''): Promise<OverlayPage> {
  const page = await openPage(url(overlay, tag, query), { reducedMotion: true });
  pages.push(page);
  await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
  return page;
}
async function close(page: OverlayPage): Promise<void> {
  await page.close();
  pages.splice(pages.indexOf(page), 1);
}
const timer = (page: OverlayPage) => page.eval<SubathonState | null>(`JSON.parse(localStorage.getItem('ovl:subathon:v1:${FIXTURE_CHANNEL_ID}'))`);
const clock = async (page: OverlayPage) => (await page.text('ovl-subathon', '[part="clock"]'))[0] ?? '';
const notes = (page: OverlayPage) => page.text('ovl-status-panel', '.note');
const owns = async (page: OverlayPage) => (await notes(page)).includes('eventsub: shared (owner)');
/** Waits until the stored length reaches `totalMs`, then returns the state. */
async function totalReaches(page: OverlayPage, totalMs: number): Promise<SubathonState> {
  await expect.poll(async () => (await timer(page))?.totalMs).toBe(totalMs);
  return (await timer(page))!;
}

const subscribe = (userId: string, tier = '1000', isGift = false) => commands.esNotify('channel.subscribe', { ...REFERENCE_EVENTS['channel.subscribe'], user_id: userId, tier, is_gift: isGift });
const raid = (viewers: number) => commands.esNotify('channel.raid', { ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: String(4000 + viewers), viewers });
const cheer = (bits: number) => cheerTwice('1234', 'Cool_User', bits);

describe('subathon page (production build) against the fake EventSub server', { timeout: 60_000 }, () => {
  test('waits for the first qualifying event, then each extends it by its amount: a gift bomb and a cheer Twitch reports twice count once', async () => {
    const tag = `subathon-${++counter}`;
    const page = await open('subathon', tag, '&length=60&tier1=5&tier3=25&gift=2&bits100=1&raid=3');
    expect(await timer(page)).toMatchObject({ phase: 'waiting', remainingMs: 60 * MIN, totalMs: 60 * MIN });
    expect(await clock(page)).toBe('1:00:00');
    await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow']);
    await subscribe('9001');
    const started = await totalReaches(page, 65 * MIN);
    expect(started.phase).toBe('running');

    await subscribe('9002', '3000');
    const tier3 = await totalReaches(page, 90 * MIN);
    expect(tier3.endsAt - started.endsAt).toBe(25 * MIN);
    // A gift bomb of 10: the gift and its 10 per-recipient subs are one event of 10 × 2 minutes.
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], total: 10 });
    for (let i = 0; i < 10; i++) await subscribe(`93${i}`, '1000', true);
    const bomb = await totalReaches(page, 110 * MIN);
    expect(bomb.endsAt - tier3.endsAt).toBe(20 * MIN);
    await cheer(250);
    await raid(77);
    const after = await totalReaches(page, 110 * MIN + 2.5 * MIN + 3 * MIN);
    expect(after.endsAt - bomb.endsAt).toBe(5.5 * MIN);
    await expect.poll(() => page.text('ovl-subathon', '[part="extension"]')).toEqual(['+3:00']);
    await page.screenshot('subathon');
    expect(await page.errors()).toEqual([]);
  });

  test('survives a reload and counts the events that arrived meanwhile (stored by the alert box holding the connection); a replay from the dock adds nothing', async () => {
    const tag = `subathon-${++counter}`;
    const alerts = await open('alerts', tag);
    let page = await open('subathon', tag, '&start=now&length=30&tier1=5');
    expect(await owns(alerts)).toBe(true);
    await subscribe('8001');
    const before = await totalReaches(page, 35 * MIN);
    await close(page);

    // While the timer is away: two subs, stored in the history by the alert box.
    await subscribe('8002');
    await subscribe('8003');
    await expect.poll(async () => ((await storedRecordsIn(alerts, FIXTURE_CHANNEL_ID)) as HistoryRecord[]).filter((r) => r.event.kind === 'sub').length).toBe(3);
    // The dock replays one of them: stored under its own origin, never counted.
    const [one] = ((await storedRecordsIn(alerts, FIXTURE_CHANNEL_ID)) as HistoryRecord[]).filter((r) => r.event.kind === 'sub');
    await putRecordsIn(alerts, FIXTURE_CHANNEL_ID, [{ event: { ...one!.event, id: `replay:${one!.event.id}:1` }, receivedAt: Date.now(), origin: 'replay' }, { event: { ...one!.event, id: 'test:1' }, receivedAt: Date.now(), origin: 'test' }]);

    page = await open('subathon', tag, '&start=now&length=30&tier1=5');
    const back = await totalReaches(page, 45 * MIN);
    // The same clock, two subs on: never reset, nothing counted twice.
    expect(back.endsAt - before.endsAt).toBe(10 * MIN);
    expect(await notes(page)).toContain('subathon: carried on from the stored timer (running)');
    await subscribe('8004');
    await totalReaches(page, 50 * MIN);
    // A reload with nothing new changes nothing.
    await close(page);
    page = await open('subathon', tag, '&start=now&length=30&tier1=5');
    expect((await timer(page))?.totalMs).toBe(50 * MIN);
  });

  test('a second timer page shows the same clock and nothing is counted twice (one page counts); across an owner handover too', async () => {
    const tag = `subathon-${++counter}`;
    const first = await open('subathon', tag, '&start=now&length=10&tier1=1');
    const second = await open('subathon', tag, '&start=now&length=10&tier1=1');
    expect([await owns(first), await owns(second)]).toEqual([true, false]);
    // One timer page counts, the other draws what it stores.
    const leads = async (page: OverlayPage) => (await notes(page)).some((note) => note.startsWith('subathon: this page counts'));
    await expect.poll(() => leads(first)).toBe(true);
    expect(await leads(second)).toBe(false);
    const start = (await timer(first))!;
    await subscribe('7001');
    await totalReaches(second, 11 * MIN);
    await expect.poll(async () => (await clock(first)).slice(0, 4)).toBe((await clock(second)).slice(0, 4));

    // The owner closes; the second page takes the connection over.
    await close(first);
    await expect.poll(() => owns(second), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => leads(second)).toBe(true);
    await expect.poll(async () => (await second.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    await subscribe('7002');
    await subscribe('7003');
    const after = await totalReaches(second, 13 * MIN);
    expect(after.endsAt - start.endsAt).toBe(3 * MIN);
    expect(new Set(after.counted).size).toBe(after.counted.length);
  });

  test('at zero: the ending text, and no more events counted; with overtime an event starts it again', async () => {
    const tag = `subathon-${++counter}`;
    const markup = '<img src=x onerror="document.title=1">Done!';
    const page = await open('subathon', tag, `&start=now&length=0&tier1=5&ending-text=${encodeURIComponent(markup)}`);
    await expect.poll(() => page.text('ovl-subathon', '[part="ending"]')).toEqual([markup]);
    expect(await page.eval<number>(`document.querySelector('ovl-subathon').shadowRoot.querySelectorAll('img').length`)).toBe(0);
    await subscribe('6001');
    await expect.poll(async () => (await timer(page))?.counted.length).toBe(1);
    expect((await timer(page))?.totalMs).toBe(0);
    await close(page);

    const overtime = await open('subathon', tag, '&start=now&length=0&tier1=5&overtime');
    await subscribe('6002');
    const again = await totalReaches(overtime, 5 * MIN);
    expect(again.phase).toBe('running');
    await expect.poll(() => clock(overtime)).toMatch(/^0:0[45]:\d\d$/);
  });

  test('?record keeps the session; ?replay counts the recording on a clock of its own, leaving the streamer’s alone', async () => {
    const tag = `subathon-${++counter}`;
    const recording = await open('subathon', tag, '&record&length=10&tier1=5');
    await subscribe('5001');
    await totalReaches(recording, 15 * MIN);
    const file = await recording.eval<string>('document.querySelector("ovl-status-panel").recorder.toBlob().text()');
    await recording.eval(`localStorage.removeItem('ovl:subathon:v1:${FIXTURE_CHANNEL_ID}')`);
    await close(recording);
    const replay = encodeURIComponent(`data:application/x-ndjson;charset=utf-8,${encodeURIComponent(file)}`);
    const page = await openPage(`/overlays/subathon/?replay=${replay}&replay-speed=10&debug&length=10&tier1=5`);
    pages.push(page);
    await expect.poll(() => clock(page)).toMatch(/^0:1[45]:\d\d$/);
    expect(await timer(page)).toBeNull();
    expect(await page.errors()).toEqual([]);
  });

  test('?demo counts down on the simulated channel’s events', async () => {
    const page = await openPage('/overlays/subathon/?demo&start=now', { reducedMotion: true, width: 500, height: 100 });
    pages.push(page);
    await expect.poll(() => clock(page), { timeout: 10_000 }).toMatch(/^\d:\d\d:\d\d$/);
    await expect.poll(() => page.text('ovl-subathon', '[part="extension"]'), { timeout: 15_000 }).toHaveLength(1);
    await page.screenshot('subathon-demo');
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
  });
});
