import type { Schedule } from '../../src/core/schedule.js';

/** A Schedule the test steps by hand: nothing runs until `runNext()`. Records the delays asked for. */
export class ManualSchedule {
  readonly delays: number[] = [];
  private pending: (() => void)[] = [];

  readonly schedule: Schedule = (callback, ms) => {
    this.delays.push(ms);
    this.pending.push(callback);
    return () => {
      this.pending = this.pending.filter((c) => c !== callback);
    };
  };

  get waiting(): number {
    return this.pending.length;
  }

  runNext(): void {
    const next = this.pending.shift();
    if (!next) throw new Error('nothing scheduled');
    next();
  }
}
