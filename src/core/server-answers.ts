import type { Schedule } from './schedule.js';

/**
 * Whether anything answers HTTP at a WebSocket URL's host and port: a `no-cors` GET of its
 * http(s) twin, which resolves on any answer (even an error status, unreadable from here) and
 * rejects when the connection is refused or cut. False too after `timeoutMs` without an answer.
 *
 * Why not simply open the WebSocket: Chromium holds each new WebSocket of a renderer process
 * back by up to 5 s once many of its recent ones failed (services/network/websocket_throttler.cc;
 * the formula at UNASKED_EVERY_MS in source.ts). WebSockets refused every 4 s would add that to
 * the one that finds the server back; a refused fetch counts for nothing there.
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
