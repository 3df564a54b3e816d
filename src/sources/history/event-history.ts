import { createLogger } from '../../core/logger.js';
import { BY_ARRIVAL, RECORDS, describeStorageError, historyDatabaseName, openHistoryDatabase } from './history-database.js';
import { matchesQuery, readHistoryRecord, storedCopyOf, type HistoryQuery, type HistoryRecord } from './history-record.js';

export interface EventHistoryOptions {
  /** The broadcaster: one database per user and origin, so two channels never mix. */
  readonly userId: string;
  /** Records kept; the oldest go first. Default 2,000. */
  readonly limit?: number;
  /** Records older than this (by `receivedAt`) go, and are never read. Default 30 days. */
  readonly maxAgeMs?: number;
  /** Default: the page's `indexedDB`; null: unavailable (the history then works live-only). */
  readonly indexedDB?: IDBFactory | null;
  readonly now?: () => number;
}

export const DEFAULT_HISTORY_LIMIT = 2000;
export const DEFAULT_HISTORY_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * How often a write counts the records and drops the expired ones; between, it trims by what
 * this page stored since. Counting costs the page's main thread about a millisecond in
 * Chromium, more than all the rest of a write (README, Benchmarks).
 */
const RECOUNT_MS = 60_000;
/**
 * How much earlier than a new record a copy of its event (see storedCopyOf) may have been stored:
 * a page that was stalled stores its session's copy when it runs again, seconds late.
 */
const COPY_ARRIVAL_MS = 60_000;

/** What a page posts on the history's channel when records are stored; `v` is the message version. */
interface StoredMessage {
  readonly v: 1;
  readonly records: readonly HistoryRecord[];
}

type Listener = (record: HistoryRecord) => void;

/**
 * Newest first by arrival, and by Twitch's send time among records that arrived in the same
 * millisecond (a page busy for a moment handles several frames at once): IndexedDB would order
 * those by their key, the event id, which says nothing of when they happened.
 */
const newestFirst = (a: HistoryRecord, b: HistoryRecord) => b.receivedAt - a.receivedAt || b.event.at - a.event.at;

const log = createLogger('history');

/** The page's own IndexedDB; reading it can throw where storage is refused. */
function pageIndexedDB(): IDBFactory | null {
  try {
    return typeof indexedDB === 'undefined' ? null : indexedDB;
  } catch {
    return null;
  }
}

/**
 * The stream events a channel received, kept in IndexedDB across reloads for every page of the
 * origin: the dock's feed, the event list's first rows, and later credits and labels. Records
 * are keyed by the event's id, so adding one twice stores it once. Writes are queued and go in
 * one transaction per task, after the task that brought the event, so the event reaches the
 * alert first; each such transaction also trims the history to `limit` records (and, once a
 * minute, to `maxAgeMs`).
 * Pages of the origin hear of each other's new records over a BroadcastChannel (`subscribe`).
 *
 * Nothing here throws or rejects. Where the store is unavailable (no IndexedDB, storage refused,
 * a version made by a newer build, a blocked upgrade) or fails later (a full disk), `problem`
 * says why, for `?debug`, reads answer empty and writes are dropped: the overlay runs live.
 */
export class EventHistory {
  private db: IDBDatabase | null;
  private currentProblem: string | null;
  private readonly limit: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  private readonly channelName: string;
  private channel: BroadcastChannel | null = null;
  private readonly listeners = new Set<Listener>();
  private pending: { readonly record: HistoryRecord; readonly done: () => void }[] = [];
  /** Runs the flush in a task of its own: a message, which hidden pages do not throttle as they do timers. */
  private readonly flusher = new MessageChannel();
  private flushing = false;
  private warnedMalformed = false;
  /** The records stored, as last counted plus what this page stored since; null: count at the next write. */
  private size: number | null = null;
  private countedAt = -Infinity;

  /** Opens the user's history; never rejects (see `problem`). */
  static async open(options: EventHistoryOptions): Promise<EventHistory> {
    const factory = options.indexedDB === undefined ? pageIndexedDB() : options.indexedDB;
    const opened = await openHistoryDatabase(factory, historyDatabaseName(options.userId));
    if ('problem' in opened) log.warn(`the event history is unavailable: ${opened.problem}. Events are shown live only.`);
    return new EventHistory(options, 'db' in opened ? opened.db : null, 'problem' in opened ? opened.problem : null);
  }

  private constructor(options: EventHistoryOptions, db: IDBDatabase | null, problem: string | null) {
    this.db = db;
    this.currentProblem = problem;
    this.limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_HISTORY_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
    this.channelName = `ovl:history:v1:${options.userId}`;
    this.flusher.port1.onmessage = () => this.flush();
    if (db) {
      // A newer build upgrading the database: step aside rather than block it.
      db.onversionchange = () => this.lose('a newer version of these overlays took the history over: reload this page');
      db.onclose = () => this.lose('the browser closed the history (site data cleared?)');
    }
  }

  /** Why events are not stored now, or null while they are. */
  get problem(): string | null {
    return this.currentProblem;
  }

  /** Stores `record` unless one with its event's id is there already. Resolves once written or dropped. */
  add(record: HistoryRecord): Promise<void> {
    if (!this.db) return Promise.resolve();
    return new Promise((done) => {
      this.pending.push({ record, done });
      if (!this.flushing) this.flusher.port2.postMessage(null);
      this.flushing = true;
    });
  }

  /** Up to `count` records that match `query`, newest first. */
  latest(count: number, query: HistoryQuery = {}): Promise<HistoryRecord[]> {
    return this.read<HistoryRecord[]>([], (index, done) => {
      const found: HistoryRecord[] = [];
      if (count <= 0) return done(found);
      const request = index.openCursor(IDBKeyRange.lowerBound(this.oldestKept()), 'prev');
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) return done(found.sort(newestFirst));
        const record = this.readRecord(cursor.value, query);
        if (record) found.push(record);
        if (found.length >= count) done(found.sort(newestFirst));
        else cursor.continue();
      };
    });
  }

  /** The records received at or after `epochMs` that match `query`, oldest first. */
  since(epochMs: number, query: HistoryQuery = {}): Promise<HistoryRecord[]> {
    return this.read<HistoryRecord[]>([], (index, done) => {
      const request = index.getAll(IDBKeyRange.lowerBound(Math.max(epochMs, this.oldestKept())));
      request.onsuccess = () => done(request.result.flatMap((value: unknown) => this.readRecord(value, query) ?? []).sort((a, b) => newestFirst(b, a)));
    });
  }

  /** Drops what is past `limit` or `maxAgeMs` now; each write does it too (see trimAfter). */
  trim(): Promise<void> {
    this.size = null;
    return this.write((store) => this.trimAfter(store, 0)).then(() => undefined);
  }

  /** Calls `listener` with each record stored from now on by any page of the origin (this one included). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.openChannel();
    return () => void this.listeners.delete(listener);
  }

  /** Writes what is queued, then lets go of the database and the channel. */
  close(): void {
    this.flush();
    this.db?.close();
    this.db = null;
    this.channel?.close();
    this.channel = null;
    this.flusher.port1.close();
    this.listeners.clear();
  }

  private oldestKept(): number {
    return this.now() - this.maxAgeMs;
  }

  private lose(problem: string): void {
    this.db?.close();
    this.db = null;
    this.currentProblem = problem;
    log.warn(`the event history stopped: ${problem}. Events are shown live only.`);
  }

  private flush(): void {
    this.flushing = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const stored: HistoryRecord[] = [];
    void this.write((store) => {
      // Read and written in one transaction, which IndexedDB runs after or before any other
      // page's: two pages storing two sessions' copies of one event never both find none.
      const earliest = Math.min(...batch.map(({ record }) => record.receivedAt));
      const recent = store.index(BY_ARRIVAL).getAll(IDBKeyRange.lowerBound(earliest - COPY_ARRIVAL_MS));
      recent.onsuccess = () => {
        const kept = recent.result.flatMap((value: unknown) => readHistoryRecord(value) ?? []);
        const requests = batch.flatMap(({ record }) => this.addOrNoteCopy(store, record, kept, stored) ?? []);
        // A transaction's requests answer in order: once the last has, `stored` holds the batch.
        const last = requests.at(-1);
        last?.addEventListener('success', () => this.trimAfter(store, stored.length));
        last?.addEventListener('error', () => this.trimAfter(store, stored.length));
      };
    }).then((written) => {
      if (written) this.announce(stored);
      for (const { done } of batch) done();
    });
  }

  /**
   * Adds `record`, or, when it is another session's copy of a record in `kept`, notes that
   * session on that record instead. Null when nothing was asked of the store for it.
   */
  private addOrNoteCopy(store: IDBObjectStore, record: HistoryRecord, kept: HistoryRecord[], stored: HistoryRecord[]): IDBRequest | null {
    try {
      // Stored already as another record's note: the next owner stores again what the last one relayed (RecentRelays).
      if (kept.some((other) => other.copies?.includes(record.event.id))) return null;
      const original = storedCopyOf(record, kept);
      if (original) {
        const noted = { ...original, sessions: [...(original.sessions ?? []), ...(record.sessions ?? [])], copies: [...(original.copies ?? []), record.event.id] };
        kept[kept.indexOf(original)] = noted;
        return store.put(noted);
      }
      const request = store.add(record);
      request.onsuccess = () => stored.push(record);
      request.onerror = (event) => {
        // Already stored (a repeat, or another page's write): not an error, and the rest of the batch stands.
        if (request.error?.name !== 'ConstraintError') return;
        event.preventDefault();
        event.stopPropagation();
      };
      kept.push(record);
      return request;
    } catch (error) {
      // No usable key, or a value that cannot be cloned: that record alone is dropped.
      log.warn('an event could not be stored:', error);
      return null;
    }
  }

  /**
   * Trims, in the write's own transaction, what `added` records took past `limit`: the oldest
   * go. Once a minute (and at the first write) it also drops what is older than `maxAgeMs` and
   * counts the rest; in between it goes by its own count, so another page's writes meanwhile
   * are trimmed at the next count. Reads never return an expired record either way.
   */
  private trimAfter(store: IDBObjectStore, added: number): void {
    const now = this.now();
    if (this.size !== null && now - this.countedAt < RECOUNT_MS) {
      this.size += added;
      return this.dropOldest(store, this.size - this.limit);
    }
    this.countedAt = now;
    const index = store.index(BY_ARRIVAL);
    const expired = index.openKeyCursor(IDBKeyRange.upperBound(this.oldestKept(), true));
    expired.onsuccess = () => {
      const cursor = expired.result;
      if (cursor) {
        store.delete(cursor.primaryKey);
        return cursor.continue();
      }
      const counted = store.count();
      counted.onsuccess = () => {
        this.size = counted.result;
        this.dropOldest(store, this.size - this.limit);
      };
    };
  }

  /** Deletes the `count` oldest records (none when `count` ≤ 0). */
  private dropOldest(store: IDBObjectStore, count: number): void {
    if (count <= 0 || this.size === null) return;
    this.size -= count;
    let left = count;
    const oldest = store.index(BY_ARRIVAL).openKeyCursor();
    oldest.onsuccess = () => {
      const cursor = oldest.result;
      if (!cursor) return;
      store.delete(cursor.primaryKey);
      if (--left > 0) cursor.continue();
    };
  }

  /**
   * Runs `work` in a read-write transaction; true once it committed. A failure (a full disk
   * fails the commit) becomes `problem`, and the next write tries again: a write that commits
   * clears it.
   */
  private write(work: (store: IDBObjectStore) => void): Promise<boolean> {
    const db = this.db;
    if (!db) return Promise.resolve(false);
    return new Promise((resolve) => {
      const failed = (error: unknown) => {
        this.currentProblem = `events are not stored: ${describeStorageError(error)}`;
        log.warn(`the event history could not store events: ${describeStorageError(error)}`);
        resolve(false);
      };
      try {
        const transaction = db.transaction(RECORDS, 'readwrite');
        transaction.oncomplete = () => {
          if (this.db) this.currentProblem = null;
          resolve(true);
        };
        transaction.onabort = () => {
          // What this write counted or trimmed did not happen: count again next time.
          this.size = null;
          failed(transaction.error);
        };
        work(transaction.objectStore(RECORDS));
      } catch (error) {
        failed(error);
      }
    });
  }

  /** Runs `work` on the arrival index in a read-only transaction; `fallback` if it cannot run or fails. */
  private read<T>(fallback: T, work: (index: IDBIndex, done: (value: T) => void) => void): Promise<T> {
    const db = this.db;
    if (!db) return Promise.resolve(fallback);
    return new Promise((resolve) => {
      try {
        const transaction = db.transaction(RECORDS, 'readonly');
        transaction.onabort = () => {
          log.warn(`the event history could not be read: ${describeStorageError(transaction.error)}`);
          resolve(fallback);
        };
        work(transaction.objectStore(RECORDS).index(BY_ARRIVAL), resolve);
      } catch (error) {
        log.warn(`the event history could not be read: ${describeStorageError(error)}`);
        resolve(fallback);
      }
    });
  }

  /** A stored value as a record matching `query`; a malformed one is skipped (and said once). */
  private readRecord(value: unknown, query: HistoryQuery): HistoryRecord | null {
    const record = readHistoryRecord(value);
    if (!record && !this.warnedMalformed) {
      this.warnedMalformed = true;
      log.warn('skipped malformed records in the event history (stored by another build or page?)');
    }
    return record && matchesQuery(record, query) ? record : null;
  }

  /** Tells this page's listeners and every other page of the origin about newly stored records. */
  private announce(records: readonly HistoryRecord[]): void {
    if (records.length === 0) return;
    this.openChannel()?.postMessage({ v: 1, records } satisfies StoredMessage);
    this.deliver(records);
  }

  private openChannel(): BroadcastChannel | null {
    if (this.channel || typeof BroadcastChannel === 'undefined') return this.channel;
    this.channel = new BroadcastChannel(this.channelName);
    this.channel.onmessage = (event: MessageEvent<unknown>) => {
      const data = event.data as Partial<StoredMessage> | null;
      // Any page of the origin can post here: only records that read as records are passed on.
      if (data?.v !== 1 || !Array.isArray(data.records)) return;
      this.deliver(data.records.flatMap((value: unknown) => readHistoryRecord(value) ?? []));
    };
    return this.channel;
  }

  private deliver(records: readonly HistoryRecord[]): void {
    for (const record of records) {
      for (const listener of this.listeners) {
        try {
          listener(record);
        } catch (error) {
          log.warn('a history listener failed:', error);
        }
      }
    }
  }
}
