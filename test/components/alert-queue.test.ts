import { describe, expect, test } from 'vitest';
import { AlertQueue } from '../../src/components/alerts/alert-queue.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';

function queue(maxWaiting = 3) {
  const clock = new ManualSchedule();
  let now = 0;
  const q = new AlertQueue<string>({ durationMs: 5000, maxWaiting, schedule: clock.schedule, now: () => now });
  const log: string[] = [];
  q.addEventListener('show', (e) => log.push(`show ${e.detail}`));
  q.addEventListener('hide', (e) => log.push(`hide ${e.detail}`));
  q.addEventListener('drop', (e) => log.push(`drop ${e.detail}`));
  return { q, clock, log, advance: (ms: number) => (now += ms) };
}

describe('AlertQueue', () => {
  test('one at a time, in order, each for its duration', () => {
    const { q, clock, log } = queue();
    q.push('a');
    q.push('b');
    expect(log).toEqual(['show a']);
    clock.runNext();
    clock.runNext();
    expect(log).toEqual(['show a', 'hide a', 'show b', 'hide b']);
    expect(clock.delays).toEqual([5000, 5000]);
  });

  test('beyond the cap the oldest waiting alert is dropped and counted', () => {
    const { q, log } = queue(2);
    for (const item of ['a', 'b', 'c', 'd', 'e']) q.push(item);
    expect(log).toEqual(['show a', 'drop 1', 'drop 2']);
    expect(q.pending).toBe(2);
    expect(q.droppedCount).toBe(2);
  });

  test('paused (OBS hid the source): the clock stops and nothing new starts; resumed: the rest of the time', () => {
    const { q, clock, log, advance } = queue();
    q.push('a');
    advance(2000);
    q.pause();
    expect(clock.waiting).toBe(0);
    q.push('b');
    expect(log).toEqual(['show a']);
    q.resume();
    expect(clock.delays).toEqual([5000, 3000]);
    clock.runNext();
    expect(log).toEqual(['show a', 'hide a', 'show b']);
  });

  test('an alert pushed while paused with nothing showing waits for resume', () => {
    const { q, log } = queue();
    q.pause();
    q.push('a');
    expect(log).toEqual([]);
    q.resume();
    expect(log).toEqual(['show a']);
  });
});
