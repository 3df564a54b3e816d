import { LruCache } from '../core/lru-cache.js';
import { HELIX_BATCH, type TwitchUser } from './helix-api.js';

export interface UserDirectoryOptions {
  /** Looks up to 100 ids in one request; ids it does not return are unknown users. */
  readonly fetchUsers: (ids: readonly string[]) => Promise<readonly TwitchUser[]>;
  /** Users remembered, least recently used dropped first. Default 5,000 (about 1 MB). */
  readonly capacity?: number;
  /**
   * How long lookups are gathered before a request goes out, in ms. Default 10: a burst of
   * separate WebSocket messages (Heat clicks, chat lines) arrives in separate tasks, which a
   * same-task batch would split into many requests.
   */
  readonly batchWindowMs?: number;
}

interface Pending {
  resolve(user: TwitchUser | null): void;
  reject(error: unknown): void;
}

/**
 * One shared cache of Twitch users by id, for chat, Heat and alerts alike. Lookups that
 * arrive within a short window are gathered into requests of up to 100 ids; an id already being
 * fetched is not asked for again; answers (including "no such user") are kept in a bounded
 * LRU. PyWitch makes one request per unknown user; this makes one per 100.
 */
export class UserDirectory {
  private readonly cache: LruCache<string, TwitchUser | null>;
  private readonly inFlight = new Map<string, Promise<TwitchUser | null>>();
  private queued = new Map<string, Pending[]>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Requests made so far, for the benchmark and the debug view. */
  requests = 0;

  constructor(private readonly options: UserDirectoryOptions) {
    this.cache = new LruCache(options.capacity ?? 5000);
  }

  get size(): number {
    return this.cache.size;
  }

  /** A cached user, without fetching; undefined when not known yet, null when known not to exist. */
  peek(id: string): TwitchUser | null | undefined {
    return this.cache.peek(id);
  }

  /** The user with this id, or null if Twitch has none. Rejects with the request's SourceError. */
  get(id: string): Promise<TwitchUser | null> {
    // Reading refreshes the user's place in the LRU.
    if (this.cache.has(id)) return Promise.resolve(this.cache.get(id)!);
    const running = this.inFlight.get(id);
    if (running) return running;
    const promise = new Promise<TwitchUser | null>((resolve, reject) => {
      const waiters = this.queued.get(id) ?? [];
      waiters.push({ resolve, reject });
      this.queued.set(id, waiters);
    });
    this.inFlight.set(id, promise);
    this.timer ??= setTimeout(() => this.flush(), this.options.batchWindowMs ?? 10);
    return promise;
  }

  private flush(): void {
    this.timer = null;
    const batch = this.queued;
    this.queued = new Map();
    const ids = [...batch.keys()];
    for (let i = 0; i < ids.length; i += HELIX_BATCH) void this.fetchBatch(ids.slice(i, i + HELIX_BATCH), batch);
  }

  private async fetchBatch(ids: readonly string[], waiters: Map<string, Pending[]>): Promise<void> {
    this.requests += 1;
    try {
      const found = new Map((await this.options.fetchUsers(ids)).map((u) => [u.id, u]));
      for (const id of ids) {
        const user = found.get(id) ?? null;
        this.cache.set(id, user);
        this.inFlight.delete(id);
        for (const w of waiters.get(id) ?? []) w.resolve(user);
      }
    } catch (error) {
      // Not cached: a later lookup tries again.
      for (const id of ids) {
        this.inFlight.delete(id);
        for (const w of waiters.get(id) ?? []) w.reject(error);
      }
    }
  }
}
