import { BY_ARRIVAL, BY_KIND, RECORDS, historyDatabaseName } from '../../src/sources/history/history-database.js';
import type { HistoryRecord } from '../../src/sources/history/history-record.js';

/** Records put in one transaction: a history at the ceiling is filled in many. */
const PUT_BATCH = 2000;

/**
 * `userId`'s history as the build of database `version` laid it out, holding `records`: the
 * records store keyed by the event id, with the arrival index, and from version 2 the kind index.
 * For what an upgrade from it must keep (the tests) and costs (the bench). It closes when a newer
 * version opens the database.
 */
export async function olderHistory(userId: string, version: 1 | 2, records: readonly HistoryRecord[]): Promise<IDBDatabase> {
  const request = indexedDB.open(historyDatabaseName(userId), version);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore(RECORDS, { keyPath: 'event.id' });
    store.createIndex(BY_ARRIVAL, 'receivedAt');
    if (version >= 2) store.createIndex(BY_KIND, ['event.kind', 'receivedAt']);
  };
  const db = await new Promise<IDBDatabase>((resolve, reject) => Object.assign(request, { onsuccess: () => resolve(request.result), onerror: () => reject(request.error) }));
  db.onversionchange = () => db.close();
  for (let i = 0; i < records.length; i += PUT_BATCH) {
    const transaction = db.transaction(RECORDS, 'readwrite');
    for (const record of records.slice(i, i + PUT_BATCH)) transaction.objectStore(RECORDS).put(record);
    await new Promise((resolve, reject) => Object.assign(transaction, { oncomplete: resolve, onabort: () => reject(transaction.error) }));
  }
  return db;
}
