import { realSchedule, type Schedule } from './schedule.js';

export interface BatchLoaderOptions<K, V> {
  /** One request for up to `maxBatch` keys; a key its answer leaves out resolves null. */
  readonly loadBatch: (keys: readonly K[]) => Promise<ReadonlyMap<K, V>>;
  readonly maxBatch: number;
  /**
   * How long keys are gathered before the requests go out (ms). A burst of separate WebSocket
   * messages (chat lines, Heat clicks) arrives in separate tasks, which a same-task batch would
   * split into many requests.
   */
  readonly windowMs: number;
  readonly schedule?: Schedule;
}

interface Waiter<V> {
  resolve(value: V | null): void;
  reject(error: unknown): void;
}

/**
 * Gathers the keys asked for within a window into as few requests as the batch size allows,
 * then resolves each caller with its key's answer, or rejects it with its request's error. A
 * key asked for twice in one window is requested once; sharing a key's answer across windows
 * is a KeyedCache's job.
 */
export class BatchLoader<K, V> {
  private waiting = new Map<K, Waiter<V>[]>();
  private flushScheduled = false;
  private readonly schedule: Schedule;

  constructor(private readonly options: BatchLoaderOptions<K, V>) {
    this.schedule = options.schedule ?? realSchedule;
  }

  load(key: K): Promise<V | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      if (this.flushScheduled) return;
      this.flushScheduled = true;
      this.schedule(() => this.flush(), this.options.windowMs);
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.waiting;
    this.waiting = new Map();
    const keys = [...batch.keys()];
    for (let i = 0; i < keys.length; i += this.options.maxBatch) void this.request(keys.slice(i, i + this.options.maxBatch), batch);
  }

  private async request(keys: readonly K[], waiters: ReadonlyMap<K, readonly Waiter<V>[]>): Promise<void> {
    try {
      const found = await this.options.loadBatch(keys);
      for (const key of keys) for (const waiter of waiters.get(key)!) waiter.resolve(found.get(key) ?? null);
    } catch (error) {
      for (const key of keys) for (const waiter of waiters.get(key)!) waiter.reject(error);
    }
  }
}
