import { describe, expect, test } from 'vitest';
import { TaskQueue } from '../../src/core/task-queue.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';

/** A task that stays running until the test ends it. */
function held() {
  let end!: () => void;
  const done = new Promise<void>((resolve) => (end = resolve));
  return { task: () => done, end };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('TaskQueue: per-user lookups, bounded in number, in rate and in waiting', () => {
  test('starts at most one task per spacing, however fast tasks finish; the next waits for its turn', async () => {
    const clock = new ManualSchedule();
    let now = 1_000;
    const queue = new TaskQueue({ concurrency: 4, maxQueued: 10, spacingMs: 100, schedule: clock.schedule, now: () => now });
    const started: number[] = [];
    const results = [1, 2, 3].map((n) => queue.run(async () => (started.push(n), n)));
    await settle();
    expect(started).toEqual([1]);
    expect(clock.delays).toEqual([100]);
    now += 100;
    clock.runNext();
    await settle();
    expect(started).toEqual([1, 2]);
    now += 100;
    clock.runNext();
    expect(await Promise.all(results)).toEqual([1, 2, 3]);
    // Once the spacing has passed, a new task starts at once.
    now += 500;
    const late = queue.run(async () => 'now');
    expect(await late).toBe('now');
    expect(clock.waiting).toBe(0);
  });

  test('runs at most `concurrency` at once and refuses tasks past `maxQueued`, never running them', async () => {
    const queue = new TaskQueue({ concurrency: 1, maxQueued: 1 });
    const first = held();
    const ran: string[] = [];
    const a = queue.run(() => (ran.push('a'), first.task()));
    const b = queue.run(async () => void ran.push('b'));
    const c = queue.run(async () => void ran.push('c'));
    expect(c).toBeNull();
    await settle();
    expect(ran).toEqual(['a']);
    first.end();
    await a;
    await b;
    expect(ran).toEqual(['a', 'b']);
  });

  test('a failing task frees its slot for the next', async () => {
    const queue = new TaskQueue({ concurrency: 1, maxQueued: 5 });
    const failing = queue.run(() => Promise.reject(new Error('503')));
    const next = queue.run(async () => 'ok');
    await expect(failing).rejects.toThrow('503');
    expect(await next).toBe('ok');
  });
});
