import { createLogger } from '../../core/logger.js';
import { BY_ARRIVAL, BY_CONTENT, RECENT, RECORDS, describeStorageError, type OpenedDatabase, type RecentEntry } from './history-database.js';
import { readHistoryRecord, type HistoryRecord } from './history-record.js';
import { contentHash, storedCopyOf } from './stored-copies.js';
import { HistoryReader, openUserHistory, type HistoryReaderOptions, type StoredMessage } from './history-reader.js';

export interface EventHistoryOptions extends HistoryReaderOptions {
  /**
   * Records kept whatever their age (up to `maxAgeMs`): of those older than `keepAllMs`, the
   * newest go on being kept until there are this many in all; the oldest go first. Default 2,000.
   */
  readonly limit?: number;
  /**
   * Every record younger than this (by `receivedAt`) is kept, however many (up to `maxRecords`),
   * so a whole stream, even a busy subathon's 24 hours, is there to read. Default 48 hours; 0
   * keeps `limit` records alone.
   */
  readonly keepAllMs?: number;
  /** The most records kept in all, for the disk; the oldest go first. Default 200,000. */
  readonly maxRecords?: number;
}

export const DEFAULT_HISTORY_LIMIT = 2000;
/** Two days: the stream of the day and the one before it, whole, however long or busy (README, The event history). */
export const DEFAULT_HISTORY_KEEP_ALL_MS = 48 * 60 * 60 * 1000;
/**
 * A busy day of the busiest channels (an event every 0.43 s for 24 hours: a record subathon's
 * subs, each gifted one stored too, its follows and cheers), about 150 MB on disk as measured
 * (README, The event history and Benchmarks).
 */
export const DEFAULT_HISTORY_MAX_RECORDS = 200_000;
/**
 * How often a write counts the records and drops the expired ones; between, it trims by what
 * this page stored since. Counting takes the store time that grows with the history (about
 * 17 ms of a write's wall time at 200,000 records, README, Benchmarks): once a minute, not at
 * every write.
 */
const RECOUNT_MS = 60_000;
/**
 * The most records a write deletes. A history that a page finds after days away may have tens of
 * thousands to drop (a busy stream past the window, or past 30 days); asking the store to
 * delete them costs the main thread about 16 µs each (42,000 at once: a task of 0.7 s), so they
 * go over the next writes, 500 (about 8 ms) at a time.
 */
const TRIM_BATCH = 500;
/**
 * How much earlier than a new record a copy of its event (see storedCopyOf) may have been stored:
 * a page that was stalled stores its session's copy when it runs again, seconds late.
 */
const COPY_ARRIVAL_MS = 60_000;
/**
 * How long an event stays in RECENT, by the writing page's clock: past COPY_ARRIVAL_MS of any
 * write, a stalled page's included. A write looks back by `receivedAt`, so a copy is found where
 * the page writes it within a minute or so of receiving it, as every page does.
 */
const RECENT_KEPT_MS = 2 * COPY_ARRIVAL_MS;

/** A record on its way to the store, with what its event says when EventSub delivered it (`sessions`), hashed. */
interface Pending {
  readonly record: HistoryRecord;
  readonly content: string | null;
}

const log = createLogger('history');

/**
 * Deletes the records whose keys `keys` answers, then runs `then`. The keys come in one request
 * and the deletes go without waiting on each other: a cursor would wait for the store at every
 * record, which for a history of days dropping a stream's worth at once (tens of thousands)
 * took seconds of the page's main thread.
 */
function deleteAll(store: IDBObjectStore, keys: IDBRequest<IDBValidKey[]>, then?: () => void): void {
  keys.onsuccess = () => {
    for (const key of keys.result) store.delete(key);
    then?.();
  };
}

/** Runs `then` once every one of `requests` has answered (at once for none): a transaction's requests answer in order. */
function whenAnswered(requests: readonly IDBRequest[], then: () => void): void {
  const last = requests.at(-1);
  if (last) last.addEventListener('success', then);
  else then();
}

/**
 * The stream events a channel received, kept in IndexedDB across reloads for every page of the
 * origin: the dock's feed, the event list's first rows, credits, labels and the subathon timer
 * read it (HistoryReader, which this adds writing to). Records are keyed by the event's id, so
 * adding one twice stores it once. Writes are queued and go in one transaction per task, after
 * the task that brought the event, so the event reaches the alert first; each such transaction
 * also trims the history to what it keeps: the last `keepAllMs` whole (a long stream's every
 * event), else the last `limit` records, at most `maxRecords`, none older than `maxAgeMs` (see
 * trimAfter). Pages of the origin hear of each other's new records over a BroadcastChannel
 * (`subscribe`), this one's included.
 *
 * Nothing here throws or rejects. Where the store is unavailable or fails (HistoryReader),
 * writes are dropped as reads answer empty: the overlay runs live.
 */
export class EventHistory extends HistoryReader {
  private readonly limit: number;
  private readonly keepAllMs: number;
  private readonly maxRecords: number;
  private pending: { readonly record: HistoryRecord; readonly done: () => void }[] = [];
  /** Runs the flush in a task of its own: a message, which hidden pages do not throttle as they do timers. */
  private readonly flusher = new MessageChannel();
  private flushing = false;
  /** The records stored, as last counted plus what this page stored since; null: count at the next write. */
  private size: number | null = null;
  /** Of those, the ones younger than `keepAllMs`, counted alike. */
  private recent = 0;
  private countedAt = -Infinity;

  /** Opens the user's history; never rejects (see `problem`). */
  static override async open(options: EventHistoryOptions): Promise<EventHistory> {
    return new EventHistory(options, await openUserHistory(options));
  }

  private constructor(options: EventHistoryOptions, opened: OpenedDatabase) {
    super(options, opened);
    this.limit = options.limit ?? DEFAULT_HISTORY_LIMIT;
    this.keepAllMs = options.keepAllMs ?? DEFAULT_HISTORY_KEEP_ALL_MS;
    this.maxRecords = options.maxRecords ?? DEFAULT_HISTORY_MAX_RECORDS;
    this.flusher.port1.onmessage = () => this.flush();
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

  /** Counts the records and drops what is past what the history keeps now; each write does it too (see trimAfter). */
  trim(): Promise<void> {
    this.size = null;
    return this.write((store) => this.trimAfter(store, [])).then(() => undefined);
  }

  /** Writes what is queued, then lets go of the database and the channel. */
  override close(): void {
    this.flush();
    super.close();
    this.flusher.port1.close();
  }

  private flush(): void {
    this.flushing = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const stored: HistoryRecord[] = [];
    const prepared = batch.flatMap(({ record }) => this.withContent(record) ?? []);
    void this.write((store, recent) => {
      // Read and written in one transaction, which IndexedDB runs after or before any other
      // page's: two pages storing two sessions' copies of one event never both find none. Read:
      // the records of the last COPY_ARRIVAL_MS that say what one of these says, found in
      // RECENT. Reading every record of that minute at each write made a gift bomb of 500 subs
      // cost its writes seconds, each longer than the last (README, Benchmarks).
      const from = Math.min(...prepared.map(({ record }) => record.receivedAt)) - COPY_ARRIVAL_MS;
      const contents = [...new Set(prepared.flatMap(({ content }) => content ?? []))];
      const lookups = contents.map((content) => recent.index(BY_CONTENT).getAll(content) as IDBRequest<RecentEntry[]>);
      whenAnswered(lookups, () => {
        const entries = lookups.flatMap((lookup) => lookup.result).filter((entry) => entry.receivedAt >= from);
        const reads = entries.map((entry) => store.get(entry.id));
        whenAnswered(reads, () => {
          // By content: a record is compared with those that say the same alone, the batch's own included.
          const kept = new Map(contents.map((content): [string, HistoryRecord[]] => [content, []]));
          reads.forEach((read, i) => {
            const record = readHistoryRecord(read.result);
            if (record) kept.get(entries[i]!.content)?.push(record);
          });
          const requests = prepared.flatMap((item) => this.addOrNoteCopy(store, recent, item, item.content === null ? [] : kept.get(item.content)!, stored) ?? []);
          // Once the last has answered, `stored` holds the batch.
          const last = requests.at(-1);
          last?.addEventListener('success', () => this.trimAfter(store, stored));
          last?.addEventListener('error', () => this.trimAfter(store, stored));
          deleteAll(recent, recent.index(BY_ARRIVAL).getAllKeys(IDBKeyRange.upperBound(this.now() - RECENT_KEPT_MS, true)));
        });
      });
    }).then((written) => {
      if (written) this.announce(stored);
      for (const { done } of batch) done();
    });
  }

  /**
   * `record`, with what its event says, hashed, when EventSub delivered it (`sessions`); null,
   * said, when that cannot be worked out (an event that is no JSON value, as only a caller of the
   * package could hand in): that record alone is dropped.
   */
  private withContent(record: HistoryRecord): Pending | null {
    if (!record.sessions) return { record, content: null };
    try {
      return { record, content: contentHash(record.event) };
    } catch (error) {
      log.warn('an event could not be stored:', error);
      return null;
    }
  }

  /**
   * Adds `record`, and what it says to RECENT, or, when it is another session's copy of a record
   * in `kept` (those of the last minute that say the same, kept up to date as the batch goes),
   * notes that session on that record instead. Null when nothing was asked of the store for it.
   */
  private addOrNoteCopy(store: IDBObjectStore, recent: IDBObjectStore, { record, content }: Pending, kept: HistoryRecord[], stored: HistoryRecord[]): IDBRequest | null {
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
      if (content !== null) recent.put({ id: record.event.id, content, receivedAt: record.receivedAt } satisfies RecentEntry);
      kept.push(record);
      return request;
    } catch (error) {
      // No usable key, or a value that cannot be cloned: that record alone is dropped.
      log.warn('an event could not be stored:', error);
      return null;
    }
  }

  /**
   * Trims, in the write's own transaction, what the `added` records took past what is kept:
   * every record younger than `keepAllMs`, or the newest `limit` if those are fewer, and never
   * more than `maxRecords`; the oldest go, at most TRIM_BATCH a write. Once a minute (and at the
   * first write) it also drops what is older than `maxAgeMs` and counts the rest, and those
   * younger than `keepAllMs`; in between it goes by its own counts, so another page's writes
   * meanwhile, and records that have grown older than `keepAllMs`, are trimmed after the next
   * count. Reads never return an expired record.
   */
  private trimAfter(store: IDBObjectStore, added: readonly HistoryRecord[]): void {
    const now = this.now();
    const windowStart = now - this.keepAllMs;
    if (this.size !== null && now - this.countedAt < RECOUNT_MS) {
      this.size += added.length;
      this.recent += added.filter((record) => record.receivedAt >= windowStart).length;
      return this.dropOldest(store);
    }
    this.countedAt = now;
    const index = store.index(BY_ARRIVAL);
    deleteAll(store, index.getAllKeys(IDBKeyRange.upperBound(this.oldestKept(), true), TRIM_BATCH), () => {
      // Asked after the deletes, answered after them: a transaction's requests run in order.
      const all = store.count();
      const recent = index.count(IDBKeyRange.lowerBound(windowStart));
      recent.onsuccess = () => {
        this.size = all.result;
        this.recent = recent.result;
        this.dropOldest(store);
      };
    });
  }

  /** Deletes the oldest records past what is kept (see trimAfter), at most TRIM_BATCH. */
  private dropOldest(store: IDBObjectStore): void {
    const kept = Math.min(this.maxRecords, Math.max(this.limit, this.recent));
    const count = Math.min((this.size ?? 0) - kept, TRIM_BATCH);
    if (count <= 0) return;
    this.size = (this.size ?? 0) - count;
    this.recent = Math.min(this.recent, this.size);
    deleteAll(store, store.index(BY_ARRIVAL).getAllKeys(null, count));
  }

  /**
   * Runs `work` in a read-write transaction; true once it committed. A failure (a full disk
   * fails the commit) becomes `problem`, and the next write tries again: a write that commits
   * clears it.
   */
  private write(work: (store: IDBObjectStore, recent: IDBObjectStore) => void): Promise<boolean> {
    const db = this.db;
    if (!db) return Promise.resolve(false);
    return new Promise((resolve) => {
      const failed = (error: unknown) => {
        this.currentProblem = `events are not stored: ${describeStorageError(error)}`;
        log.warn(`the event history could not store events: ${describeStorageError(error)}`);
        resolve(false);
      };
      try {
        const transaction = db.transaction([RECORDS, RECENT], 'readwrite');
        transaction.oncomplete = () => {
          if (this.db) this.currentProblem = null;
          resolve(true);
        };
        transaction.onabort = () => {
          // What this write counted or trimmed did not happen: count again next time.
          this.size = null;
          failed(transaction.error);
        };
        work(transaction.objectStore(RECORDS), transaction.objectStore(RECENT));
      } catch (error) {
        failed(error);
      }
    });
  }

  /** Tells this page's listeners and every other page of the origin about newly stored records. */
  private announce(records: readonly HistoryRecord[]): void {
    if (records.length === 0) return;
    this.openChannel()?.postMessage({ v: 1, records } satisfies StoredMessage);
    this.deliver(records);
  }

}
