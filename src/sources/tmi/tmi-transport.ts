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
 * Lines tmi.js never sees. The chat lines that come in floods: its events for them go unused
 * (ChatSource makes its own). And RECONNECT, which would make tmi.js reconnect by itself on
 * its own timer: reconnecting is the ChatSource's (§1.3). Everything else (PING, numerics,
 * NOTICE, JOIN, USERSTATE, ROOMSTATE, the rare WHISPER …) still reaches it, since login and
 * keep-alive are its job.
 */
const NOT_FOR_TMI = new Set(['PRIVMSG', 'USERNOTICE', 'CLEARMSG', 'CLEARCHAT', 'RECONNECT']);

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
 * A ChatTransport on tmi.js: login, CAP and PING/PONG are tmi.js's; each `connect()` is one
 * client, made with tmi.js's own reconnect off. tmi.js retries on a fixed schedule of its own
 * (×1.5 up to 30 s, no jitter, on timers a test cannot step): a chat that came back at that
 * cap would wait up to 30 s for Twitch's return, and many overlays would retry in step. So
 * a lost connection is only reported, once, and the ChatSource reconnects through the
 * backoff every source shares. Each line is parsed once, by us (tmi.js coerces tags, §1.10 pitfalls 3 and 5):
 * we take over tmi.js's frame handler, hand every line with its parse to the ChatSource, and
 * pass tmi.js the connection lines it needs already parsed. (tmi.js's `raw_message` event
 * would cost its own parse plus a JSON copy per line: a third of the time at 5,000 msg/s.)
 */
export class TmiTransport implements ChatTransport {
  private client: (tmi.Client & TmiInternals) | null = null;

  constructor(private readonly options: TmiTransportOptions) {}

  connect(events: ChatTransportEvents): void {
    const server = this.options.server ?? TWITCH_CHAT_SERVER;
    const { identity } = this.options;
    const client = new tmi.Client({
      // The Kraken emote-set fetch is dead (§1.10 pitfall 1); membership floods big channels.
      options: { skipUpdatingEmotesets: true, skipMembership: true },
      connection: {
        // Both server and port are always given: with only a server tmi.js falls back to ws://…:80 (§1.10 pitfall 2).
        server: server.host,
        port: server.port,
        secure: server.secure,
        reconnect: false,
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
        if (message && !NOT_FOR_TMI.has(message.command)) client.handleMessage(toTmiMessage(raw, message));
      }
    };
    client.on('connecting', () => current() && events.connecting());
    client.on('connected', () => current() && events.loggedIn());
    client.on('disconnected', (reason: string) => {
      // tmi.js says so twice for a socket that never opened (its error and its close handler): once is news.
      if (!current()) return;
      this.client = null;
      events.disconnected(reason);
    });
    // Failures arrive through 'disconnected' as well; the promise only repeats them.
    client.connect().catch(() => undefined);
  }

  disconnect(): void {
    const client = this.client;
    this.client = null;
    client?.disconnect().catch(() => undefined);
  }

  send(line: string): void {
    const ws = this.client?.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) throw new Error('chat is not connected');
    ws.send(`${line}\r\n`);
  }
}
