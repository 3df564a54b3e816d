import { LruCache } from './lru-cache.js';

/**
 * Values by key, each loaded once: while a key's load runs, every caller gets its promise, and
 * what it resolves with is kept, the least recently used dropped first past `capacity` (with
 * capacity 0 nothing is kept and only loads in flight are shared). A load that rejects is not
 * kept, so the next call for its key loads again.
 */
export class KeyedCache<K, V> {
  private readonly kept: LruCache<K, V> | null;
  private readonly loading = new Map<K, Promise<V>>();

  constructor(capacity: number) {
    this.kept = capacity === 0 ? null : new LruCache(capacity);
  }

  get size(): number {
    return this.kept?.size ?? 0;
  }

  has(key: K): boolean {
    return this.kept?.has(key) ?? false;
  }

  /** The kept value without changing its place; undefined when none is kept. */
  peek(key: K): V | undefined {
    return this.kept?.peek(key);
  }

  /** The kept value, which becomes the most recently used; undefined when none is kept. */
  get(key: K): V | undefined {
    return this.kept?.get(key);
  }

  /** Keeps a value learnt otherwise (an answer that came inline with another). */
  set(key: K, value: V): void {
    this.kept?.set(key, value);
  }

  /**
   * The value for `key`: the kept one, the one the running load of it brings, or the one
   * `load(key)` brings, started now. `load` may decline by returning null (a full queue, a
   * paused service): then nothing starts, and null is returned.
   */
  load(key: K, load: (key: K) => Promise<V>): Promise<V>;
  load(key: K, load: (key: K) => Promise<V> | null): Promise<V> | null;
  load(key: K, load: (key: K) => Promise<V> | null): Promise<V> | null {
    if (this.kept?.has(key)) return Promise.resolve(this.kept.get(key)!);
    const running = this.loading.get(key);
    if (running) return running;
    const started = load(key);
    if (!started) return null;
    const settled = started.then(
      (value) => {
        this.loading.delete(key);
        this.kept?.set(key, value);
        return value;
      },
      (error: unknown) => {
        this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, settled);
    return settled;
  }
}
