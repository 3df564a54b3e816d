import { describe, expect, test } from 'vitest';
import { Backoff } from '../../src/core/backoff.js';

describe('Backoff', () => {
  test('grows by the factor and stops at the cap', () => {
    const backoff = new Backoff({ initialMs: 100, factor: 2, maxMs: 1000, jitter: 0 });
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.next())).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoff.attempt).toBe(6);
  });

  test('jitter only shortens a delay, by at most its fraction', () => {
    const low = new Backoff({ initialMs: 1000, jitter: 0.3, random: () => 0.999 });
    const high = new Backoff({ initialMs: 1000, jitter: 0.3, random: () => 0 });
    expect(low.next()).toBe(700);
    expect(high.next()).toBe(1000);
  });

  test('resets only after the connection stayed up for minUptime', () => {
    const backoff = new Backoff({ initialMs: 100, factor: 2, jitter: 0, minUptimeMs: 5000 });
    backoff.next();
    backoff.next();
    backoff.connected(10_000);
    backoff.disconnected(12_000); // a flap: up for 2 s
    expect(backoff.next()).toBe(400);
    backoff.connected(20_000);
    backoff.disconnected(26_000); // up for 6 s
    expect(backoff.attempt).toBe(0);
    expect(backoff.next()).toBe(100);
  });

  test.each([0, 1, 5])('maxAttempts %i gives that many delays, then null', (maxAttempts) => {
    const backoff = new Backoff({ maxAttempts, jitter: 0 });
    const delays = Array.from({ length: maxAttempts + 2 }, () => backoff.next());
    expect(delays.filter((d) => d !== null)).toHaveLength(maxAttempts);
    expect(delays.slice(maxAttempts)).toEqual([null, null]);
  });
});
