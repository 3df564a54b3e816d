import { realSchedule, type Schedule } from './schedule.js';

/**
 * Fires `onSilence` when `kick()` has not been called for `timeoutMs`.
 * A source kicks it on every frame; when it fires, the source takes its ordinary reconnect path.
 *
 * A kick only moves a deadline forward: it arms no timer. One timer at a time checks the
 * deadline when it fires and, if a kick moved it, waits for the rest. So a chat line costs a
 * clock read, not a `clearTimeout` + `setTimeout` pair (issue 15).
 *
 * A late timer (a hidden page's, throttled by Chromium) never fires falsely: it checks the
 * deadline, which every kick moved.
 */
export class Watchdog {
  private cancel: (() => void) | null = null;
  /** When the armed timer fires, on the `now` clock. */
  private firesAt = 0;
  private deadline = 0;

  constructor(
    private timeoutMs: number,
    private readonly onSilence: () => void,
    private readonly schedule: Schedule = realSchedule,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get running(): boolean {
    return this.cancel !== null;
  }

  /** (Re)starts the countdown, optionally with a new timeout. */
  kick(timeoutMs: number = this.timeoutMs): void {
    this.timeoutMs = timeoutMs;
    this.deadline = this.now() + timeoutMs;
    // A shorter timeout than the one the timer waits for needs an earlier timer; a later deadline does not.
    if (this.cancel === null || this.deadline < this.firesAt) this.arm(timeoutMs);
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  private arm(ms: number): void {
    this.cancel?.();
    this.firesAt = this.now() + ms;
    this.cancel = this.schedule(() => this.check(), ms);
  }

  private check(): void {
    this.cancel = null;
    const left = this.deadline - this.now();
    if (left > 0) this.arm(left);
    else this.onSilence();
  }
}
