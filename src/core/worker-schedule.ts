import type { Schedule } from './schedule.js';

/** One timer per id: a message with `ms` starts it (`every`: repeating), one without stops it. */
const WORKER_SOURCE = `const timers = new Map();
onmessage = ({ data: { id, ms, every } }) => {
  clearTimeout(timers.get(id));
  timers.delete(id);
  if (ms === undefined) return;
  timers.set(id, every ? setInterval(() => postMessage(id), ms) : setTimeout(() => (timers.delete(id), postMessage(id)), ms));
};`;

interface Timer {
  readonly callback: () => void;
  readonly ms: number;
  readonly every: boolean;
  /** Set while the timer runs on the page instead of in the worker. */
  stopOnPage?: () => void;
}

/**
 * The page's timers, run in one dedicated worker. A hidden page's own timers wake at most once
 * a second, and after five minutes hidden at most once a minute (Chromium's intensive
 * throttling, reference §2); a worker's are exempt. Where no worker starts (a CSP without
 * `worker-src blob:`), or the one started fails, the timers run on the page.
 */
class WorkerTimers {
  /** Undefined until the first timer; null once the page's own timers stand in. */
  private worker: Worker | null | undefined;
  private readonly timers = new Map<number, Timer>();
  private lastId = 0;

  start(callback: () => void, ms: number, every: boolean): () => void {
    const id = ++this.lastId;
    const timer: Timer = { callback, ms, every };
    this.timers.set(id, timer);
    const worker = this.ensureWorker();
    if (worker) worker.postMessage({ id, ms, every });
    else this.runOnPage(id, timer);
    return () => {
      if (!this.timers.delete(id)) return;
      timer.stopOnPage?.();
      this.worker?.postMessage({ id });
    };
  }

  private ensureWorker(): Worker | null {
    if (this.worker !== undefined) return this.worker;
    try {
      const worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
      worker.onmessage = ({ data }: MessageEvent<number>) => this.fire(data);
      worker.onerror = () => this.fallBack();
      this.worker = worker;
    } catch {
      this.worker = null;
    }
    return this.worker;
  }

  /** The worker failed after it was made (a CSP refusal arrives as an error event): every timer moves to the page. */
  private fallBack(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const [id, timer] of this.timers) this.runOnPage(id, timer);
  }

  private runOnPage(id: number, timer: Timer): void {
    const handle = timer.every ? setInterval(() => this.fire(id), timer.ms) : setTimeout(() => this.fire(id), timer.ms);
    timer.stopOnPage = () => clearTimeout(handle);
  }

  private fire(id: number): void {
    const timer = this.timers.get(id);
    if (!timer) return;
    if (!timer.every) this.timers.delete(id);
    timer.callback();
  }
}

const timers = new WorkerTimers();

/** A Schedule whose timers keep time on a hidden page: for deadlines other pages rely on (the shared connection's election, its keepalive watch). */
export const workerSchedule: Schedule = (callback, ms) => timers.start(callback, ms, false);

/** Calls `callback` every `ms` from the worker (see workerSchedule); returns the function that stops it. */
export const workerInterval = (callback: () => void, ms: number): (() => void) => timers.start(callback, ms, true);
