import { createLogger } from '../../core/logger.js';
import { BY_ARRIVAL, BY_KIND, RECORDS, describeStorageError, historyDatabaseName, openHistoryDatabase, type OpenedDatabase } from './history-database.js';
import { matchesQuery, readHistoryRecord, type HistoryQuery, type HistoryRecord } from './history-record.js';

export interface HistoryReaderOptions {
  /** The broadcaster: one database per user and origin, so two channels never mix. */
  readonly userId: string;
  /** Records older than this (by `receivedAt`) go, and are never read. Default 30 days. */
  readonly maxAgeMs?: number;
  /** Default: the page's `indexedDB`; null: unavailable (the history then works live-only). */
  readonly indexedDB?: IDBFactory | null;
  readonly now?: () => number;
}

export const DEFAULT_HISTORY_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

/** What a page posts on the history's channel when records are stored; `v` is the message version. */
export interface StoredMessage {
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

/** Opens the user's history database, or says (and tells the console) why it cannot. */
export async function openUserHistory(options: HistoryReaderOptions): Promise<OpenedDatabase> {
  const opened = await openHistoryDatabase(options.indexedDB === undefined ? pageIndexedDB() : options.indexedDB, historyDatabaseName(options.userId));
  if ('problem' in opened) log.warn(`the event history is unavailable: ${opened.problem}. Events are shown live only.`);
  return opened;
}

/**
 * The reading side of the event history (EventHistory, which also writes): what a page that
 * only shows what is stored needs, kept apart so that the label page, which loads this up front,
 * does not load the writing too. Reads of some kinds walk an index of those kinds alone, so a
 * rare one costs little among many records; reads check every record (readHistoryRecord).
 *
 * Nothing here throws or rejects. Where the store is unavailable (no IndexedDB, storage refused,
 * a version made by a newer build, a blocked upgrade) or fails later (a full disk), `problem`
 * says why, for `?debug`, and reads answer empty: the overlay runs live.
 */
export class HistoryReader {
  protected db: IDBDatabase | null;
  protected currentProblem: string | null;
  protected readonly maxAgeMs: number;
  protected readonly now: () => number;
  private readonly channelName: string;
  private channel: BroadcastChannel | null = null;
  private readonly listeners = new Set<Listener>();
  private warnedMalformed = false;

  /** Opens the user's history to read; never rejects (see `problem`). */
  static async open(options: HistoryReaderOptions): Promise<HistoryReader> {
    return new HistoryReader(options, await openUserHistory(options));
  }

  protected constructor(options: HistoryReaderOptions, opened: OpenedDatabase) {
    this.db = 'db' in opened ? opened.db : null;
    this.currentProblem = 'problem' in opened ? opened.problem : null;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_HISTORY_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
    this.channelName = `ovl:history:v1:${options.userId}`;
    if (this.db) {
      // A newer build upgrading the database: step aside rather than block it.
      this.db.onversionchange = () => this.lose('a newer version of these overlays took the history over: reload this page');
      this.db.onclose = () => this.lose('the browser closed the history (site data cleared?)');
    }
  }

  /** Why events are not stored now, or null while they are. */
  get problem(): string | null {
    return this.currentProblem;
  }

  /** Up to `count` records that match `query`, newest first. */
  latest(count: number, query: HistoryQuery = {}): Promise<HistoryRecord[]> {
    return this.read(0, query, (index, range, found) => {
      if (count <= 0) return;
      let matched = 0;
      let last = 0;
      const request = index.openCursor(range, 'prev');
      request.onsuccess = () => {
        const cursor = request.result;
        // Past `count`, on through what arrived in the same millisecond as the last match: which of those is newest, their send times say.
        if (!cursor || (matched >= count && cursor.value.receivedAt !== last)) return;
        const record = this.readRecord(cursor.value, query);
        if (record) {
          found.push(record);
          matched++;
          last = record.receivedAt;
        }
        cursor.continue();
      };
    }).then((found) => found.sort(newestFirst).slice(0, count));
  }

  /** The records received at or after `epochMs` that match `query`, oldest first. */
  since(epochMs: number, query: HistoryQuery = {}): Promise<HistoryRecord[]> {
    return this.read(epochMs, query, (index, range, found) => {
      const request = index.getAll(range);
      request.onsuccess = () => {
        for (const value of request.result) {
          const record = this.readRecord(value, query);
          if (record) found.push(record);
        }
      };
    }).then((found) => found.sort((a, b) => newestFirst(b, a)));
  }

  /** Calls `listener` with each record stored from now on by any page of the origin (this one included). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    this.openChannel();
    return () => void this.listeners.delete(listener);
  }

  /** Lets go of the database and the channel. */
  close(): void {
    this.db?.close();
    this.db = null;
    this.channel?.close();
    this.channel = null;
    this.listeners.clear();
  }

  protected oldestKept(): number {
    return this.now() - this.maxAgeMs;
  }

  private lose(problem: string): void {
    this.db?.close();
    this.db = null;
    this.currentProblem = problem;
    log.warn(`the event history stopped: ${problem}. Events are shown live only.`);
  }

  /**
   * Runs `work` in one read-only transaction on each range that holds what `query` asks for,
   * from `from` on: the arrival index's, or with `kinds` the kind index's, one range per kind, so
   * a read of raids walks raids alone. Resolves with what `work` found once all is read; with
   * nothing if it cannot run or fails.
   */
  private read(from: number, { kinds }: HistoryQuery, work: (index: IDBIndex, range: IDBKeyRange, found: HistoryRecord[]) => void): Promise<HistoryRecord[]> {
    const db = this.db;
    if (!db) return Promise.resolve([]);
    return new Promise((resolve) => {
      const failed = (error: unknown) => {
        log.warn(`the event history could not be read: ${describeStorageError(error)}`);
        resolve([]);
      };
      try {
        const transaction = db.transaction(RECORDS, 'readonly');
        const found: HistoryRecord[] = [];
        transaction.oncomplete = () => resolve(found);
        transaction.onabort = () => failed(transaction.error);
        const start = Math.max(from, this.oldestKept());
        const index = transaction.objectStore(RECORDS).index(kinds ? BY_KIND : BY_ARRIVAL);
        const ranges = kinds ? [...new Set(kinds)].map((kind) => IDBKeyRange.bound([kind, start], [kind, Infinity])) : [IDBKeyRange.lowerBound(start)];
        for (const range of ranges) work(index, range, found);
      } catch (error) {
        failed(error);
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

  protected openChannel(): BroadcastChannel | null {
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

  protected deliver(records: readonly HistoryRecord[]): void {
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
