/**
 * A Map with a size limit: reading or writing a key makes it the most recent, and the least
 * recently used entries are dropped once `capacity` is passed. Caches of per-user data (pronouns,
 * 7TV cosmetics) use it so a long stream with many chatters keeps a flat heap.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`LruCache capacity must be a positive integer, got ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** The value without changing its place; undefined when absent. */
  peek(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** The value, which becomes the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
