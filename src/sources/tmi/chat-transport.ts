import type { IrcMessage } from './irc-message.js';

/** What a chat connection reports to its ChatSource. */
export interface ChatTransportEvents {
  /**
   * One raw IRC line, as received, with the transport's parse of it when it made one (null:
   * not IRC). Without one, the ChatSource parses the line itself: either way, once.
   */
  line(raw: string, message?: IrcMessage | null): void;
  /** The socket is open and login is under way. */
  connecting(): void;
  /** Logged in (numeric 376); the JOIN follows. */
  loggedIn(): void;
  /**
   * The connection ended by itself (never for `disconnect()`), said once. The transport does
   * not retry: the ChatSource connects again after its backoff, or not, after a refused login.
   */
  disconnected(reason: string): void;
}

/**
 * Carries IRC lines between a ChatSource and a server. The live one wraps tmi.js; the
 * simulator feeds recorded Twitch lines. Normalising and events stay in ChatSource either way.
 */
export interface ChatTransport {
  connect(events: ChatTransportEvents): void;
  disconnect(): void;
  /** Sends one IRC line (without CRLF). */
  send(line: string): void;
}
