import type { Schedule } from './schedule.js';

/**
 * Whether anything answers HTTP at a WebSocket URL's host and port: a `no-cors` GET of its
 * http(s) twin, which resolves on any answer (even an error status, unreadable from here) and
 * rejects when the connection is refused or cut. False too after `timeoutMs` without an answer.
 *
 * Why not simply open the WebSocket: Chromium delays each new WebSocket of a page by up to
 * 5 s once many of its connections failed (services/network/websocket_throttler.cc: 1–5 s ×
 * 2^min(failures ÷ (successes + 1), 16) ÷ 65536, over the last 2–4 minutes). Ten minutes of
 * refused retries would add that to the one that finds the server back; a refused fetch
 * counts for nothing there.
 */
export async function serverAnswers(socketUrl: URL, schedule: Schedule, timeoutMs: number): Promise<boolean> {
  const url = new URL(socketUrl.href);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  const abort = new AbortController();
  const cancel = schedule(() => abort.abort(), timeoutMs);
  try {
    await fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit', signal: abort.signal });
    return true;
  } catch {
    return false;
  } finally {
    cancel();
  }
}
