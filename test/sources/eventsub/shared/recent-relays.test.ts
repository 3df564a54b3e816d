import { describe, expect, test } from 'vitest';
import { RecentRelays, type SessionNotification } from '../../../../src/sources/eventsub/shared/recent-relays.js';

const relayed = (n: number, receivedAt: number): SessionNotification => ({
  notification: { type: 'channel.raid', version: '1', messageId: `m-${n}`, timestamp: receivedAt, subscriptionId: 'sub', event: { n } },
  session: 's',
  live: new Set(['channel.raid']),
  receivedAt,
});
const numbers = (list: SessionNotification[]) => list.map((kept) => kept.notification.event.n);

describe('RecentRelays: what the last owner relayed, for the next owner to store', () => {
  test('hands on the last 30 s in arrival order, once', () => {
    const recent = new RecentRelays();
    for (const [n, at] of [[1, 0], [2, 10_000], [3, 25_000], [4, 40_000]] as const) recent.keep(relayed(n, at));
    // At 45 s, #1 (45 s old) and #2 (35 s) are past the 30 s; #3 and #4 are not.
    expect(numbers(recent.take(45_000))).toEqual([3, 4]);
    expect(recent.take(45_000)).toEqual([]);
  });

  test('keeps at most 200, the newest, however busy the channel', () => {
    const recent = new RecentRelays();
    for (let n = 1; n <= 250; n++) recent.keep(relayed(n, 1000));
    const taken = numbers(recent.take(1000));
    expect(taken).toHaveLength(200);
    expect(taken[0]).toBe(51);
    expect(taken.at(-1)).toBe(250);
  });
});
