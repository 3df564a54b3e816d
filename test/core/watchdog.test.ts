import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Watchdog } from '../../src/core/watchdog.js';

describe('Watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('fires once after the timeout without kicks', () => {
    const onSilence = vi.fn();
    const dog = new Watchdog(1000, onSilence);
    dog.kick();
    vi.advanceTimersByTime(999);
    expect(onSilence).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSilence).toHaveBeenCalledOnce();
    expect(dog.running).toBe(false);
  });

  test('each kick restarts the countdown, optionally with a new timeout', () => {
    const onSilence = vi.fn();
    const dog = new Watchdog(1000, onSilence);
    dog.kick();
    vi.advanceTimersByTime(800);
    dog.kick();
    vi.advanceTimersByTime(800);
    expect(onSilence).not.toHaveBeenCalled();
    dog.kick(5000);
    vi.advanceTimersByTime(4999);
    expect(onSilence).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onSilence).toHaveBeenCalledOnce();
  });

  test('stop cancels it', () => {
    const onSilence = vi.fn();
    const dog = new Watchdog(100, onSilence);
    dog.kick();
    dog.stop();
    vi.advanceTimersByTime(1000);
    expect(onSilence).not.toHaveBeenCalled();
  });
});
