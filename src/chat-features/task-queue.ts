/**
 * Runs at most `concurrency` tasks at once and holds at most `maxQueued` more; past that, new
 * tasks are refused rather than queued. Per-user lookups (7TV cosmetics, pronouns) go through
 * one, so a burst of new chatters neither floods a third-party API nor grows memory without end.
 */
export class TaskQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxQueued: number,
  ) {}

  /** Runs `task` when a slot is free; null (and `task` never runs) when the queue is full. */
  run<T>(task: () => Promise<T>): Promise<T> | null {
    if (this.running < this.concurrency) {
      this.running += 1;
      return this.execute(task);
    }
    if (this.waiting.length >= this.maxQueued) return null;
    return new Promise<void>((start) => this.waiting.push(start)).then(() => this.execute(task));
  }

  private async execute<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      // The slot passes straight to the next waiting task, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
