import tmi from 'tmi.js';
import type { ChatTransport, ChatTransportEvents } from './chat-transport.js';
import { createLogger } from '../../core/logger.js';

export interface ChatServer {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
}

/** Twitch chat. Plain `ws://…:80` was shut down on 2025-08-15 (§1.1): TLS only. */
export const TWITCH_CHAT_SERVER: ChatServer = { host: 'irc-ws.chat.twitch.tv', port: 443, secure: true };

export interface TmiTransportOptions {
  readonly channel: string;
  /** Log in as this user; absent means anonymous `justinfan…`, read-only (§1.2). */
  readonly identity?: { readonly login: string; readonly token: () => string | Promise<string> };
  /** Defaults to Twitch. Tests point it at a fake server on 127.0.0.1. */
  readonly server?: ChatServer;
  /** tmi.js's own reconnect timing: first delay, growth and cap. Defaults 1000 ms, 1.5, 30000 ms (§1.3). */
  readonly reconnect?: { readonly initialMs?: number; readonly factor?: number; readonly maxMs?: number };
}

/** The parts of a tmi.js client this transport touches beyond its typings. */
interface TmiInternals {
  ws: WebSocket | null;
  handleMessage(message: unknown): void;
  reconnect: boolean;
  reconnectTimer: number;
  on(event: 'raw_message', listener: (copy: unknown, message: { raw: string }) => void): void;
}

const log = createLogger('tmi');

/** tmi.js logs every unknown line with its JSON; keep that out of the console unless debugging. */
const quietLogger = { info: log.debug, warn: log.debug, error: log.warn };

/**
 * tmi.js handles each line of a frame in a loop, and throws on some malformed ones (a PRIVMSG
 * without text reads `null.match`); the throw drops every later line of that frame. Our
 * listener has already seen the line by then (`raw_message` comes first), so a failure in
 * tmi.js's own handling is logged and the loop goes on.
 */
function guardLineHandler(client: TmiInternals): void {
  const handle = client.handleMessage.bind(client);
  client.handleMessage = (message) => {
    try {
      handle(message);
    } catch (error) {
      log.debug('tmi.js could not handle a line:', error);
    }
  };
}

/**
 * A ChatTransport on tmi.js: login, CAP, PING/PONG, RECONNECT and reconnect backoff are
 * tmi.js's. We only take each raw line from its `raw_message` event and parse it ourselves.
 */
export class TmiTransport implements ChatTransport {
  private client: (tmi.Client & TmiInternals) | null = null;

  constructor(private readonly options: TmiTransportOptions) {}

  connect(events: ChatTransportEvents): void {
    const server = this.options.server ?? TWITCH_CHAT_SERVER;
    const { identity, reconnect = {} } = this.options;
    const client = new tmi.Client({
      // The Kraken emote-set fetch is dead (§1.10 pitfall 1); membership floods big channels.
      options: { skipUpdatingEmotesets: true, skipMembership: true },
      connection: {
        // Both server and port are always given: with only a server tmi.js falls back to ws://…:80 (§1.10 pitfall 2).
        server: server.host,
        port: server.port,
        secure: server.secure,
        reconnect: true,
        reconnectInterval: reconnect.initialMs ?? 1000,
        reconnectDecay: reconnect.factor ?? 1.5,
        maxReconnectInterval: reconnect.maxMs ?? 30_000,
      },
      identity: identity
        ? { username: identity.login, password: async () => `oauth:${(await identity.token()).replace(/^oauth:/, '')}` }
        : undefined,
      channels: [this.options.channel],
      logger: quietLogger,
    }) as tmi.Client & TmiInternals;
    this.client = client;
    guardLineHandler(client);

    // A stopped client can still report its close after a new one started: only the current one speaks.
    const current = () => this.client === client;
    client.on('raw_message', (_copy, message) => current() && events.line(message.raw));
    client.on('connecting', () => current() && events.connecting());
    client.on('connected', () => current() && events.loggedIn());
    client.on('disconnected', (reason: string) => {
      // tmi.js turns its own reconnect off after a rejected login (§1.2); `reconnectTimer` is its next delay.
      if (current()) events.disconnected(reason, !client.reconnect, client.reconnect ? client.reconnectTimer : undefined);
    });
    // Failures arrive through 'disconnected' as well; the promise only repeats them.
    client.connect().catch(() => undefined);
  }

  disconnect(): void {
    const client = this.client;
    this.client = null;
    if (client) {
      client.reconnect = false;
      client.disconnect().catch(() => undefined);
    }
  }

  send(line: string): void {
    const ws = this.client?.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) throw new Error('chat is not connected');
    ws.send(`${line}\r\n`);
  }

  reconnect(): void {
    // Closing the socket ourselves is what tmi.js's own ping timeout does: it then reconnects.
    this.client?.ws?.close();
  }
}
