import { TypedEventTarget } from '../../core/typed-event-target.js';
import { realSchedule, type Schedule } from '../../core/schedule.js';

export interface AlertQueueOptions {
  /** How long each alert stays, in ms. */
  durationMs: number;
  /** Alerts that may wait; beyond this the oldest waiting one is dropped. */
  maxWaiting: number;
  readonly schedule?: Schedule;
  readonly now?: () => number;
}

export interface AlertQueueEventMap<T> {
  show: T;
  hide: T;
  /** An alert was dropped because too many were waiting; detail = total dropped so far. */
  drop: number;
}

/**
 * Shows one alert at a time for a fixed duration, never overlapping. While paused (OBS hides
 * the source) the current alert's clock stops and no new one starts; on resume it finishes
 * its remaining time. Waiting alerts are capped: the oldest is dropped and counted.
 */
export class AlertQueue<T> extends TypedEventTarget<AlertQueueEventMap<T>> {
  private readonly waiting: T[] = [];
  private showing: T | null = null;
  private cancel: (() => void) | null = null;
  private remainingMs = 0;
  private startedAt = 0;
  private paused = false;
  private dropped = 0;
  private readonly schedule: Schedule;
  private readonly now: () => number;

  /** `durationMs` and `maxWaiting` may be changed at any time; they apply from the next alert. */
  constructor(readonly options: AlertQueueOptions) {
    super();
    this.schedule = options.schedule ?? realSchedule;
    this.now = options.now ?? Date.now;
  }

  get pending(): number {
    return this.waiting.length;
  }

  get droppedCount(): number {
    return this.dropped;
  }

  push(item: T): void {
    this.waiting.push(item);
    if (this.waiting.length > this.options.maxWaiting) {
      this.waiting.shift();
      this.dropped += 1;
      this.emit('drop', this.dropped);
    }
    this.advance();
  }

  pause(): void {
    if (this.paused) return;
    this.paused = true;
    if (this.cancel) {
      this.cancel();
      this.cancel = null;
      this.remainingMs -= this.now() - this.startedAt;
    }
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (this.showing) this.run(Math.max(0, this.remainingMs));
    else this.advance();
  }

  /** Removes everything, shown or waiting. */
  clear(): void {
    this.cancel?.();
    this.cancel = null;
    this.waiting.length = 0;
    const shown = this.showing;
    this.showing = null;
    if (shown) this.emit('hide', shown);
  }

  private advance(): void {
    if (this.paused || this.showing) return;
    const next = this.waiting.shift();
    if (next === undefined) return;
    this.showing = next;
    this.emit('show', next);
    this.run(this.options.durationMs);
  }

  private run(ms: number): void {
    this.remainingMs = ms;
    this.startedAt = this.now();
    this.cancel = this.schedule(() => {
      this.cancel = null;
      const done = this.showing!;
      this.showing = null;
      this.emit('hide', done);
      this.advance();
    }, ms);
  }
}
