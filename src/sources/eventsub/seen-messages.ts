import { LruCache } from '../../core/lru-cache.js';

/**
 * The message ids delivered lately, to drop what Twitch delivers again (delivery is at least
 * once, §3.2) or what reaches a page twice. The last `size` are remembered and the oldest
 * forgotten first, so a long stream keeps a flat heap.
 */
export class SeenMessages {
  private readonly ids: LruCache<string, true>;

  constructor(size = 1000) {
    this.ids = new LruCache(size);
  }

  /** True the first time `id` comes (it is remembered from then on), false for a repeat. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.set(id, true);
    return true;
  }
}
