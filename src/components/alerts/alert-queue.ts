import { TypedEventTarget } from '../../core/typed-event-target.js';
import { realSchedule, type Schedule } from '../../core/schedule.js';

export interface AlertQueueOptions<T> {
  /** How long each alert stays, in ms, unless `durationOf` says otherwise. */
  durationMs: number;
  /** Alerts that may wait; beyond this the oldest of the least important waiting ones is dropped. */
  maxWaiting: number;
  /** Higher shows first; equal priorities keep arrival order. Default: all equal (first in, first out). */
  priorityOf?: (item: T) => number;
  /** This item's time on screen in ms; null or absent: `durationMs`. */
  durationOf?: (item: T) => number | null;
  /** Folds `incoming` into a waiting item, or the one on screen, when it returns the folded item; null queues it. */
  merge?: (waiting: T, incoming: T) => T | null;
  readonly schedule?: Schedule;
  readonly now?: () => number;
}

export interface AlertQueueEventMap<T> {
  show: T;
  /** The alert on screen took in another one (`merge`); detail: the merged alert. */
  update: T;
  hide: T;
  /** An alert was dropped because too many were waiting; detail = total dropped so far. */
  drop: number;
  /** How many alerts wait now, each time that changes. */
  waiting: number;
}

/**
 * Shows one alert at a time for its duration, never overlapping, the most important waiting
 * one first. Two reasons keep alerts waiting, each lifted on its own: while paused (OBS hides
 * the source) the current alert's clock stops and no new one starts, and on resume it finishes
 * its remaining time; while held (the streamer paused the alerts in the dock) the alert on
 * screen plays out and the next waits. Waiting alerts are capped: the oldest of the least
 * important is dropped and counted. An alert can fold into one that waits (a burst of follows
 * becomes one), even into the one on screen, which then updates.
 */
export class AlertQueue<T> extends TypedEventTarget<AlertQueueEventMap<T>> {
  private readonly waiting: T[] = [];
  private showing: T | null = null;
  private cancel: (() => void) | null = null;
  private remainingMs = 0;
  private startedAt = 0;
  private paused = false;
  private held = false;
  private dropped = 0;
  private readonly schedule: Schedule;
  private readonly now: () => number;

  /** `durationMs` and `maxWaiting` may be changed at any time; they apply from the next alert. */
  constructor(readonly options: AlertQueueOptions<T>) {
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
    if (this.fold(item)) return;
    const priority = this.priority(item);
    let at = this.waiting.length;
    while (at > 0 && this.priority(this.waiting[at - 1]!) < priority) at -= 1;
    this.waiting.splice(at, 0, item);
    if (this.waiting.length > this.options.maxWaiting) {
      // Waiting alerts are sorted by priority: the least important are last, the oldest of them first.
      const lowest = this.priority(this.waiting[this.waiting.length - 1]!);
      this.waiting.splice(this.waiting.findIndex((w) => this.priority(w) === lowest), 1);
      this.dropped += 1;
      this.emit('drop', this.dropped);
    }
    this.emit('waiting', this.waiting.length);
    this.advance();
  }

  private priority(item: T): number {
    return this.options.priorityOf?.(item) ?? 0;
  }

  /** Merges `item` into the newest waiting alert that takes it, else into the one on screen. */
  private fold(item: T): boolean {
    const merge = this.options.merge;
    if (!merge) return false;
    for (let i = this.waiting.length - 1; i >= 0; i--) {
      const merged = merge(this.waiting[i]!, item);
      if (merged === null) continue;
      this.waiting[i] = merged;
      return true;
    }
    const merged = this.showing === null ? null : merge(this.showing, item);
    if (merged === null) return false;
    this.showing = merged;
    this.emit('update', merged);
    return true;
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

  /** The streamer's pause: while `on`, no alert starts; the one on screen plays out. */
  hold(on: boolean): void {
    this.held = on;
    this.advance();
  }

  /** Ends the alert on screen now (the next one follows unless paused or held); false when none was showing. */
  skip(): boolean {
    const shown = this.showing;
    if (!shown) return false;
    this.cancel?.();
    this.cancel = null;
    this.showing = null;
    this.emit('hide', shown);
    this.advance();
    return true;
  }

  /** Drops every waiting alert, leaving the one on screen; returns how many. */
  clearWaiting(): number {
    const cleared = this.waiting.splice(0).length;
    if (cleared > 0) this.emit('waiting', 0);
    return cleared;
  }

  /** Removes everything, shown or waiting. */
  clear(): void {
    this.cancel?.();
    this.cancel = null;
    this.clearWaiting();
    const shown = this.showing;
    this.showing = null;
    if (shown) this.emit('hide', shown);
  }

  private advance(): void {
    if (this.paused || this.held || this.showing) return;
    const next = this.waiting.shift();
    if (next === undefined) return;
    this.emit('waiting', this.waiting.length);
    this.showing = next;
    this.emit('show', next);
    this.run(this.options.durationOf?.(next) ?? this.options.durationMs);
  }

  private run(ms: number): void {
    this.remainingMs = ms;
    this.startedAt = this.now();
    this.cancel = this.schedule(() => {
      this.cancel = null;
      this.skip();
    }, ms);
  }
}
