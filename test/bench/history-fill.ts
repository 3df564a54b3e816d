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
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const receivedAt = now - (count - 1 - i) * spacingMs;
      const event = { ...sampleEvent(ALERT_KINDS[i % ALERT_KINDS.length]!, random), id: `bench-fill-${now}-${i}`, at: receivedAt };
      return history.add({ event, receivedAt, origin: 'live' });
    }),
  );
  const held = (await history.since(0)).length;
  history.close();
  return held;
}
