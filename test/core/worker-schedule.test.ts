import { describe, expect, test } from 'vitest';
import { workerInterval, workerSchedule } from '../../src/core/worker-schedule.js';

/**
 * The worker's timers (a hidden page's own are throttled; see the shared EventSub tests on
 * hidden pages for the difference it makes).
 */
describe('workerSchedule and workerInterval', () => {
  test('timers fire from the worker in the order of their delays; a cancelled one never fires', async () => {
    const fired: string[] = [];
    workerSchedule(() => fired.push('later'), 60);
    const cancel = workerSchedule(() => fired.push('cancelled'), 20);
    workerSchedule(() => fired.push('sooner'), 10);
    cancel();
    await expect.poll(() => fired).toEqual(['sooner', 'later']);
    await new Promise((resolve) => workerSchedule(() => resolve(undefined), 100));
    expect(fired).toEqual(['sooner', 'later']);
  });

  test('an interval repeats until stopped', async () => {
    let ticks = 0;
    const stop = workerInterval(() => (ticks += 1), 10);
    await expect.poll(() => ticks).toBeGreaterThanOrEqual(3);
    stop();
    const stoppedAt = ticks;
    await new Promise((resolve) => workerSchedule(() => resolve(undefined), 100));
    expect(ticks).toBe(stoppedAt);
  });
});
