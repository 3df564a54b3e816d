import { describe, expect, test } from 'vitest';
import { LruCache } from '../../src/core/lru-cache.js';

describe('LruCache', () => {
  test('drops the least recently used entry past its capacity; reading refreshes an entry', () => {
    const cache = new LruCache<string, number | null>(2);
    cache.set('a', 1);
    cache.set('b', null);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    cache.set('a', 4);
    cache.set('d', 5);
    expect([cache.get('a'), cache.has('c'), cache.size]).toEqual([4, false, 2]);
  });

  test('a capacity that is not a positive integer is refused', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
    expect(() => new LruCache(1.5)).toThrow(RangeError);
  });
});
