import { workerInterval } from '../core/worker-schedule.js';

/**
 * Calls `tick` at a steady rate. The timer runs in a worker (workerInterval): a page's own
 * timers slow to once a second when its tab is in the background, which would stall a live
 * stream; a worker's do not.
 */
export class FrameTicker {
  private cancel: (() => void) | null = null;

  constructor(private readonly tick: () => void) {}

  start(fps: number): void {
    this.stop();
    this.cancel = workerInterval(this.tick, 1000 / fps);
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }
}
