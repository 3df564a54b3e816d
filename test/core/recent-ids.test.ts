import { describe, expect, test } from 'vitest';
import { RecentIds } from '../../src/core/recent-ids.js';

describe('RecentIds', () => {
  test('accepts an id once, and forgets the oldest beyond its size', () => {
    const ids = new RecentIds(2);
    expect([ids.add('a'), ids.add('a'), ids.add('b'), ids.add('c')]).toEqual([true, false, true, true]);
    // 'a' was forgotten when 'c' came in; 'b' and 'c' are still remembered.
    expect([ids.add('b'), ids.add('c'), ids.add('a')]).toEqual([false, false, true]);
  });

  test('stays bounded over a long stream', () => {
    const ids = new RecentIds(1000);
    for (let i = 0; i < 100_000; i++) ids.add(`m${i}`);
    expect(ids.add('m99999')).toBe(false);
    expect(ids.add('m98999')).toBe(true);
  });
});
