import { createLogger } from '../../../core/logger.js';

const log = createLogger('eventsub');

/**
 * Asks for the Web Lock `name` (Chromium 69+): the first page of the origin to ask holds it,
 * the others wait in line. The holder keeps it until it calls the returned release or its page
 * goes away (closed, or unloaded by OBS's "Shutdown source when not visible"); the browser then
 * grants it to the next page in line, which is told through `onElected`. Releasing before the
 * grant leaves the line.
 */
export function electOwner(locks: LockManager, name: string, onElected: () => void): () => void {
  const leave = new AbortController();
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  locks
    .request(name, { signal: leave.signal }, () => {
      if (leave.signal.aborted) return undefined;
      onElected();
      return held;
    })
    .catch((error: unknown) => {
      if (!leave.signal.aborted) log.warn('the connection owner election failed; this page will not open one:', error);
    });
  return () => {
    leave.abort();
    release();
  };
}
