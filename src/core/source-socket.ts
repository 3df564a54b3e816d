import { SourceError } from './errors.js';
import { parseUrl } from './parse-url.js';
import { realSchedule, type Schedule } from './schedule.js';
import type { Backoff } from './backoff.js';

/** A WebSocket class: the browser's, or one the simulator or a replay supplies. */
export type WebSocketClass = new (url: string) => WebSocket;

/** What every WebSocket source accepts for its connection, beside its own options. */
export interface SocketSourceOptions {
  /** The server; defaults to Twitch's. Tests point it at a fake server on 127.0.0.1. */
  readonly url?: string;
  /** The WebSocket class; the simulator and `?replay` pass one that plays traffic. */
  readonly WebSocket?: WebSocketClass;
  /** Sees each raw incoming frame before it is parsed (`?record`). */
  readonly tap?: (data: string) => void;
  /** Delays between reconnects. */
  readonly backoff?: Backoff;
  /** A socket not open this long after it was made is abandoned and retried. Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Runs the connect timeout and the source's other timers; tests step it. */
  readonly schedule?: Schedule;
}

/** Why a socket ended, as its owner hears it: once, and never for a `close()` of its own. */
export interface SocketEnd {
  readonly code: number;
  readonly reason: string;
  /** Whether it ever opened: a server that refuses the handshake ends a socket that never did. */
  readonly opened: boolean;
  /** It did not open within the connect timeout. */
  readonly timedOut: boolean;
}

export interface SocketHandlers {
  open?(): void;
  message(data: string): void;
  end(end: SocketEnd): void;
}

/** Default for `connectTimeoutMs`: a handshake that takes longer is not coming. */
export const CONNECT_TIMEOUT_MS = 10_000;

/** What an http(s) URL becomes as a WebSocket's. */
const SOCKET_SCHEMES: Readonly<Record<string, string>> = { 'http:': 'ws:', 'https:': 'wss:' };

/**
 * `text` as a WebSocket URL, or a `config` error (not retried) that names it. An http(s) URL
 * means ws(s), as the WebSocket standard now reads it (an older Chromium such as OBS's 103
 * would throw): the Twitch CLI's `session_reconnect` names its server so.
 */
export function webSocketUrl(text: string): URL {
  const url = parseUrl(text);
  const scheme = url && SOCKET_SCHEMES[url.protocol];
  if (url && scheme) url.protocol = scheme;
  if (!url || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) {
    throw new SourceError('config', `Not a WebSocket URL: "${text}". It starts with wss://.`);
  }
  return url;
}

/**
 * One WebSocket of a source, with the plumbing every socket source needs: a guarded
 * constructor (a malformed URL is a `config` error, never an uncaught exception), a connect
 * timeout, the `?record` tap, and one `end` report however the socket ends. `close()` detaches
 * first, so a socket we are done with is never taken for a dropped connection.
 */
export class SourceSocket {
  private socket: WebSocket | null;
  private cancelTimeout: (() => void) | null;
  private isOpen = false;

  /** Throws a `config` SourceError when `url` cannot be a WebSocket URL. */
  constructor(url: string, handlers: SocketHandlers, options: SocketSourceOptions = {}) {
    const target = webSocketUrl(url).href;
    let socket: WebSocket;
    try {
      socket = new (options.WebSocket ?? WebSocket)(target);
    } catch (error) {
      throw new SourceError('config', `Not a WebSocket URL: "${url}".`, { cause: error });
    }
    this.socket = socket;
    const timeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
    this.cancelTimeout = (options.schedule ?? realSchedule)(() => {
      this.cancelTimeout = null;
      this.close();
      handlers.end({ code: 1006, reason: `it did not open within ${timeoutMs / 1000} s`, opened: false, timedOut: true });
    }, timeoutMs);
    socket.onopen = () => {
      this.isOpen = true;
      this.stopTimeout();
      handlers.open?.();
    };
    socket.onmessage = (event: MessageEvent) => {
      const data = String(event.data);
      options.tap?.(data);
      handlers.message(data);
    };
    socket.onclose = (event: CloseEvent) => {
      const opened = this.isOpen;
      this.release();
      handlers.end({ code: event.code, reason: event.reason, opened, timedOut: false });
    };
  }

  get open(): boolean {
    return this.isOpen && this.socket !== null;
  }

  /** Sends if open; a frame for a closed socket is dropped (the reconnect sends afresh). */
  send(text: string): void {
    if (this.open) this.socket!.send(text);
  }

  /** Closes without reporting an end. Safe to call more than once. */
  close(): void {
    const socket = this.socket;
    this.release();
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    socket.close(1000);
  }

  private release(): void {
    this.stopTimeout();
    this.socket = null;
    this.isOpen = false;
  }

  private stopTimeout(): void {
    this.cancelTimeout?.();
    this.cancelTimeout = null;
  }
}
