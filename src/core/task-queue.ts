import { realSchedule, type Schedule } from './schedule.js';

export interface TaskQueueOptions {
  /** Tasks running at once. */
  readonly concurrency: number;
  /** Tasks held waiting; past that, new ones are refused. */
  readonly maxQueued: number;
  /** Least time between two task starts (ms): at most 1000 / spacingMs starts a second. Default 0. */
  readonly spacingMs?: number;
  readonly schedule?: Schedule;
  readonly now?: () => number;
}

/**
 * Runs at most `concurrency` tasks at once, starts them at most one per `spacingMs`, and holds
 * at most `maxQueued` more; past that, new tasks are refused rather than queued. Per-user
 * lookups (7TV cosmetics, pronouns) go through one, so a burst of new chatters neither floods a
 * third-party API nor grows memory without end, and the page's cost of issuing requests stays
 * bounded however fast the API answers.
 */
export class TaskQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private nextStart = 0;
  private wake: (() => void) | null = null;
  private readonly spacingMs: number;
  private readonly schedule: Schedule;
  private readonly now: () => number;

  constructor(private readonly options: TaskQueueOptions) {
    this.spacingMs = options.spacingMs ?? 0;
    this.schedule = options.schedule ?? realSchedule;
    this.now = options.now ?? Date.now;
  }

  /** Runs `task` when a slot is free and its turn has come; null (and `task` never runs) when the queue is full. */
  run<T>(task: () => Promise<T>): Promise<T> | null {
    if (this.waiting.length >= this.options.maxQueued) return null;
    const turn = new Promise<void>((start) => this.waiting.push(start));
    this.startWaiting();
    return turn.then(() => this.execute(task));
  }

  private startWaiting(): void {
    while (this.waiting.length > 0 && this.running < this.options.concurrency) {
      const now = this.now();
      if (now < this.nextStart) {
        this.wake ??= this.schedule(() => {
          this.wake = null;
          this.startWaiting();
        }, this.nextStart - now);
        return;
      }
      this.running += 1;
      this.nextStart = now + this.spacingMs;
      this.waiting.shift()!();
    }
  }

  private async execute<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      this.running -= 1;
      this.startWaiting();
    }
  }
}
