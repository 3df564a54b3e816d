import { describe, expect, test } from 'vitest';
import { KeyedCache } from '../../src/core/keyed-cache.js';

/**
 * A script of steps: `a` asks for key a, `a?` asks with a load that declines, `a=1` answers
 * the running load of a with 1, `a!` fails it. Loads are answered by hand, so the steps run
 * in a known order with no timers at all.
 */
async function play(capacity: number, script: readonly string[]) {
  const cache = new KeyedCache<string, number>(capacity);
  const loads: string[] = [];
  const answers: string[] = [];
  const declined: string[] = [];
  const pending = new Map<string, { resolve(value: number): void; reject(error: Error): void }>();
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  for (const step of script) {
    const [, key, op, value] = /^(\w)([?=!]?)(\d*)$/.exec(step)!;
    if (op === '' || op === '?') {
      const asked = cache.load(key!, (k) => {
        if (op === '?') return null;
        loads.push(k);
        return new Promise<number>((resolve, reject) => pending.set(k, { resolve, reject }));
      });
      if (asked) asked.then((v) => answers.push(`${key}=${v}`), () => answers.push(`${key}!`));
      else declined.push(key!);
    } else if (op === '=') pending.get(key!)!.resolve(Number(value));
    else pending.get(key!)!.reject(new Error('down'));
    await settle();
  }
  const kept = ['a', 'b', 'c'].filter((k) => cache.has(k));
  return { loads, answers, declined, kept, size: cache.size };
}

describe('KeyedCache: one load per key at a time, answers kept in a bounded LRU', () => {
  test.each([
    ['callers of a key share its one load; the answer is kept and asked for no more', 2, ['a', 'a', 'a=1', 'a'], { loads: ['a'], answers: ['a=1', 'a=1', 'a=1'], kept: ['a'], declined: [] }],
    ['a failed load is shared by its callers, not kept, and the next call loads again', 2, ['a', 'a', 'a!', 'a', 'a=2'], { loads: ['a', 'a'], answers: ['a!', 'a!', 'a=2'], kept: ['a'], declined: [] }],
    ['keys load apart', 2, ['a', 'b', 'b=2', 'a=1'], { loads: ['a', 'b'], answers: ['b=2', 'a=1'], kept: ['a', 'b'], declined: [] }],
    ['past capacity the least recently used answer goes; reading one refreshes it', 2, ['a', 'a=1', 'b', 'b=2', 'a', 'c', 'c=3', 'b', 'b=4'], { loads: ['a', 'b', 'c', 'b'], answers: ['a=1', 'b=2', 'a=1', 'c=3', 'b=4'], kept: ['b', 'c'], declined: [] }],
    ['capacity 0 keeps nothing: only a load in flight is shared', 0, ['a', 'a', 'a=1', 'a', 'a=2'], { loads: ['a', 'a'], answers: ['a=1', 'a=1', 'a=2'], kept: [], declined: [] }],
    ['a load that declines starts nothing; the next call asks again', 2, ['a?', 'a', 'a=1'], { loads: ['a'], answers: ['a=1'], kept: ['a'], declined: ['a'] }],
    ['a call while a load runs shares it, even where a new load would decline', 2, ['a', 'a?', 'a=1'], { loads: ['a'], answers: ['a=1', 'a=1'], kept: ['a'], declined: [] }],
  ])('%s', async (_name, capacity, script, expected) => {
    const run = await play(capacity, script);
    expect({ loads: run.loads, answers: run.answers, kept: run.kept, declined: run.declined }).toEqual(expected);
    expect(run.size).toBe(expected.kept.length);
  });

  test('peek reads without refreshing; set keeps a value learnt otherwise', async () => {
    const cache = new KeyedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.peek('a')).toBe(1);
    cache.set('c', 3); // a was only peeked at: it goes first
    expect([cache.has('a'), cache.get('b'), cache.get('c')]).toEqual([false, 2, 3]);
    expect(await cache.load('c', () => Promise.reject(new Error('not asked')))).toBe(3);
  });
});
