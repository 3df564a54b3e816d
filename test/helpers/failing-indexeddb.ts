/**
 * IndexedDB factories that fail the way Chromium fails, for the cases a test cannot bring about
 * for real in its own page. Where the browser can fail for real (a newer version, a full disk,
 * another page holding a database open), the tests do that instead.
 */

/** As in an opaque origin (a sandboxed frame, a `data:` page) or with storage blocked: `open()` throws. */
export function refusingFactory(): IDBFactory {
  const open = () => {
    throw new DOMException("Failed to execute 'open' on 'IDBFactory': access to the Indexed Database API is denied in this context.", 'SecurityError');
  };
  return { open } as unknown as IDBFactory;
}

/** As when Chromium cannot open its backing store (a damaged or read-only profile): the request fails with UnknownError. */
export function brokenStoreFactory(): IDBFactory {
  const open = () => {
    const request = { error: new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError'), onerror: null as ((event: Event) => void) | null };
    setTimeout(() => request.onerror?.(new Event('error', { cancelable: true })));
    return request;
  };
  return { open } as unknown as IDBFactory;
}

/**
 * The page's real IndexedDB, asked for one version more than the caller asks for: the caller
 * acts as the next build upgrading the database, so another connection that holds the current
 * version open really blocks it.
 */
export function nextVersionFactory(): IDBFactory {
  const open = (name: string, version = 1) => indexedDB.open(name, version + 1);
  return { open } as unknown as IDBFactory;
}

/** Opens `name` at `version` with no store in it (another build, or another program), and keeps it open until `close()`. */
export function holdDatabase(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
