import { describe, expect, test, vi } from 'vitest';
import { Watchdog } from '../../src/core/watchdog.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';

/** A Watchdog on stepped time: `advance(ms)` moves the clock and runs the timer if it is due. */
function steppedWatchdog(timeoutMs: number) {
  const schedule = new ManualSchedule();
  const onSilence = vi.fn();
  let now = 0;
  let dueAt = Infinity;
  const dog = new Watchdog(
    timeoutMs,
    onSilence,
    (callback, ms) => {
      dueAt = now + ms;
      const cancel = schedule.schedule(callback, ms);
      return () => {
        dueAt = Infinity;
        cancel();
      };
    },
    () => now,
  );
  const advance = (ms: number) => {
    const end = now + ms;
    while (schedule.waiting > 0 && dueAt <= end) {
      now = dueAt;
      dueAt = Infinity;
      schedule.runNext();
    }
    now = end;
  };
  return { dog, onSilence, schedule, advance };
}

describe('Watchdog', () => {
  test('fires once after the timeout without kicks', () => {
    const { dog, onSilence, advance } = steppedWatchdog(1000);
    dog.kick();
    advance(999);
    expect(onSilence).not.toHaveBeenCalled();
    advance(1);
    expect(onSilence).toHaveBeenCalledOnce();
    expect(dog.running).toBe(false);
  });

  test('each kick restarts the countdown, optionally with a new timeout', () => {
    const { dog, onSilence, advance } = steppedWatchdog(1000);
    dog.kick();
    advance(800);
    dog.kick();
    advance(800);
    expect(onSilence).not.toHaveBeenCalled();
    dog.kick(5000);
    advance(4999);
    expect(onSilence).not.toHaveBeenCalled();
    advance(1);
    expect(onSilence).toHaveBeenCalledOnce();
  });

  test('a kick with a shorter timeout fires at the shorter time', () => {
    const { dog, onSilence, advance } = steppedWatchdog(150_000);
    dog.kick();
    advance(10);
    dog.kick(2000);
    advance(1999);
    expect(onSilence).not.toHaveBeenCalled();
    advance(1);
    expect(onSilence).toHaveBeenCalledOnce();
  });

  test('kicks arm no timer: five thousand lines leave the one timer in place', () => {
    const { dog, onSilence, schedule, advance } = steppedWatchdog(1000);
    dog.kick();
    for (let i = 0; i < 5000; i++) {
      if (i % 10 === 0) advance(1);
      dog.kick();
    }
    expect(schedule.delays).toEqual([1000]);
    expect(schedule.waiting).toBe(1);
    // The timer fires at its time, finds the deadline moved by the last kick (at 500 ms), and waits only for the rest.
    advance(1000);
    expect(onSilence).toHaveBeenCalledOnce();
    expect(schedule.delays).toEqual([1000, 500]);
  });

  test('stop cancels it', () => {
    const { dog, onSilence, schedule, advance } = steppedWatchdog(100);
    dog.kick();
    dog.stop();
    expect(schedule.waiting).toBe(0);
    advance(1000);
    expect(onSilence).not.toHaveBeenCalled();
    expect(dog.running).toBe(false);
  });

  test('runs on real timers by default', async () => {
    const onSilence = vi.fn();
    const dog = new Watchdog(20, onSilence);
    dog.kick();
    await expect.poll(() => onSilence.mock.calls.length, { timeout: 2000 }).toBe(1);
  });
});
