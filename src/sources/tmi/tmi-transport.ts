import tmi from 'tmi.js';
import type { ChatTransport, ChatTransportEvents } from './chat-transport.js';
import { createLogger } from '../../core/logger.js';
import { parseIrcLine, type IrcMessage, type IrcPrefix } from './irc-message.js';

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
  /** The IRC parser; tests count its calls. Defaults to `parseIrcLine`. */
  readonly parse?: (line: string) => IrcMessage | null;
}

/**
 * The parts of a tmi.js client this transport touches beyond its typings (exported for the
 * test that checks tmi.js still has them: test/sources/tmi/tmi-hook.test.ts).
 */
export interface TmiInternals {
  ws: WebSocket | null;
  handleMessage(message: TmiMessage): void;
  /** tmi.js binds this to `ws.onmessage` when it opens a socket: it splits the frame and parses each line. */
  _onMessage(event: MessageEvent): void;
  reconnect: boolean;
  reconnectTimer: number;
}

/** A line the way tmi.js's own parser hands it to `handleMessage`. */
export interface TmiMessage {
  raw: string;
  tags: Record<string, string | null>;
  prefix: string | null;
  command: string;
  params: readonly string[];
}

/**
 * The chat lines that come in floods. tmi.js's events for them go unused (ChatSource makes its
 * own), so tmi.js never sees them; everything else (PING, RECONNECT, numerics, NOTICE, JOIN,
 * USERSTATE, ROOMSTATE, the rare WHISPER …) still reaches it, since login, keep-alive and
 * reconnects are its job.
 */
const CHAT_CONTENT = new Set(['PRIVMSG', 'USERNOTICE', 'CLEARMSG', 'CLEARCHAT']);

function prefixText(prefix: IrcPrefix | null): string | null {
  if (!prefix) return null;
  if (prefix.nick === null) return prefix.host;
  return `${prefix.nick}${prefix.user !== null ? `!${prefix.user}` : ''}${prefix.host ? `@${prefix.host}` : ''}`;
}

/**
 * Our parse in tmi.js's shape, so it does not parse the line again. Tag values are already
 * unescaped; tmi.js unescapes them once more, which can only touch its own state (userstate,
 * roomstate), never anything we show.
 */
function toTmiMessage(raw: string, message: IrcMessage): TmiMessage {
  return { raw, tags: { ...message.tags }, prefix: prefixText(message.prefix), command: message.command, params: message.params };
}

const log = createLogger('tmi');

/** tmi.js logs every unknown line with its JSON; keep that out of the console unless debugging. */
const quietLogger = { info: log.debug, warn: log.debug, error: log.warn };

/**
 * tmi.js throws on some malformed lines (a PRIVMSG without text reads `null.match`); inside our
 * frame loop that would drop every later line of the frame. The ChatSource has already seen
 * the line by then, so a failure in tmi.js's own handling is logged and the loop goes on.
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
 * tmi.js's. Each line is parsed once, by us (tmi.js coerces tags, §1.10 pitfalls 3 and 5):
 * we take over tmi.js's frame handler, hand every line with its parse to the ChatSource, and
 * pass tmi.js the connection lines it needs already parsed. (tmi.js's `raw_message` event
 * would cost its own parse plus a JSON copy per line: a third of the time at 5,000 msg/s.)
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
    const parse = this.options.parse ?? parseIrcLine;
    client._onMessage = (event) => {
      for (const raw of String(event.data).split('\r\n')) {
        if (raw === '') continue;
        const message = parse(raw);
        if (current()) events.line(raw, message);
        if (message && !CHAT_CONTENT.has(message.command)) client.handleMessage(toTmiMessage(raw, message));
      }
    };
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
