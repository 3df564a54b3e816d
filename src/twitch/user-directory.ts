import { BatchLoader } from '../core/batch-loader.js';
import { KeyedCache } from '../core/keyed-cache.js';
import type { Schedule } from '../core/schedule.js';
import { HELIX_BATCH, type TwitchUser } from './helix-api.js';

export interface UserDirectoryOptions {
  /** Looks up to 100 ids in one request; ids it does not return are unknown users. */
  readonly fetchUsers: (ids: readonly string[]) => Promise<readonly TwitchUser[]>;
  /** Users remembered, least recently used dropped first. Default 5,000 (about 1 MB). */
  readonly capacity?: number;
  /** How long lookups are gathered before a request goes out, in ms. Default 10. */
  readonly batchWindowMs?: number;
  /** Runs the batch window; tests step it. Default: real time. */
  readonly schedule?: Schedule;
}

/**
 * One shared cache of Twitch users by id, for chat, Heat and alerts alike. Lookups that
 * arrive within a short window are gathered into requests of up to 100 ids; an id already being
 * fetched is not asked for again; answers (including "no such user") are kept in a bounded
 * LRU, failures are not. PyWitch makes one request per unknown user; this makes one per 100.
 */
export class UserDirectory {
  private readonly users: KeyedCache<string, TwitchUser | null>;
  private readonly batches: BatchLoader<string, TwitchUser>;
  /** Requests made so far, for the benchmark and the debug view. */
  requests = 0;

  constructor(options: UserDirectoryOptions) {
    this.users = new KeyedCache(options.capacity ?? 5000);
    this.batches = new BatchLoader({
      maxBatch: HELIX_BATCH,
      windowMs: options.batchWindowMs ?? 10,
      schedule: options.schedule,
      loadBatch: async (ids) => {
        this.requests += 1;
        return new Map((await options.fetchUsers(ids)).map((user) => [user.id, user]));
      },
    });
  }

  get size(): number {
    return this.users.size;
  }

  /** A cached user, without fetching; undefined when not known yet, null when known not to exist. */
  peek(id: string): TwitchUser | null | undefined {
    return this.users.peek(id);
  }

  /** The user with this id, or null if Twitch has none. Rejects with the request's SourceError. */
  get(id: string): Promise<TwitchUser | null> {
    // Reading refreshes the user's place in the LRU.
    return this.users.load(id, (key) => this.batches.load(key));
  }
}
