import { createLogger } from '../../../core/logger.js';
import type { Election, ElectionEvents } from './election.js';

const log = createLogger('eventsub');

/**
 * Asks for the Web Lock `name` (Chromium 69+): the first page of the origin to ask holds it,
 * the others wait in line. The holder keeps it until it leaves or its page goes away (closed,
 * or unloaded by OBS's "Shutdown source when not visible"); the browser then grants it to the
 * next page in line, which is told through `onElected`. Leaving before the grant leaves the
 * line. `seize()` steals the lock (the dock taking the connection over): the browser rejects
 * the holder's request, which is told through `onDeposed` and waits in line again.
 */
export function electOwner(locks: LockManager, name: string, events: ElectionEvents): Election {
  let line = new AbortController();
  let release = () => {};
  let left = false;
  /** Holding the lock, or asking to steal it: a second seize changes nothing. */
  let seized = false;

  const request = (steal: boolean) => {
    const ask = (line = new AbortController());
    let holding = false;
    const held = new Promise<void>((resolve) => (release = resolve));
    // A steal cannot wait in line, so it takes no signal; a stolen lock rejects its holder's request.
    locks
      .request(name, steal ? { steal } : { signal: ask.signal }, () => {
        if (ask.signal.aborted) return undefined;
        holding = true;
        seized = true;
        events.onElected();
        return held;
      })
      .catch((error: unknown) => {
        if (ask.signal.aborted) return;
        if (holding && error instanceof DOMException && error.name === 'AbortError') {
          seized = false;
          events.onDeposed();
          if (!left) enterLine();
        } else log.warn('the connection owner election failed; this page will not open one:', error);
      });
  };
  const enterLine = () => request(false);
  const quit = () => {
    line.abort();
    release();
  };
  enterLine();
  return {
    seize: () => {
      if (left || seized) return;
      seized = true;
      quit();
      request(true);
    },
    leave: () => {
      left = true;
      quit();
    },
  };
}
