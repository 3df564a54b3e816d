import type { Schedule } from '../../src/core/schedule.js';

interface Timer {
  readonly at: number;
  readonly callback: () => void;
}

/**
 * A Schedule on a clock of its own, in ms from 0: nothing runs until the test moves the clock,
 * and then the timers run at their due times, in order. Minutes of reconnect delays pass in a
 * moment, while the connections they open are real.
 */
export class SteppedClock {
  now = 0;
  private timers: Timer[] = [];

  readonly schedule: Schedule = (callback, ms) => {
    const timer = { at: this.now + ms, callback };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };

  /** A promise for `ms` on this clock (an injectable `sleep`). */
  readonly sleep = (ms: number): Promise<void> => new Promise((resolve) => this.schedule(resolve, ms));

  /** When the earliest waiting timer is due, or null when none waits. */
  get nextAt(): number | null {
    return this.timers.length > 0 ? Math.min(...this.timers.map((t) => t.at)) : null;
  }

  /** Moves the clock to the earliest waiting timer and runs it. */
  runNext(): void {
    const at = this.nextAt;
    if (at === null) throw new Error('nothing scheduled');
    const timer = this.timers.find((t) => t.at === at)!;
    this.timers = this.timers.filter((t) => t !== timer);
    this.now = at;
    timer.callback();
  }
}
