import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Schedule } from '../core/schedule.js';
import { ClockController } from './clock-controller.js';

/** What a come-and-go element shows, and when that changes by itself. */
export interface PresenceTracker<T> {
  /** What to show at `now` (epoch ms), or null. */
  current(now: number): T | null;
  /** The next moment what `current` shows changes with no notification (an expiry, a result's time up), epoch ms; null when none is due. */
  nextChange(now: number): number | null;
}

export interface PresenceOptions<T> {
  readonly tracker: PresenceTracker<T>;
  /** Runs the timer; tests step it by hand. */
  readonly schedule: () => Schedule;
  /** Epoch ms now; tests set it. */
  readonly now: () => number;
  /** Whether OBS hides the source: then no timer runs and nothing animates out. */
  readonly paused: () => boolean;
}

/**
 * The come-and-go of a widget that is on screen only while something runs (a hype train, a
 * poll): at each update it asks the tracker what to show at the clock's time, keeps what just
 * went as `leaving` until its exit animation ends, and sets the host's `active` attribute. Its
 * clock ticks every second, or at the tracker's next change when sooner, only while the host is
 * connected, not paused, and a change is due (an expiry with no end, a result's time up).
 */
export class PresenceController<T> implements ReactiveController {
  /** What is on screen and staying, or null. */
  shown: T | null = null;
  /** What just went and is playing its exit animation, or null. */
  leaving: T | null = null;
  private readonly clock: ClockController;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: PresenceOptions<T>,
  ) {
    this.clock = new ClockController(host, {
      schedule: options.schedule,
      now: options.now,
      wanted: () => !options.paused() && options.tracker.nextChange(this.clock.value) !== null,
      nextDeadline: () => options.tracker.nextChange(this.clock.value),
    });
    host.addController(this);
  }

  /** The time shown, epoch ms: a countdown reads it. */
  get now(): number {
    return this.clock.value;
  }

  /** What to draw: what is shown, else what is leaving. */
  get visible(): T | null {
    return this.shown ?? this.leaving;
  }

  /** Reads the time again (a notification arrived), without waiting for the next tick. */
  refresh(): void {
    this.clock.refresh();
  }

  hostUpdate(): void {
    const current = this.options.tracker.current(this.clock.value);
    if (!current && this.shown && !this.options.paused()) this.leaving = this.shown;
    if (current) this.leaving = null;
    this.shown = current;
    this.host.toggleAttribute('active', current !== null);
  }

  /** For the card's `@animationend`: its exit animation is over, so what was leaving goes. */
  readonly onAnimationEnd = (event: AnimationEvent): void => {
    if (event.target !== event.currentTarget || !this.leaving) return;
    this.leaving = null;
    this.host.requestUpdate();
  };
}
