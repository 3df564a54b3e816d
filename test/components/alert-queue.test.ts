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

describe('AlertQueue: the streamer’s controls', () => {
  test('held (the dock’s Pause alerts): the alert on screen plays out, the next waits; OBS showing the source does not release it', () => {
    const { q, clock, log } = queue();
    q.push('a');
    q.hold(true);
    q.push('b');
    clock.runNext();
    expect(log).toEqual(['show a', 'hide a']);
    expect(q.pending).toBe(1);
    // OBS hides and shows the source: a pause of its own, lifted on its own.
    q.pause();
    q.resume();
    expect(log).toEqual(['show a', 'hide a']);
    q.hold(false);
    expect(log).toEqual(['show a', 'hide a', 'show b']);
  });

  test('while OBS hides the source a release does not start the next alert: both reasons are lifted on their own', () => {
    const { q, log } = queue();
    q.hold(true);
    q.pause();
    q.push('a');
    q.hold(false);
    expect(log).toEqual([]);
    q.resume();
    expect(log).toEqual(['show a']);
  });

  test('skip ends the alert on screen at once and the next follows; with nothing on screen it does nothing', () => {
    const { q, clock, log } = queue();
    expect(q.skip()).toBe(false);
    q.push('a');
    q.push('b');
    expect(q.skip()).toBe(true);
    expect(log).toEqual(['show a', 'hide a', 'show b']);
    // a's timer went with it: only b's runs.
    expect(clock.waiting).toBe(1);
    clock.runNext();
    expect(log).toEqual(['show a', 'hide a', 'show b', 'hide b']);
  });

  test('skip while held ends the alert and starts none', () => {
    const { q, log } = queue();
    q.push('a');
    q.push('b');
    q.hold(true);
    q.skip();
    expect(log).toEqual(['show a', 'hide a']);
    expect(q.pending).toBe(1);
  });

  test('clearWaiting drops the waiting alerts and leaves the one on screen', () => {
    const { q, clock, log } = queue();
    for (const item of ['a', 'b', 'c']) q.push(item);
    expect(q.clearWaiting()).toBe(2);
    expect(q.pending).toBe(0);
    clock.runNext();
    expect(log).toEqual(['show a', 'hide a']);
  });
});
