import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { FIXTURE_CHANNEL_ID, scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import { DEMO_USER } from '../../src/simulator/demo-channel.js';
import type { HistoryRecord } from '../../src/sources/history/history-record.js';
import { advancingBy, onSitePage, openPage, type OverlayPage } from '../helpers/page.js';
import { clearSiteHistories, newerHistoryIn, putRecordsIn, storedRecordsIn } from '../helpers/history.js';
import { fake } from '../helpers/fake-servers.js';

/**
 * The event history as a streamer's overlays keep it: pages of the production build in one
 * browser context (OBS's profile), against the fake EventSub server. Whatever page holds the
 * shared connection writes; what the test counts is what IndexedDB holds. Each test starts from
 * an origin with no history, and tags its EventSub connections (`?tag=`).
 */
const pages: OverlayPage[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});
beforeEach(clearSiteHistories);

let counter = 0;
const token = scopedToken(EVENT_SCOPES);
const url = (overlay: string, tag: string, extra = '') =>
  `/overlays/${overlay}/?debug${extra}&dev-origin=${fake.httpOrigin}&dev-eventsub=${encodeURIComponent(`${fake.eventsubUrl}?tag=${tag}`)}#token=${token}`;

async function open(overlay: string, tag: string, extra = ''): Promise<OverlayPage> {
  const page = await openPage(url(overlay, tag, extra), { reducedMotion: true });
  pages.push(page);
  await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
  return page;
}

const notes = (page: OverlayPage) => page.text('ovl-status-panel', '.note');
const owns = async (page: OverlayPage) => (await notes(page)).includes('eventsub: shared (owner)');
const rows = (page: OverlayPage) => page.text('ovl-event-list', '[part="text"]');
const raid = (viewers: number) => ({ ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: String(5000 + viewers), from_broadcaster_user_login: `raider${viewers}`, from_broadcaster_user_name: `Raider${viewers}`, viewers });
const stored = async (page: OverlayPage, userId = FIXTURE_CHANNEL_ID) => (await storedRecordsIn(page, userId)) as HistoryRecord[];
/** The live raids stored, by their viewers (each test's raids have distinct ones): a raid stored twice shows twice. */
const storedRaids = async (page: OverlayPage) => (await stored(page)).flatMap(({ event, origin }) => (event.kind === 'raid' && origin === 'live' ? [event.viewers] : [])).sort((a, b) => a - b);

/** A notification as Twitch frames it, with a message id of the test's choosing: what Twitch sends when it delivers again (§3.2). */
function frame(messageId: string, type: string, event: Record<string, unknown>): string {
  const subscription = { id: `sub-${type}`, status: 'enabled', type, version: '1', condition: {}, transport: { method: 'websocket', session_id: 'any' }, created_at: new Date().toISOString(), cost: 0 };
  return JSON.stringify({ metadata: { message_id: messageId, message_type: 'notification', message_timestamp: new Date().toISOString(), subscription_type: type, subscription_version: '1' }, payload: { subscription, event } });
}

describe('the event history: one writer per origin', () => {
  test('the page holding the connection stores every event of the shared session once, its own kinds or not; Twitch’s double reports once', async () => {
    const tag = `history-${++counter}`;
    // The event list lists raids only, and opens first: it holds the connection for all three.
    const list = await open('events', tag, '&kinds=raid');
    const others = [await open('alerts', tag), await open('goal', tag)];
    expect(await owns(list)).toBe(true);
    expect(await Promise.all(others.map(owns))).toEqual([false, false]);
    await commands.esNotify('channel.raid', raid(1));
    await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow']);
    // One cheer, reported twice by Twitch; one gift of 2 with its 2 per-recipient subs.
    await commands.esNotify('channel.cheer', REFERENCE_EVENTS['channel.cheer']);
    await commands.esNotify('channel.bits.use', REFERENCE_EVENTS['channel.bits.use']);
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], total: 2 });
    for (const i of [1, 2]) await commands.esNotify('channel.subscribe', { ...REFERENCE_EVENTS['channel.subscribe'], user_id: `90${i}`, is_gift: true });
    await commands.esNotify('channel.goal.progress', REFERENCE_EVENTS['channel.goal.progress']);
    await commands.esNotify('channel.raid', raid(2));
    await expect.poll(async () => (await stored(list)).map((r) => r.event.kind).sort(), { timeout: 5000 }).toEqual(['cheer', 'follow', 'gift', 'goal', 'raid', 'raid']);
    const records = await stored(list);
    expect(records.every((r) => r.origin === 'live' && Number.isFinite(r.receivedAt))).toBe(true);
    expect(records.find((r) => r.event.kind === 'cheer')?.event).toMatchObject({ bits: 2 });
    expect(await rows(list)).toEqual(['Raider2 raided with 2 viewers', 'Raider1 raided with 1 viewers']);
    for (const page of pages) expect(await page.errors()).toEqual([]);
  });

  test('across a handover: the owner closes mid-stream, the next owner stores what follows, nothing is stored twice', async () => {
    const tag = `history-${++counter}`;
    const first = await open('alerts', tag);
    const rest = [await open('events', tag), await open('goal', tag)];
    expect(await owns(first)).toBe(true);
    for (const viewers of [1, 2, 3]) await commands.esNotify('channel.raid', raid(viewers));
    await expect.poll(() => storedRaids(rest[0]!)).toEqual([1, 2, 3]);

    await first.close();
    pages.splice(pages.indexOf(first), 1);
    await expect.poll(async () => (await Promise.all(rest.map(owns))).filter(Boolean).length, { timeout: 10_000 }).toBe(1);
    for (const page of rest) await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    for (const viewers of [4, 5, 6]) await commands.esNotify('channel.raid', raid(viewers));
    await expect.poll(() => storedRaids(rest[0]!)).toEqual([1, 2, 3, 4, 5, 6]);
    await expect.poll(() => rows(rest[0]!)).toHaveLength(6);
  });
});

describe('the event list from the history', () => {
  test('after a reload it shows its rows before any new event, lists live events only, and does not list again one Twitch delivers again', async () => {
    const tag = `history-${++counter}`;
    let list = await open('events', tag, '&max=4');
    // Sent with a message id of its own, so that it can be delivered again below.
    await commands.esRaw(frame('history-repeat-1', 'channel.raid', raid(7)));
    await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow']);
    for (const viewers of [8, 9]) await commands.esNotify('channel.raid', raid(viewers));
    const shown = ['Raider9 raided with 9 viewers', 'Raider8 raided with 8 viewers', 'Cool_User followed', 'Raider7 raided with 7 viewers'];
    await expect.poll(() => rows(list)).toEqual(shown);
    // The dock's replay of a raid: in the history, but no new event.
    const [latest] = (await stored(list)).filter((r) => r.event.kind === 'raid' && r.event.viewers === 9);
    await putRecordsIn(list, FIXTURE_CHANNEL_ID, [{ event: { ...latest!.event, id: `replay:${latest!.event.id}:1` }, receivedAt: Date.now() + 1000, origin: 'replay' }]);

    await list.close();
    pages.splice(0);
    list = await open('events', tag, '&max=4');
    // Connected, and no event sent since: the rows came from the history.
    expect(await rows(list)).toEqual(shown);

    // Twitch delivers the first raid again on the new session (at least once, §3.2), then a new one.
    await commands.esRaw(frame('history-repeat-1', 'channel.raid', raid(7)));
    await commands.esNotify('channel.raid', raid(10));
    await expect.poll(() => rows(list)).toEqual(['Raider10 raided with 10 viewers', ...shown.slice(0, 3)]);
    expect(await storedRaids(list)).toEqual([7, 8, 9, 10]);
    expect((await stored(list)).filter((r) => r.origin === 'replay')).toHaveLength(1);
    expect(await list.errors()).toEqual([]);
  });
});

describe('where the history fails, the overlays run live and say why in ?debug', () => {
  test('a history a newer build made (a higher version): nothing stored, nothing thrown, events listed live', async () => {
    const tag = `history-${++counter}`;
    await onSitePage((blank) => newerHistoryIn(blank, FIXTURE_CHANNEL_ID));
    const list = await open('events', tag);
    await expect.poll(() => notes(list)).toContainEqual(expect.stringMatching(/^history: off, it was made by a newer version of these overlays.*VersionError.*; events are shown live only$/));
    await commands.esNotify('channel.raid', raid(3));
    await expect.poll(() => rows(list)).toEqual(['Raider3 raided with 3 viewers']);
    expect(await list.errors()).toEqual([]);
  });

  test('a full disk: the writes fail with QuotaExceededError, ?debug says so, events are listed live; with room again they are stored', async () => {
    const tag = `history-${++counter}`;
    const list = await openPage(url('events', tag), { reducedMotion: true, quotaBytes: 1 });
    pages.push(list);
    await expect.poll(async () => (await list.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    await commands.esNotify('channel.raid', raid(4));
    await expect.poll(() => rows(list)).toEqual(['Raider4 raided with 4 viewers']);
    await expect.poll(() => notes(list)).toContainEqual(expect.stringMatching(/^history: off, events are not stored: the disk is full.*QuotaExceededError/));
    expect(await storedRaids(list)).toEqual([]);

    await list.quota(null);
    await commands.esNotify('channel.raid', raid(5));
    await expect.poll(() => storedRaids(list)).toEqual([5]);
    expect(await notes(list)).toContain('history: storing events again');
    expect(await list.errors()).toEqual([]);
  });
});

describe('demo and replay', () => {
  test('?demo stores the simulator’s events under the demo channel, never a streamer’s', async () => {
    const page = await openPage('/overlays/events/?demo&max=6', { reducedMotion: true, clock: true });
    pages.push(page);
    await expect.poll(advancingBy(page, 1000, async () => (await rows(page)).length), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await expect.poll(async () => (await stored(page, DEMO_USER.id)).length).toBeGreaterThanOrEqual(3);
    expect(await stored(page)).toEqual([]);
  });

  test('?record stores what it receives (a live page of its own); ?replay of it stores nothing and lists only the recording', async () => {
    const tag = `history-${++counter}`;
    const recording = await open('events', tag, '&record&max=5');
    await commands.esNotify('channel.raid', raid(11));
    await expect.poll(() => storedRaids(recording)).toEqual([11]);
    const file = await recording.eval<string>('document.querySelector("ovl-status-panel").recorder.toBlob().text()');
    await commands.esNotify('channel.raid', raid(12));
    await expect.poll(() => storedRaids(recording)).toEqual([11, 12]);
    await recording.close();
    pages.splice(0);

    const replay = encodeURIComponent(`data:application/x-ndjson;charset=utf-8,${encodeURIComponent(file)}`);
    const page = await openPage(`/overlays/events/?replay=${replay}&replay-speed=10&debug`);
    pages.push(page);
    await expect.poll(() => notes(page)).toContain('replay: finished');
    expect(await rows(page)).toEqual(['Raider11 raided with 11 viewers']);
    expect(await storedRaids(page)).toEqual([11, 12]);
    expect(await stored(page, DEMO_USER.id)).toEqual([]);
  });
});
