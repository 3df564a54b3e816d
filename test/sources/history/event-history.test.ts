import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_HISTORY_LIMIT, DEFAULT_HISTORY_MAX_RECORDS, EventHistory, type EventHistoryOptions } from '../../../src/sources/history/event-history.js';
import { DEFAULT_HISTORY_MAX_AGE_MS } from '../../../src/sources/history/history-reader.js';
import type { EventOrigin, HistoryRecord } from '../../../src/sources/history/history-record.js';
import type { StreamEvent } from '../../../src/domain/stream-event.js';
import { DATABASE_VERSION, RECORDS, historyDatabaseName } from '../../../src/sources/history/history-database.js';
import { referenceEvent } from '../../helpers/reference-event.js';
import { deleteHistories, recentEntries, storedRecords } from '../../helpers/history.js';
import { olderHistory } from '../../helpers/older-history.js';
import { brokenStoreFactory, holdDatabase, nextVersionFactory, refusingFactory } from '../../helpers/failing-indexeddb.js';

/**
 * The event history on this page's real IndexedDB (Chromium's), one database per test user.
 * Failures are the browser's own where a test can cause them (a newer version, a blocked
 * upgrade); the others come from factories that fail as Chromium does
 * (test/helpers/failing-indexeddb.ts). A full disk is tested on an overlay page in a browser
 * context of its own (test/overlays/event-history-pages.test.ts): Chromium's IndexedDB lets
 * writes through on the room it last found for up to 30 s (BucketContext's
 * kBucketSpaceCacheTimeLimit), so only an origin with no recent writes fails at once.
 */
const opened: EventHistory[] = [];
const held: IDBDatabase[] = [];
afterEach(async () => {
  for (const history of opened.splice(0)) history.close();
  for (const db of held.splice(0)) db.close();
  await deleteHistories();
});

let users = 0;
const newUser = () => `history-test-${++users}`;

async function open(options: Partial<EventHistoryOptions> & { userId: string }): Promise<EventHistory> {
  const history = await EventHistory.open(options);
  opened.push(history);
  return history;
}

const raid = (viewers: number, receivedAt = Date.now(), origin: EventOrigin = 'live'): HistoryRecord => ({ event: referenceEvent('channel.raid', { viewers }, receivedAt), receivedAt, origin });
/** What tells the test's records apart: a raid's viewers, else the kind. */
const marks = (records: readonly unknown[]) => (records as HistoryRecord[]).map(({ event }) => (event.kind === 'raid' ? event.viewers : event.kind));

async function hold(name: string, version: number): Promise<IDBDatabase> {
  const db = await holdDatabase(name, version);
  held.push(db);
  return db;
}

/** Puts values into the user's store as any page of the origin could, past EventHistory. */
async function writeRaw(userId: string, values: readonly unknown[]): Promise<void> {
  const db = await holdDatabase(historyDatabaseName(userId), DATABASE_VERSION);
  await new Promise<void>((resolve, reject) => {
    const transaction = db.transaction(RECORDS, 'readwrite');
    for (const value of values) transaction.objectStore(RECORDS).put(value);
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error);
  });
  db.close();
}

/** Expects the history to run live-only for `why`: reads empty, writes dropped, nothing thrown. */
async function expectLiveOnly(history: EventHistory, why: RegExp): Promise<void> {
  expect(history.problem).toMatch(why);
  await history.add(raid(1));
  await history.trim();
  expect(await history.latest(10)).toEqual([]);
  expect(await history.since(0)).toEqual([]);
}

describe('EventHistory: storing and reading', () => {
  test('keyed by the event id: stored once however often added; latest newest first, since oldest first', async () => {
    const userId = newUser();
    const history = await open({ userId });
    const t = Date.now();
    const [one, two, three] = [raid(1, t - 2000), raid(2, t - 1000), raid(3, t)];
    await Promise.all([history.add(one!), history.add(two!), history.add(three!), history.add(one!)]);
    await history.add({ ...one!, receivedAt: t + 5 });
    expect(history.problem).toBeNull();
    expect(await storedRecords(userId)).toHaveLength(3);
    expect(marks(await history.latest(10))).toEqual([3, 2, 1]);
    expect(marks(await history.latest(2))).toEqual([3, 2]);
    expect(marks(await history.since(t - 1000))).toEqual([2, 3]);
    expect(await history.latest(0)).toEqual([]);
    // The first write of an id stands: a repeat does not move it.
    expect((await history.latest(10)).at(-1)).toEqual(one);
  });

  test('records that arrived in the same millisecond read in Twitch’s send order, not by their ids', async () => {
    const history = await open({ userId: newUser() });
    const t = Date.now();
    // Sent in this order, received in one millisecond, their ids sorting the other way.
    const sent = [raid(1, t - 3), raid(2, t - 2), raid(3, t - 1)].map((record, i) => ({ ...record, event: { ...record.event, id: `${9 - i}-same-ms` }, receivedAt: t }));
    for (const record of sent) await history.add(record);
    expect(marks(await history.latest(10))).toEqual([3, 2, 1]);
    expect(marks(await history.since(t))).toEqual([1, 2, 3]);
  });

  test('reads by kind, by origin and by a condition of the reader’s', async () => {
    const history = await open({ userId: newUser() });
    const t = Date.now();
    const follow: HistoryRecord = { event: referenceEvent('channel.follow'), receivedAt: t + 1, origin: 'live' };
    for (const record of [raid(1, t), follow, raid(2, t + 2, 'replay'), raid(3, t + 3, 'test')]) await history.add(record);
    expect(marks(await history.latest(10, { origins: ['live'] }))).toEqual(['follow', 1]);
    expect(marks(await history.latest(10, { kinds: ['raid'] }))).toEqual([3, 2, 1]);
    expect(marks(await history.latest(10, { kinds: ['raid'], origins: ['live', 'replay'] }))).toEqual([2, 1]);
    expect(marks(await history.since(0, { where: (r) => r.event.kind === 'raid' && r.event.viewers > 1 }))).toEqual([2, 3]);
    // `count` counts the records that match, not those passed over.
    expect(marks(await history.latest(1, { kinds: ['raid'], origins: ['live'] }))).toEqual([1]);
  });

  test('the stream going live and offline are stored and read back like every event, by kind', async () => {
    const history = await open({ userId: newUser() });
    const t = Date.now();
    const online: HistoryRecord = { event: referenceEvent('stream.online', {}, t), receivedAt: t, origin: 'live' };
    const offline: HistoryRecord = { event: referenceEvent('stream.offline', {}, t + 1), receivedAt: t + 1, origin: 'live' };
    for (const record of [online, raid(1, t + 2), offline]) await history.add(record);
    expect(await history.latest(10, { kinds: ['stream-online', 'stream-offline'] })).toEqual([offline, online]);
    expect(online.event).toMatchObject({ kind: 'stream-online', startedAt: Date.parse('2020-10-11T10:11:12.123Z'), streamType: 'live' });
  });

  test('adds made in one task are written together; the page’s subscribers hear each newly stored record once', async () => {
    const userId = newUser();
    const history = await open({ userId });
    const heard: unknown[] = [];
    history.subscribe((record) => heard.push(marks([record])[0]));
    const records = Array.from({ length: 50 }, (_, i) => raid(i + 1));
    await Promise.all([...records, records[0]!].map((record) => history.add(record)));
    expect(heard).toEqual(marks(records));
    expect(await storedRecords(userId)).toHaveLength(50);
    // Already stored: no news.
    await history.add(records[1]!);
    expect(heard).toHaveLength(50);
  });

  test('an event that cannot be stored (a caller’s, that is no JSON value) is dropped alone: the rest of its write is stored, every add resolves', async () => {
    const userId = newUser();
    const history = await open({ userId });
    const looped: Record<string, unknown> = { ...raid(2).event };
    looped.self = looped;
    const t = Date.now();
    await Promise.all([history.add({ ...raid(1, t), sessions: ['s'] }), history.add({ event: looped as unknown as StreamEvent, receivedAt: t, origin: 'live', sessions: ['s'] }), history.add({ ...raid(3, t + 1), sessions: ['s'] })]);
    expect(marks(await history.latest(10))).toEqual([3, 1]);
    history.close();
  });

  test('a listener that throws does not keep the others from hearing, and nothing throws out of add', async () => {
    const history = await open({ userId: newUser() });
    const heard: unknown[] = [];
    history.subscribe(() => {
      throw new Error('a broken listener');
    });
    history.subscribe((record) => heard.push(marks([record])[0]));
    await expect(history.add(raid(7))).resolves.toBeUndefined();
    expect(heard).toEqual([7]);
  });

  test('a stored value that is not a record is skipped when read: unknown kinds, missing fields, unsafe values, forged origins', async () => {
    const userId = newUser();
    const history = await open({ userId });
    const t = Date.now();
    const good = raid(1, t);
    const stored = (id: string, change: Record<string, unknown>, base: object = good.event) => ({ event: { ...base, id, ...change }, receivedAt: t, origin: 'live' });
    const charity = referenceEvent('channel.charity_campaign.donate', {}, t);
    const redemption = referenceEvent('channel.channel_points_custom_reward_redemption.add', {}, t);
    const resub = referenceEvent('channel.subscription.message', {}, t);
    await history.add(good);
    await writeRaw(userId, [
      stored('kind', { kind: 'nope' }),
      stored('user', { user: null }),
      stored('viewers', { viewers: '9001' }),
      stored('at', { at: 'yesterday' }),
      { ...stored('origin', {}), origin: 'forged' },
      { ...stored('received', {}), receivedAt: 'today' },
      stored('fields', {}, { kind: 'raid', at: t }),
      // Each would reach Intl.NumberFormat (and throw), a style, or the DOM as a part it cannot draw.
      stored('currency', { currency: 'US$' }, charity),
      stored('colour', { redemption: { ...(redemption as { redemption: object }).redemption, backgroundColor: '#00C7AC;background-image:url(https://evil.example/x)' } }, redemption),
      stored('part', { message: { text: 'hi', parts: [{ type: 'html', html: '<b>hi</b>' }] } }, resub),
      // Fields it does not know do no harm (a newer build may add some).
      { ...stored('extra', { extra: 1 }), note: 'from another build' },
    ]);
    const ids = [good.event.id, 'extra'].sort();
    expect((await history.latest(100)).map((r) => r.event.id).sort()).toEqual(ids);
    expect((await history.since(0)).map((r) => r.event.id).sort()).toEqual(ids);
  });
});

describe('EventHistory: reads by kind among many records', () => {
  /** `count` records of the kinds a long stream is busy with (follows, goal progress), `at` + i ms each. */
  const busy = (count: number, at: number): HistoryRecord[] =>
    Array.from({ length: count }, (_, i) => ({ event: referenceEvent(i % 2 ? 'channel.follow' : 'channel.goal.progress', {}, at + i), receivedAt: at + i, origin: 'live' }));

  test('latest(1) of a rare kind among 6,000 records is its newest; records of one millisecond keep Twitch’s send order', async () => {
    const history = await open({ userId: newUser() });
    const t = Date.now() - 100_000;
    // Three raids in one millisecond, their ids sorting against their send order, then 6,000 other events.
    const raids = [raid(1, t - 3), raid(2, t - 2), raid(3, t - 1)].map((record, i) => ({ ...record, event: { ...record.event, id: `${9 - i}-same-ms` }, receivedAt: t }));
    await Promise.all([raid(0, t - 10), ...raids, ...busy(6000, t + 1)].map((record) => history.add(record)));
    expect(marks(await history.latest(1, { kinds: ['raid'] }))).toEqual([3]);
    expect(marks(await history.latest(2, { kinds: ['raid'] }))).toEqual([3, 2]);
    expect(marks(await history.latest(10, { kinds: ['raid'] }))).toEqual([3, 2, 1, 0]);
    expect(marks(await history.latest(2, { kinds: ['raid', 'follow'] }))).toEqual(['follow', 'follow']);
    expect(marks(await history.latest(1, { kinds: ['raid', 'shoutout'], origins: ['live'] }))).toEqual([3]);
    expect(await history.latest(5, { kinds: ['shoutout'] })).toEqual([]);
  });

  test('since with kinds reads those kinds alone, merged oldest first, the same kind asked twice read once', async () => {
    const history = await open({ userId: newUser() });
    const t = Date.now() - 100_000;
    const follow = (at: number): HistoryRecord => ({ event: referenceEvent('channel.follow', {}, at), receivedAt: at, origin: 'live' });
    await Promise.all([raid(1, t), follow(t + 1), ...busy(3000, t + 2), raid(2, t + 5000), follow(t + 5001), raid(3, t + 5002)].map((record) => history.add(record)));
    expect(marks(await history.since(t, { kinds: ['raid', 'raid'] }))).toEqual([1, 2, 3]);
    const read = await history.since(t + 3002, { kinds: ['raid', 'follow'] });
    expect(marks(read)).toEqual([2, 'follow', 3]);
    expect(await history.since(t, { kinds: [] })).toEqual([]);
  });

  // Version 1 had the arrival index alone; version 2 added the kind index; version 3 the store of recent events (RECENT).
  test.each([1, 2] as const)('a version-%i database keeps every record through the upgrade, answers reads by kind, and finds copies from then on', async (version) => {
    const userId = newUser();
    const t = Date.now() - 100_000;
    const old = [raid(1, t), { event: referenceEvent('channel.follow', {}, t + 1), receivedAt: t + 1, origin: 'live' } as HistoryRecord, raid(2, t + 2)];
    // As the build of that version made it.
    held.push(await olderHistory(userId, version, old));
    const history = await open({ userId });
    expect(history.problem).toBeNull();
    expect(DATABASE_VERSION).toBe(3);
    expect(await storedRecords(userId)).toHaveLength(3);
    expect(marks(await history.latest(1, { kinds: ['raid'] }))).toEqual([2]);
    expect(marks(await history.since(0, { kinds: ['follow', 'raid'] }))).toEqual([1, 'follow', 2]);
    await history.add({ ...raid(3, t + 3), sessions: ['one'] });
    // Another session's copy of it: a note on the record, not a record of its own.
    await history.add({ ...raid(3, t + 30), receivedAt: t + 40, sessions: ['two'] });
    expect(marks(await history.latest(10, { kinds: ['raid'] }))).toEqual([3, 2, 1]);
    expect((await history.latest(1))[0]!.sessions).toEqual(['one', 'two']);
  });
});

describe('EventHistory: bounded, trimmed on write', () => {
  test(`a long stream is kept whole: everything of the last 48 hours however many, beyond them the last ${DEFAULT_HISTORY_LIMIT.toLocaleString('en')}`, async () => {
    const userId = newUser();
    let now = Date.parse('2026-03-01T12:00:00Z');
    const history = await open({ userId, now: () => now });
    const hour = 60 * 60 * 1000;
    // A quiet channel, three days ago: past the limit, the oldest go with the write that passes it.
    const quiet = Array.from({ length: DEFAULT_HISTORY_LIMIT + 50 }, (_, i) => raid(i + 1, now - 72 * hour + i * 1000));
    await Promise.all(quiet.map((record) => history.add(record)));
    expect(await storedRecords(userId)).toHaveLength(DEFAULT_HISTORY_LIMIT);
    expect(marks((await history.since(0)).slice(0, 1))).toEqual([51]);
    // A busy stream within the last 48 hours, more events than the limit, written as it comes (500 at a
    // time here): every one kept, and the older ones go, each write taking what it brought past the limit.
    const busy = Array.from({ length: DEFAULT_HISTORY_LIMIT + 500 }, (_, i) => raid(10_000 + i, now - 12 * hour + i * 10_000));
    for (let i = 0; i < busy.length; i += 500) await Promise.all(busy.slice(i, i + 500).map((record) => history.add(record)));
    now = busy.at(-1)!.receivedAt + 1000;
    expect(marks(await history.since(0))).toEqual(marks(busy));
    expect(await storedRecords(userId)).toHaveLength(busy.length);
    // Two days on, the stream is past the window: the next writes (500 records each at most) bring the history back to the limit, the newest kept.
    now += 48 * hour;
    await history.add(raid(1, now));
    await history.add(raid(2, now + 1));
    const kept = await history.since(0);
    expect(kept).toHaveLength(DEFAULT_HISTORY_LIMIT);
    expect(marks(kept.slice(-3))).toEqual([10_000 + busy.length - 1, 1, 2]);
    expect(await storedRecords(userId)).toHaveLength(DEFAULT_HISTORY_LIMIT);
  });

  test('the ceiling (maxRecords) holds within the window too: the oldest go', async () => {
    const userId = newUser();
    const t = Date.now();
    const history = await open({ userId, limit: 10, maxRecords: 50 });
    const records = Array.from({ length: 80 }, (_, i) => raid(i + 1, t - 80_000 + i * 1000));
    await Promise.all(records.slice(0, 40).map((record) => history.add(record)));
    await Promise.all(records.slice(40).map((record) => history.add(record)));
    const kept = await history.since(0);
    expect(marks(kept)).toEqual(marks(records.slice(30)));
    expect(await storedRecords(userId)).toHaveLength(50);
    expect(DEFAULT_HISTORY_MAX_RECORDS).toBeGreaterThanOrEqual(24 * 60 * 60);
  });

  test('a history far past its bounds (a page back after days away) drains over the next writes, 500 records a write', async () => {
    const userId = newUser();
    const t = Date.now() - 100_000;
    const roomy = await open({ userId, limit: 5000, keepAllMs: 0 });
    await Promise.all(Array.from({ length: 1600 }, (_, i) => roomy.add(raid(i + 1, t + i))));
    roomy.close();
    const history = await open({ userId, limit: 10, keepAllMs: 0 });
    await history.add(raid(0, t + 5000));
    expect(await storedRecords(userId)).toHaveLength(1101);
    await history.add(raid(0, t + 5001));
    expect(await storedRecords(userId)).toHaveLength(602);
    await history.add(raid(0, t + 5002));
    await history.add(raid(0, t + 5003));
    expect(await storedRecords(userId)).toHaveLength(10);
    expect(marks((await history.latest(10)).slice(-1))).toEqual([1595]);
  });

  test('by age, on an injected clock: past 30 days (the default) a record is never read, and goes with the next write', async () => {
    const userId = newUser();
    let now = Date.parse('2026-03-01T12:00:00Z');
    const history = await open({ userId, now: () => now });
    await history.add(raid(1, now));
    await history.add(raid(2, now + 60_000));
    now += DEFAULT_HISTORY_MAX_AGE_MS + 1;
    // The first is past 30 days, the second is not.
    expect(marks(await history.latest(10))).toEqual([2]);
    expect(marks(await history.since(0))).toEqual([2]);
    expect(await storedRecords(userId)).toHaveLength(2);
    await history.add(raid(3, now));
    expect(marks(await storedRecords(userId))).toEqual(expect.arrayContaining([2, 3]));
    expect(await storedRecords(userId)).toHaveLength(2);
    now += 60_000;
    await history.trim();
    expect(marks(await storedRecords(userId))).toEqual([3]);
  });

  test('two pages writing at once: each trims by its own count, and its next count, a minute on, brings the history back to the limit', async () => {
    const userId = newUser();
    const t = 1_000_000;
    let now = t + 10;
    const options = { userId, limit: 3, keepAllMs: 0, now: () => now };
    const [one, two] = [await open(options), await open(options)];
    await two.add(raid(1, t + 1));
    await Promise.all([2, 3, 4].map((i) => one.add(raid(i, t + i))));
    expect(marks(await storedRecords(userId))).toHaveLength(3);
    // The second page counted 1 record at its first write: by its count there is room for this one.
    await two.add(raid(5, t + 5));
    expect(marks(await storedRecords(userId))).toHaveLength(4);
    now += 60_000;
    await two.add(raid(6, now));
    expect(marks(await two.latest(10))).toEqual([6, 5, 4]);
    expect(await storedRecords(userId)).toHaveLength(3);
  });

  test('two sessions’ copies of one event (each under its own message id), stored by two pages at once: one record, noting both sessions', async () => {
    const userId = newUser();
    const [one, two] = [await open({ userId }), await open({ userId })];
    const t = Date.now();
    const delivered = (viewers: number, session: string, at = t): HistoryRecord => ({ ...raid(viewers, at), sessions: [session] });
    // The page that held the connection stores its copy late, having been stalled.
    await Promise.all([one.add(delivered(40, 'old', t)), two.add({ ...delivered(40, 'new', t + 30), receivedAt: t + 6000 })]);
    let stored = await storedRecords(userId);
    expect(marks(stored)).toEqual([40]);
    expect([...(stored[0] as HistoryRecord).sessions!].sort()).toEqual(['new', 'old']);
    // The same raid again on one session is a new event; the other session's copy of it is not.
    await one.add(delivered(40, 'old', t + 50));
    await two.add(delivered(40, 'new', t + 60));
    // Sent further apart than a copy can be: two events.
    await two.add(delivered(40, 'new', t + 60_000));
    // The dock's replay of it is its own record, and never taken for a copy.
    await one.add({ ...raid(40, t + 70), origin: 'replay' });
    await two.add(delivered(41, 'new', t + 80));
    stored = await storedRecords(userId);
    expect(marks(stored)).toEqual([40, 40, 40, 40, 41]);
    expect(stored.map((record) => (record as HistoryRecord).origin).sort()).toEqual(['live', 'live', 'live', 'live', 'replay']);
  });

  test('a copy noted on another session’s record and stored again (the next owner storing what the last one relayed): still one record', async () => {
    const userId = newUser();
    const history = await open({ userId });
    const t = Date.now();
    const copy: HistoryRecord = { ...raid(50, t + 20), sessions: ['old'] };
    await history.add({ ...raid(50, t), sessions: ['new'] });
    await history.add(copy);
    await history.add(copy);
    const stored = (await storedRecords(userId)) as HistoryRecord[];
    expect(marks(stored)).toEqual([50]);
    expect(stored[0]!.copies).toEqual([copy.event.id]);
    expect([...stored[0]!.sessions!].sort()).toEqual(['new', 'old']);
  });

  test('a burst from one session (a gift bomb): every event stored, each found by what it says; another session’s late copy of one still noted on it', async () => {
    const userId = newUser();
    const history = await open({ userId });
    const t = Date.now();
    const gifted = (i: number, session: string, at = t + i): HistoryRecord => ({ ...raid(i + 1, at), sessions: [session] });
    for (let i = 0; i < 200; i++) await history.add(gifted(i, 'owner'));
    // The 100th again, from a page that held another session and was stalled for 20 s.
    await history.add({ ...gifted(99, 'stalled', t + 99 + 30), receivedAt: t + 20_000 });
    const stored = (await storedRecords(userId)) as HistoryRecord[];
    expect(stored).toHaveLength(200);
    const hundredth = stored.find((record) => record.event.kind === 'raid' && record.event.viewers === 100)!;
    expect([...hundredth.sessions!].sort()).toEqual(['owner', 'stalled']);
    // What each says, hashed, is kept apart for the next writes (RECENT), one entry per stored event, its copy none.
    const recent = await recentEntries(userId);
    expect(recent.map((entry) => entry.id).sort()).toEqual(stored.map((record) => record.event.id).sort());
    expect(new Set(recent.map((entry) => entry.content)).size).toBe(200);
  });

  test('what the writer keeps to find copies stays a few minutes long: older entries go with the next write, the records stay', async () => {
    const userId = newUser();
    let now = Date.now();
    const history = await open({ userId, now: () => now });
    for (let i = 1; i <= 3; i++) await history.add({ ...raid(i, now), sessions: ['s'] });
    now += 3 * 60_000;
    await history.add({ ...raid(4, now), sessions: ['s'] });
    expect((await recentEntries(userId)).length).toBe(1);
    expect(await storedRecords(userId)).toHaveLength(4);
  });

  test('a limit and an age of the caller’s own, with no window kept whole (keepAllMs 0): the last `limit` records alone', async () => {
    const userId = newUser();
    const t = 1_000_000;
    let now = t + 10;
    const history = await open({ userId, limit: 3, keepAllMs: 0, maxAgeMs: 5000, now: () => now });
    for (let i = 1; i <= 5; i++) await history.add(raid(i, t + i));
    expect(marks(await history.latest(10))).toEqual([5, 4, 3]);
    // 5 s after the fourth: the third is older than that, the fourth is not yet.
    now = t + 5004;
    expect(marks(await history.latest(10))).toEqual([5, 4]);
  });
});

describe('EventHistory: subscribe hears every page of the origin', () => {
  /** Another page of this origin: a frame that stores `record` in `userId`'s history with its own EventHistory. */
  async function storeFromFrame(userId: string, record: HistoryRecord): Promise<void> {
    const module = new URL('../../../src/sources/history/event-history.ts', import.meta.url).href;
    const frame = document.createElement('iframe');
    const done = new Promise<void>((resolve) => window.addEventListener('message', (e) => e.data === 'stored' && resolve()));
    frame.srcdoc = `<script type="module">
      const { EventHistory } = await import(${JSON.stringify(module)});
      const history = await EventHistory.open({ userId: ${JSON.stringify(userId)} });
      await history.add(${JSON.stringify(record)});
      history.close();
      parent.postMessage('stored', '*');
    </script>`;
    document.body.append(frame);
    await done;
    frame.remove();
  }

  test('a record stored by another page reaches the subscribers of the same user, not of another user', async () => {
    const userId = newUser();
    const [mine, other] = [await open({ userId }), await open({ userId: newUser() })];
    const heard: unknown[] = [];
    const unheard: unknown[] = [];
    mine.subscribe((record) => heard.push(marks([record])[0]));
    other.subscribe((record) => unheard.push(record));
    await storeFromFrame(userId, raid(42));
    await expect.poll(() => heard).toEqual([42]);
    expect(marks(await mine.latest(10))).toEqual([42]);
    // Unsubscribed: no more.
    const again = await open({ userId });
    const later: unknown[] = [];
    const stop = again.subscribe((record) => later.push(record));
    stop();
    await storeFromFrame(userId, raid(43));
    await expect.poll(() => heard).toEqual([42, 43]);
    expect(later).toEqual([]);
    expect(unheard).toEqual([]);
  });

  test('messages on the channel that are not stored records are ignored', async () => {
    const userId = newUser();
    const history = await open({ userId });
    const heard: unknown[] = [];
    history.subscribe((record) => heard.push(marks([record])[0]));
    const forger = new BroadcastChannel(`ovl:history:v1:${userId}`);
    const good = raid(5);
    for (const data of ['hello', null, { v: 2, records: [good] }, { v: 1, records: 'all' }, { v: 1, records: [{ ...good, origin: 'forged' }, { event: { kind: 'raid' } }] }]) forger.postMessage(data);
    forger.postMessage({ v: 1, records: [good] });
    await expect.poll(() => heard).toEqual([5]);
    forger.close();
  });

  test('without IndexedDB a page still hears the others', async () => {
    const userId = newUser();
    const [writer, reader] = [await open({ userId }), await open({ userId, indexedDB: null })];
    const heard: unknown[] = [];
    reader.subscribe((record) => heard.push(marks([record])[0]));
    await writer.add(raid(9));
    await expect.poll(() => heard).toEqual([9]);
  });
});

describe('EventHistory: where the store fails, the page runs live and says why', () => {
  test('no IndexedDB', async () => {
    await expectLiveOnly(await open({ userId: newUser(), indexedDB: null }), /no IndexedDB/);
  });

  test('storage refused, as in an opaque origin (open() throws SecurityError)', async () => {
    await expectLiveOnly(await open({ userId: newUser(), indexedDB: refusingFactory() }), /does not allow storage.*SecurityError/);
  });

  test('a backing store Chromium cannot open (the request fails with UnknownError)', async () => {
    await expectLiveOnly(await open({ userId: newUser(), indexedDB: brokenStoreFactory() }), /could not open its storage.*UnknownError/);
  });

  test('a database made by a newer build (a higher version, really in IndexedDB)', async () => {
    const userId = newUser();
    (await hold(historyDatabaseName(userId), DATABASE_VERSION + 1)).close();
    await expectLiveOnly(await open({ userId }), /newer version of these overlays.*VersionError/);
  });

  test('an upgrade blocked by a page that holds the old version open: answered at once, not when that page lets go', async () => {
    const userId = newUser();
    const holder = await hold(historyDatabaseName(userId), DATABASE_VERSION);
    holder.onversionchange = () => undefined; // an old build that does not step aside
    const history = await open({ userId, indexedDB: nextVersionFactory() });
    await expectLiveOnly(history, /another page holds an older version/);
    // Once the old page goes, the upgrade completes and is let go: nothing stays open to block the next.
    holder.close();
    await expect.poll(async () => (await holdDatabase(historyDatabaseName(userId), DATABASE_VERSION + 1).then((db) => (db.close(), db.version)))).toBe(DATABASE_VERSION + 1);
  });

  test('a newer build upgrading the database while this page has it: this page lets go and stops storing', async () => {
    const userId = newUser();
    const history = await open({ userId });
    await history.add(raid(1));
    const newer = await hold(historyDatabaseName(userId), DATABASE_VERSION + 1);
    expect(newer.version).toBe(DATABASE_VERSION + 1);
    await expectLiveOnly(history, /newer version of these overlays took the history over/);
  });

  test('a database of that name that holds no records store', async () => {
    const userId = newUser();
    (await hold(historyDatabaseName(userId), DATABASE_VERSION)).close();
    await expectLiveOnly(await open({ userId }), /holds no event records/);
  });

});
