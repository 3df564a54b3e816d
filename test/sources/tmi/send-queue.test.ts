import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SendQueue, splitMessage } from '../../../src/sources/tmi/send-queue.js';

describe('SendQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('lets 20 through at once, then one more each time a slot leaves the 30 s window', async () => {
    const queue = new SendQueue({ now: () => Date.now() });
    let sent = 0;
    for (let i = 0; i < 25; i++) void queue.acquire().then(() => (sent += 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toBe(20);
    expect(queue.pending).toBe(5);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(sent).toBe(20);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toBe(25);
  });

  test('a higher limit for moderators applies at once', async () => {
    const queue = new SendQueue({ now: () => Date.now() });
    queue.limit = 100;
    let sent = 0;
    for (let i = 0; i < 100; i++) void queue.acquire().then(() => (sent += 1));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toBe(100);
  });

  test('refuses beyond maxWaiting, and clear() rejects the waiting sends', async () => {
    const queue = new SendQueue({ limit: 1, maxWaiting: 2, now: () => Date.now() });
    const first = queue.acquire();
    const waiting = [queue.acquire(), queue.acquire()];
    await expect(first).resolves.toBeUndefined();
    await expect(queue.acquire()).rejects.toMatchObject({ code: 'rate-limit' });
    queue.clear('stopped');
    for (const p of waiting) await expect(p).rejects.toMatchObject({ code: 'network', message: 'stopped' });
  });
});

describe('splitMessage', () => {
  test('keeps short text whole', () => {
    expect(splitMessage('hello there', 500)).toEqual(['hello there']);
  });

  test('cuts at the last space within the limit, counting code points', () => {
    const words = Array.from({ length: 10 }, (_, i) => `w${i}🙂`).join(' ');
    const chunks = splitMessage(words, 12);
    expect(chunks.every((c) => Array.from(c).length <= 12)).toBe(true);
    expect(chunks.join(' ')).toBe(words);
  });

  test('hard-cuts a word longer than the limit', () => {
    expect(splitMessage('x'.repeat(1200), 500).map((c) => c.length)).toEqual([500, 500, 200]);
  });
});
