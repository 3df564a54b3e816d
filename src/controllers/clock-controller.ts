import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Schedule } from '../core/schedule.js';

export interface ClockOptions {
  /** Runs the ticks; tests step it by hand. */
  readonly schedule: () => Schedule;
  /** Epoch ms now; tests set it. */
  readonly now: () => number;
  /** Whether anything on screen ticks (false: no timer at all). */
  readonly wanted: () => boolean;
  /** The next moment something changes by itself (an expiry), epoch ms; null when none is due. */
  readonly nextDeadline: () => number | null;
}

/**
 * The time a ticking element shows (a countdown, an uptime), in `value` (epoch ms). It owns the
 * element's one timer: a tick every second, or sooner when a deadline (an expiry, the end of a
 * result) comes first, and only while the element is connected and `wanted()` says something
 * ticks. It looks again after each of the host's updates, so the timer follows what is on
 * screen and OBS's `paused`; it starts again when the element is put back in the page.
 */
export class ClockController implements ReactiveController {
  value: number;
  private cancel: (() => void) | null = null;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ClockOptions,
  ) {
    this.value = options.now();
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.value = this.options.now();
    this.sync();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  hostUpdated(): void {
    this.sync();
  }

  /** Reads the time again (an event arrived), without waiting for the next tick. */
  refresh(): void {
    this.value = this.options.now();
  }

  /** Starts the timer if something counts down, stops it if nothing does. */
  private sync(): void {
    if (!this.connected || !this.options.wanted()) return this.stop();
    if (this.cancel) return;
    const deadline = this.options.nextDeadline();
    const untilDeadline = deadline !== null && deadline > this.value ? deadline - this.value : Infinity;
    this.cancel = this.options.schedule()(() => {
      this.cancel = null;
      this.value = this.options.now();
      this.host.requestUpdate();
    }, Math.min(1000, untilDeadline));
  }

  private stop(): void {
    this.cancel?.();
    this.cancel = null;
  }
}
