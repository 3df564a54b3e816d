/**
 * The history's IndexedDB database: one per broadcaster and origin, with one object store of
 * records keyed by the event's id (the EventSub message id), an index on when they arrived and
 * one on their kind and when they arrived; and a small store of what the last minutes' events
 * say (RECENT). A build that changes this layout raises DATABASE_VERSION and upgrades the data it
 * finds: version 2 added BY_KIND, which IndexedDB builds over the records already stored;
 * version 3 added RECENT, which starts empty, so the upgrade reads no record.
 */
export const DATABASE_VERSION = 3;
export const RECORDS = 'records';
/** The index on `receivedAt` (of RECORDS and of RECENT): reads go newest or oldest first, trimming starts from the oldest. */
export const BY_ARRIVAL = 'receivedAt';
/** The index on `[event.kind, receivedAt]`: a read of some kinds walks those alone, not every record between. */
export const BY_KIND = 'kind';
/**
 * The events EventSub delivered in the last minutes, each as `{ id, content, receivedAt }`: what
 * it says, hashed (contentHash), for the writer to find another session's copy of an event it
 * stores among the few that say the same (EventHistory), not among every record of the minute.
 * Written and trimmed with the records; events stored before version 3 are not in it.
 */
export const RECENT = 'recent';
/** RECENT's index on `content`. */
export const BY_CONTENT = 'content';

/** An entry of RECENT. */
export interface RecentEntry {
  /** The record's key, its event's id. */
  readonly id: string;
  readonly content: string;
  readonly receivedAt: number;
}

export function historyDatabaseName(userId: string): string {
  return `ovl:history:${userId}`;
}

/** What a page is told when the database did not open: the reason, for `?debug`. */
export type OpenedDatabase = { readonly db: IDBDatabase } | { readonly problem: string };

/** Why a request or transaction failed, in words a streamer can act on. */
export function describeStorageError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = name ? [name, (error as Error).message].filter(Boolean).join(': ') : String(error);
  switch (name) {
    case 'QuotaExceededError':
      return `the disk is full or the browser's storage quota is used up (${detail})`;
    case 'VersionError':
      return `it was made by a newer version of these overlays: update this one (${detail})`;
    case 'SecurityError':
      return `the browser does not allow storage for this page (${detail})`;
    case 'InvalidStateError':
    case 'UnknownError':
      return `the browser could not open its storage, as in a private window or with a damaged profile (${detail})`;
    default:
      return detail;
  }
}

/**
 * Opens (and on first use creates) the database named `name`, or says why it cannot: no
 * IndexedDB, storage refused (an opaque origin, a private window), a version made by a newer
 * build, a full disk, or an upgrade that another page blocks by holding an older version open.
 * Never rejects. A blocked open answers at once rather than when the other page lets go, so an
 * overlay never waits on another page; if it completes later, that connection is closed.
 */
export function openHistoryDatabase(factory: IDBFactory | null, name: string): Promise<OpenedDatabase> {
  if (!factory) return Promise.resolve({ problem: 'this browser offers no IndexedDB' });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: OpenedDatabase) => {
      if (!settled) resolve(result);
      settled = true;
    };
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, DATABASE_VERSION);
    } catch (error) {
      settle({ problem: describeStorageError(error) });
      return;
    }
    request.onupgradeneeded = () => {
      const records = request.result.objectStoreNames.contains(RECORDS) ? request.transaction!.objectStore(RECORDS) : request.result.createObjectStore(RECORDS, { keyPath: 'event.id' });
      if (!records.indexNames.contains(BY_ARRIVAL)) records.createIndex(BY_ARRIVAL, 'receivedAt');
      if (!records.indexNames.contains(BY_KIND)) records.createIndex(BY_KIND, ['event.kind', 'receivedAt']);
      if (!request.result.objectStoreNames.contains(RECENT)) {
        const recent = request.result.createObjectStore(RECENT, { keyPath: 'id' });
        recent.createIndex(BY_CONTENT, 'content');
        recent.createIndex(BY_ARRIVAL, 'receivedAt');
      }
    };
    request.onsuccess = () => {
      const db = request.result;
      if (settled) return db.close();
      // A database of this name made by something else, at our version, without our store.
      if (!db.objectStoreNames.contains(RECORDS)) {
        db.close();
        return settle({ problem: `the database "${name}" holds no event records (made by another program?)` });
      }
      settle({ db });
    };
    request.onerror = (event) => {
      event.preventDefault();
      settle({ problem: describeStorageError(request.error) });
    };
    request.onblocked = () => settle({ problem: 'another page holds an older version of the history open: reload or close it' });
  });
}
