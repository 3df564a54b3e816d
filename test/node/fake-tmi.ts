import type { WebSocket } from 'ws';
import { AwayableSocketServer, type Outage } from './outage.js';

/**
 * A TMI server speaking Twitch's IRC-over-WebSocket dialect on 127.0.0.1, enough for
 * tmi.js to log in and join (toolchain.md "Fake servers"): CAP ACK, the 001–376 login
 * numerics in one multi-line frame, JOIN → JOIN/353/366/USERSTATE/ROOMSTATE, PING → PONG.
 * A PASS of `oauth:expired`, or of a token marked with `refuseLogin()`, fails login the way Twitch does. Tests find connections by the
 * channel they joined, so test files can share one server.
 */
interface Connection {
  readonly socket: WebSocket;
  nick: string;
  pass: string | null;
  channel: string | null;
  readonly received: string[];
}

const CRLF = '\r\n';
export const REJECTED_TOKEN = 'oauth:expired';

export function roomIdOf(channel: string): string {
  let hash = 7;
  for (const char of channel) hash = (hash * 31 + char.charCodeAt(0)) % 900_000_000;
  return String(100_000_000 + hash);
}

export class FakeTmiServer {
  private readonly connections = new Set<Connection>();
  /** Channels whose connections get no answer at all: a socket that went quiet. */
  private readonly silentChannels = new Set<string>();
  /** Every line clients sent, by the channel they joined (login lines included). */
  private readonly history = new Map<string, string[]>();
  private readonly joins = new Map<string, number>();
  /** PASS values refused from now on, as when a token is revoked mid-session. */
  private readonly refused = new Set<string>([REJECTED_TOKEN]);
  /** Twitch's chat going away and coming back. */
  readonly outage: Outage;

  private constructor(private readonly server: AwayableSocketServer) {
    this.outage = server.outage;
    server.wss.on('connection', (socket) => this.accept(socket));
  }

  static async start(): Promise<FakeTmiServer> {
    return new FakeTmiServer(await AwayableSocketServer.start());
  }

  get port(): number {
    return this.server.port;
  }

  /** Sends lines to every connection that joined `channel`; all in one frame when `oneFrame`. */
  push(channel: string, lines: readonly string[], oneFrame = false): number {
    const targets = this.joined(channel);
    for (const conn of targets) {
      if (oneFrame) conn.socket.send(lines.join(CRLF) + CRLF);
      else for (const line of lines) conn.socket.send(line + CRLF);
    }
    return targets.length;
  }

  /** Cuts the TCP connection with no close frame, like a network drop. */
  drop(channel: string): number {
    const targets = this.joined(channel);
    for (const conn of targets) conn.socket.terminate();
    return targets.length;
  }

  /** Refuses (or accepts again) logins with `oauth:<token>` from the next one on. */
  refuseLogin(token: string, on: boolean): void {
    if (on) this.refused.add(`oauth:${token}`);
    else this.refused.delete(`oauth:${token}`);
  }

  silence(channel: string, silent: boolean): void {
    if (silent) this.silentChannels.add(channel);
    else this.silentChannels.delete(channel);
  }

  /** Lines sent by clients of `channel`, in order, across reconnects. */
  sent(channel: string): string[] {
    return [...(this.history.get(channel) ?? [])];
  }

  /** How many times `channel` was joined: one per (re)connection. */
  joinCount(channel: string): number {
    return this.joins.get(channel) ?? 0;
  }

  async close(): Promise<void> {
    for (const conn of this.connections) conn.socket.terminate();
    await this.server.close();
  }

  private joined(channel: string): Connection[] {
    return [...this.connections].filter((c) => c.channel === channel && c.socket.readyState === c.socket.OPEN);
  }

  private accept(socket: WebSocket): void {
    const conn: Connection = { socket, nick: '', pass: null, channel: null, received: [] };
    this.connections.add(conn);
    socket.on('close', () => this.connections.delete(conn));
    socket.on('message', (data) => {
      for (const line of String(data).split(CRLF).filter(Boolean)) this.handle(conn, line);
    });
  }

  /** Lines are kept per connection until it joins a channel, then filed under that channel. */
  private record(conn: Connection, line: string): void {
    conn.received.push(line);
    if (!conn.channel) return;
    const list = this.history.get(conn.channel) ?? [];
    list.push(...conn.received.splice(0));
    this.history.set(conn.channel, list);
  }

  private handle(conn: Connection, line: string): void {
    if (conn.channel && this.silentChannels.has(conn.channel)) return this.record(conn, line);
    const [command = '', ...args] = line.split(' ');
    const send = (...lines: string[]) => conn.socket.send(lines.join(CRLF) + CRLF);
    switch (command.toUpperCase()) {
      case 'CAP':
        send(`:tmi.twitch.tv CAP * ACK :${line.split(':')[1] ?? ''}`);
        break;
      case 'PASS':
        conn.pass = args[0] ?? null;
        break;
      case 'NICK': {
        conn.nick = args[0] ?? '';
        if (conn.pass !== null && this.refused.has(conn.pass)) {
          send(':tmi.twitch.tv NOTICE * :Login authentication failed');
          break;
        }
        const n = conn.nick;
        send(
          `:tmi.twitch.tv 001 ${n} :Welcome, GLHF!`,
          `:tmi.twitch.tv 002 ${n} :Your host is tmi.twitch.tv`,
          `:tmi.twitch.tv 003 ${n} :This server is rather new`,
          `:tmi.twitch.tv 004 ${n} :-`,
          `:tmi.twitch.tv 375 ${n} :-`,
          `:tmi.twitch.tv 372 ${n} :You are in a maze of twisty passages, all alike.`,
          `:tmi.twitch.tv 376 ${n} :>`,
        );
        if (!n.startsWith('justinfan')) {
          send(`@badge-info=;badges=;color=#8A2BE2;display-name=${n};emote-sets=0;user-id=4242;user-type= :tmi.twitch.tv GLOBALUSERSTATE`);
        }
        break;
      }
      case 'JOIN': {
        const channel = (args[0] ?? '').replace(/^#/, '');
        conn.channel = channel;
        this.joins.set(channel, this.joinCount(channel) + 1);
        const n = conn.nick;
        const lines = [
          `:${n}!${n}@${n}.tmi.twitch.tv JOIN #${channel}`,
          `:${n}.tmi.twitch.tv 353 ${n} = #${channel} :${n}`,
          `:${n}.tmi.twitch.tv 366 ${n} #${channel} :End of /NAMES list`,
        ];
        if (!n.startsWith('justinfan')) {
          lines.push(`@badge-info=;badges=;color=#8A2BE2;display-name=${n};emote-sets=0;mod=0;subscriber=0;user-type= :tmi.twitch.tv USERSTATE #${channel}`);
        }
        lines.push(`@emote-only=0;followers-only=-1;r9k=0;room-id=${roomIdOf(channel)};slow=0;subs-only=0 :tmi.twitch.tv ROOMSTATE #${channel}`);
        send(...lines);
        break;
      }
      case 'PING':
        // Without a prefix: tmi.js sends a bare PING and takes only a PONG with no prefix; given
        // a prefixed one it closes the socket 10 s after each of its pings, once a minute (§1.3).
        // Clients that send `PING :<word>` (go-twitch-irc, dank-twitch-irc) document Twitch's
        // answer to that as `:tmi.twitch.tv PONG tmi.twitch.tv :<word>`; the answer to a bare
        // PING is not in the reference, and tmi.js staying connected to Twitch suggests this one.
        send(`PONG :${args.join(' ').replace(/^:/, '') || 'tmi.twitch.tv'}`);
        break;
      case 'PRIVMSG':
      default:
        break;
    }
    this.record(conn, line);
  }
}
