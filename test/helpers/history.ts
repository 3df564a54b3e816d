import { DATABASE_VERSION, RECENT, RECORDS, historyDatabaseName, type RecentEntry } from '../../src/sources/history/history-database.js';
import { onSitePage, openInsecurePage, type OverlayPage } from './page.js';

/**
 * Reading and clearing the event history as IndexedDB holds it, in this page or in an overlay
 * page of the build, without our code: what a test counts is what the browser stored. The two
 * functions below use nothing but the page's globals, so an overlay page can run their source.
 */

/** The values in `store` of the database `name`, in key order; [] when there is no such database (none is created). */
function readAll(name: string, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    // No database yet: abort rather than create an empty one that the history would then find without its store.
    request.onupgradeneeded = () => request.transaction!.abort();
    request.onerror = (event) => {
      event.preventDefault();
      if (request.error?.name === 'AbortError') resolve([]);
      else reject(request.error);
    };
    request.onsuccess = () => {
      const db = request.result;
      const all = db.transaction(store).objectStore(store).getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result);
      };
    };
  });
}

/** Puts `values` into `store` of the database `name` (which must hold it), as any page of the origin could. */
function putAll(name: string, store: string, values: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction(store, 'readwrite');
      for (const value of values) transaction.objectStore(store).put(value);
      transaction.oncomplete = () => {
        db.close();
        resolve();
      };
      transaction.onabort = () => reject(transaction.error);
    };
  });
}

/**
 * Opens a read-write transaction on `store` of the database `name` and keeps it going with one
 * request after another until `window.releaseHistory` is set: every other page's write to the
 * store waits for it meanwhile, as IndexedDB runs them one at a time.
 */
function hold(name: string, store: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const transaction = db.transaction(store, 'readwrite');
      const held = transaction.objectStore(store);
      const page = window as { releaseHistory?: boolean };
      page.releaseHistory = false;
      const next = () => {
        if (!page.releaseHistory) held.count().onsuccess = next;
      };
      next();
      transaction.oncomplete = () => db.close();
      resolve();
    };
  });
}

/** Creates the database `name` at `version`, empty (as a build with another layout would leave it), and closes it. */
function createAt(name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
  });
}

/** Deletes every database whose name starts with `prefix`. */
async function deleteAll(prefix: string): Promise<void> {
  const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith(prefix));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
    ),
  );
}

const HISTORIES = historyDatabaseName('');
const call = (fn: (...args: never[]) => unknown, ...args: unknown[]) => `(${fn.toString()})(${args.map((arg) => JSON.stringify(arg)).join(', ')})`;

/** The records stored for `userId` in this page's origin. */
export const storedRecords = (userId: string): Promise<unknown[]> => readAll(historyDatabaseName(userId), RECORDS);

/** What the writer keeps of the last minutes' events for `userId` in this page's origin, to find another session's copy (RECENT). */
export const recentEntries = (userId: string): Promise<RecentEntry[]> => readAll(historyDatabaseName(userId), RECENT) as Promise<RecentEntry[]>;

/** Deletes every event history of this page's origin. */
export const deleteHistories = (): Promise<void> => deleteAll(HISTORIES);

/** The records stored for `userId` in the origin of an overlay page. */
export const storedRecordsIn = (page: OverlayPage, userId: string): Promise<unknown[]> => page.eval(call(readAll, historyDatabaseName(userId), RECORDS));

/** The ids of the events stored for `userId` in the origin of an overlay page, sorted: an id twice would be an event stored twice. */
export async function storedIdsIn(page: OverlayPage, userId: string): Promise<string[]> {
  return ((await storedRecordsIn(page, userId)) as { event: { id: string } }[]).map((record) => record.event.id).sort();
}

/** Deletes every event history of an overlay page's origin. */
export const deleteHistoriesIn = (page: OverlayPage): Promise<void> => page.eval(call(deleteAll, HISTORIES));

/** Puts records into `userId`'s history in the origin of an overlay page, past our code (its database must exist). */
export const putRecordsIn = (page: OverlayPage, userId: string, values: unknown[]): Promise<void> => page.eval(call(putAll, historyDatabaseName(userId), RECORDS, values));

/** Holds `userId`'s history in the origin of an overlay page from that page: the origin's writes wait until releaseHistory. */
export const holdHistory = (page: OverlayPage, userId: string): Promise<void> => page.eval(call(hold, historyDatabaseName(userId), RECORDS));

/** Lets the origin's writes go on (see holdHistory). */
export const releaseHistory = (page: OverlayPage): Promise<void> => page.eval('void (window.releaseHistory = true)');

/** Leaves `userId`'s history in the origin of an overlay page as a newer build would: one version up. */
export const newerHistoryIn = (page: OverlayPage, userId: string): Promise<void> => page.eval(call(createAt, historyDatabaseName(userId), DATABASE_VERSION + 1));

/**
 * Deletes every event history of the built site's origin, for a test whose event list must
 * start empty: the overlays of earlier tests in this browser context stored their events there.
 */
export const clearSiteHistories = (): Promise<void> => onSitePage(deleteHistoriesIn);

/** The same for the site served under its non-secure host name (openInsecurePage): an origin of its own. */
export const clearInsecureSiteHistories = (): Promise<void> => onSitePage(deleteHistoriesIn, openInsecurePage);
