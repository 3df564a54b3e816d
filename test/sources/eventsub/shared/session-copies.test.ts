import { describe, expect, test } from 'vitest';
import { SessionCopies } from '../../../../src/sources/eventsub/shared/session-copies.js';
import { COPY_WINDOW_MS } from '../../../../src/domain/event-copies.js';
import type { EventSubNotification } from '../../../../src/sources/eventsub/eventsub-source.js';

let ids = 0;
const cheer = (bits: number, timestamp: number, event: Record<string, unknown> = {}): EventSubNotification => ({
  type: 'channel.cheer',
  version: '1',
  messageId: `m${++ids}`,
  timestamp,
  subscriptionId: 'sub',
  event: { user_login: 'fan', bits, ...event },
});

describe('SessionCopies', () => {
  test('each session’s copy matches one event once: two equal cheers seen on both sessions stay two', () => {
    const copies = new SessionCopies();
    const t = 1_700_000_000_000;
    const taken = [
      copies.firstCopy(cheer(100, t), 'old'),
      copies.firstCopy(cheer(100, t + 5), 'old'),
      copies.firstCopy(cheer(100, t + 8), 'new'),
      copies.firstCopy(cheer(100, t + 9), 'new'),
      // A third time on the new session: an event only it delivered.
      copies.firstCopy(cheer(100, t + 20), 'new'),
    ];
    expect(taken).toEqual([true, true, false, false, true]);
  });

  test('another type, version or payload is another event, whatever the order of the payload’s fields', () => {
    const copies = new SessionCopies();
    const t = 1_700_000_000_000;
    expect(copies.firstCopy({ ...cheer(100, t), event: { a: 1, b: 2 } }, 'old')).toBe(true);
    expect(copies.firstCopy({ ...cheer(100, t), event: { b: 2, a: 1 } }, 'new')).toBe(false);
    expect(copies.firstCopy({ ...cheer(100, t), version: '2' }, 'new')).toBe(true);
    expect(copies.firstCopy({ ...cheer(100, t), type: 'channel.bits.use' }, 'new')).toBe(true);
    expect(copies.firstCopy(cheer(200, t), 'new')).toBe(true);
  });

  test('copies sent further apart than the window are two events, and what is older than the window is forgotten', () => {
    const copies = new SessionCopies();
    const t = 1_700_000_000_000;
    expect(copies.firstCopy(cheer(100, t), 'old')).toBe(true);
    expect(copies.firstCopy(cheer(100, t + COPY_WINDOW_MS + 1), 'new')).toBe(true);
    // Long after, the first is gone: the old session's late copy of it is not matched against it.
    for (let i = 0; i < 1000; i++) copies.firstCopy(cheer(i, t + 10 * COPY_WINDOW_MS + i), 'old');
    expect(copies.firstCopy(cheer(100, t), 'new')).toBe(true);
  });
});
