/**
 * Fills an event history as a long stream leaves it, for `npm run bench -- history` and any
 * other part that needs a full one (the dock's first paint). It must run in a page of the
 * origin whose history it fills: scripts/bench.mjs loads it from the dev server into a page of
 * the built site (`fillHistory` there), since IndexedDB belongs to the origin.
 */
import { EventHistory } from '../../src/sources/history/event-history.js';
import { sampleEvent } from '../../src/simulator/sample-event.js';
import { seededRandom } from '../../src/simulator/random.js';
import { ALERT_KINDS } from '../../src/domain/stream-event.js';
import type { HistoryRecord } from '../../src/sources/history/history-record.js';
import { olderHistory } from '../helpers/older-history.js';

/**
 * Stores `count` live records for `userId`, every kind in turn (the simulator's events through
 * the real normaliser), `spacingMs` apart and the newest now, each with an id of its own.
 * Resolves with how many the history then holds (its limit is at least `count`).
 */
export async function fillHistory(userId: string, count: number, spacingMs = 60_000): Promise<number> {
  const history = await EventHistory.open({ userId, limit: Math.max(count, 2000) });
  if (history.problem) throw new Error(`the history did not open: ${history.problem}`);
  const random = seededRandom(7);
  const now = Date.now();
  await addInBatches(history, count, (i) => spacedRecord('bench-fill', i, { count, spacingMs, now, random }));
  const held = (await history.since(0)).length;
  history.close();
  return held;
}

/** The `i`th of `count` live records, every kind in turn, `spacingMs` apart and the newest at `now`, its id made with `prefix`. */
function spacedRecord(prefix: string, i: number, { count, spacingMs, now, random }: { count: number; spacingMs: number; now: number; random: () => number }): HistoryRecord {
  const receivedAt = now - (count - 1 - i) * spacingMs;
  const event = { ...sampleEvent(ALERT_KINDS[i % ALERT_KINDS.length]!, random), id: `${prefix}-${now}-${i}`, at: receivedAt };
  return { event, receivedAt, origin: 'live' };
}

/**
 * Adds `count` records, FILL_BATCH to a task: a write checks each record it adds against the
 * others it adds (a copy of one of them?), which for a whole fill in one task would be quadratic.
 */
async function addInBatches(history: EventHistory, count: number, record: (i: number) => HistoryRecord): Promise<void> {
  for (let i = 0; i < count; i += FILL_BATCH) await Promise.all(Array.from({ length: Math.min(FILL_BATCH, count - i) }, (_, j) => history.add(record(i + j))));
}

const FILL_BATCH = 2000;

/** What `measureHistory` found: medians in ms over its runs, and the bytes a record takes on disk. */
export interface HistoryFigures {
  readonly held: number;
  readonly writeMs: number;
  readonly recountMs: number;
  readonly latestRareMs: number;
  /** The same read, asking by a condition rather than by kind: every record walked, as before the kind index. */
  readonly latestRareWalkedMs: number;
  readonly sinceOneKindMs: number;
  readonly sinceOneKindWalkedMs: number;
  readonly sinceOneKindRecords: number;
  readonly bytesPerRecord: number;
}

const isRaid = (record: HistoryRecord) => record.event.kind === 'raid';

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Times `runs` calls of `run`, one after another; the median in ms. */
async function timed(runs: number, run: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * A stream of `count` live records for `userId`, one every 0.8 s up to now (200,000 in 44
 * hours, within the window the history keeps whole), a raid every 10,000th (the rare kind a
 * "latest raid" label reads) and the alert box's other kinds between; then, on it: a write (the
 * add, its trimming and commit, with the counts as between recounts), a write that recounts
 * (trim()), `latest(1)` of raids and `since(stream start)` of raids, each read also by a
 * condition (`where`), which walks every record as reads by kind did before the kind index.
 * The bytes a record takes come from the origin's storage estimate before and after the fill.
 */
export async function measureHistory(userId: string, count: number, runs = 21): Promise<HistoryFigures> {
  const before = (await navigator.storage.estimate()).usage ?? 0;
  const history = await EventHistory.open({ userId });
  if (history.problem) throw new Error(`the history did not open: ${history.problem}`);
  const random = seededRandom(7);
  const others = ALERT_KINDS.filter((kind) => kind !== 'raid');
  const now = Date.now();
  const start = now - count * 800;
  const record = (i: number, receivedAt = start + i * 800) => {
    const kind = i % 10_000 === 500 ? 'raid' : others[i % others.length]!;
    return { event: { ...sampleEvent(kind, random), id: `bench-measure-${now}-${i}`, at: receivedAt }, receivedAt, origin: 'live' as const };
  };
  await addInBatches(history, count, record);
  const bytesPerRecord = ((await navigator.storage.estimate()).usage! - before) / count;
  const figures = {
    writeMs: await timed(runs, (i) => history.add(record(count + i, Date.now()))),
    recountMs: await timed(runs, () => history.trim()),
    latestRareMs: await timed(runs, () => history.latest(1, { kinds: ['raid'] })),
    latestRareWalkedMs: await timed(runs, () => history.latest(1, { where: isRaid })),
    sinceOneKindMs: await timed(runs, () => history.since(start, { kinds: ['raid'] })),
    sinceOneKindWalkedMs: await timed(runs, () => history.since(start, { where: isRaid })),
    sinceOneKindRecords: (await history.since(start, { kinds: ['raid'] })).length,
    held: (await history.since(0)).length,
    bytesPerRecord,
  };
  history.close();
  return figures;
}

/** What `measureBurst` found: wall times in ms (the writes' IndexedDB work included) of one burst, and what it stored. */
export interface BurstFigures {
  /** Each event stored in a write of its own, one after another, as frames that come in tasks of their own. */
  readonly oneByOneMs: number;
  /** All of them in one write, as frames a busy page handles in one task. */
  readonly oneWriteMs: number;
  readonly stored: number;
}

/**
 * A gift bomb as the shared connection's owner stores it: `count` gifted subs from Twitch, each
 * delivered by one EventSub session, within a second; into an empty history for `userId`, then
 * again into another. Each write looks for another session's copy of what it adds among the
 * events of the last minute that say the same (EventHistory): before version 3 it read every
 * record of that minute, so each write cost more than the last.
 */
export async function measureBurst(userId: string, count: number): Promise<BurstFigures> {
  const random = seededRandom(11);
  const now = Date.now();
  const gift = (run: string, i: number): HistoryRecord => {
    const event = { ...sampleEvent('sub', random), id: `bench-burst-${run}-${now}-${i}`, at: now + i, isGift: true, user: { id: String(500_000 + i), login: `gifted${i}`, name: `Gifted${i}` } };
    return { event, receivedAt: now + i, origin: 'live', sessions: ['bench-session'] };
  };
  const burst = async (run: string, store: (history: EventHistory, records: HistoryRecord[]) => Promise<unknown>) => {
    const history = await EventHistory.open({ userId: `${userId}-${run}` });
    if (history.problem) throw new Error(`the history did not open: ${history.problem}`);
    const records = Array.from({ length: count }, (_, i) => gift(run, i));
    const start = performance.now();
    await store(history, records);
    const ms = performance.now() - start;
    const stored = (await history.since(0)).length;
    history.close();
    return { ms, stored };
  };
  const oneByOne = await burst('one-by-one', async (history, records) => {
    for (const record of records) await history.add(record);
  });
  const oneWrite = await burst('one-write', (history, records) => Promise.all(records.map((record) => history.add(record))));
  return { oneByOneMs: oneByOne.ms, oneWriteMs: oneWrite.ms, stored: Math.min(oneByOne.stored, oneWrite.stored) };
}

/**
 * What the first page of a build of database version 3 waits for once, where a history of
 * `count` records (`spacingMs` apart, up to now) was left by a build before it (version 2): the
 * upgrade adds the store of the last minutes' events (RECENT), empty. In ms, the open alone.
 */
export async function measureUpgrade(userId: string, count: number, spacingMs = 800): Promise<number> {
  const random = seededRandom(13);
  const now = Date.now();
  const records = Array.from({ length: count }, (_, i) => ({ ...spacedRecord('bench-upgrade', i, { count, spacingMs, now, random }), sessions: ['bench-session'] }));
  (await olderHistory(userId, 2, records)).close();
  const start = performance.now();
  const history = await EventHistory.open({ userId });
  const ms = performance.now() - start;
  if (history.problem) throw new Error(`the upgrade failed: ${history.problem}`);
  history.close();
  return ms;
}
