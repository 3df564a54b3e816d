/**
 * Fills an event history with one stream's worth of distinct followers, for the end credits'
 * roll in `npm run bench -- widgets`. Like history-fill.ts it runs in a page of the built site's
 * origin, whose IndexedDB the credits page reads.
 */
import { EventHistory } from '../../src/sources/history/event-history.js';

/** Stores `count` live follows by `count` different viewers, a second apart, the newest now. Resolves with how many the history holds. */
export async function fillFollowers(userId: string, count: number): Promise<number> {
  const history = await EventHistory.open({ userId, limit: Math.max(count, 2000) });
  if (history.problem) throw new Error(`the history did not open: ${history.problem}`);
  const now = Date.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const receivedAt = now - (count - 1 - i) * 1000;
      const user = { id: String(50_000_000 + i), login: `follower_${i}`, name: `Follower_${i}` };
      return history.add({ event: { kind: 'follow', id: `bench-follow-${now}-${i}`, at: receivedAt, user, count: 1 }, receivedAt, origin: 'live' });
    }),
  );
  const held = (await history.since(0)).length;
  history.close();
  return held;
}
