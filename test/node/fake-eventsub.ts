import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/**
 * Twitch's EventSub WebSocket server on 127.0.0.1, speaking its JSON (twitch-protocols.md §3):
 * welcome, keepalives, notifications, session_reconnect with a new URL, revocation, close codes.
 * Subscriptions are created through the fake Helix (`POST /helix/eventsub/subscriptions`),
 * which calls `subscribe()`. Unlike Twitch it accepts keepalives under 10 s, so tests run fast.
 */
interface Session {
  readonly id: string;
  /** The `tag` query parameter of the URL that opened it (inherited through reconnects): tests count their own connections. */
  readonly tag: string;
  socket: WebSocket;
  readonly types: Set<string>;
  keepalive: ReturnType<typeof setInterval> | null;
}

export class FakeEventSubServer {
  private readonly sessions = new Map<string, Session>();
  private silent = false;
  private sent = 0;
  /** Connections ever opened, by tag. */
  private readonly opened = new Map<string, number>();

  private constructor(private readonly wss: WebSocketServer) {
    wss.on('connection', (socket, req) => this.accept(socket, new URL(req.url ?? '/', 'http://x')));
  }

  static async start(): Promise<FakeEventSubServer> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((done) => wss.once('listening', done));
    return new FakeEventSubServer(wss);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/ws`;
  }

  /** For the fake Helix: creates a subscription on a session, or says why not. */
  subscribe(body: { type?: string; version?: string; condition?: unknown; transport?: { session_id?: string } }): { status: number; body: unknown } {
    const session = this.sessions.get(body.transport?.session_id ?? '');
    if (!session) return { status: 400, body: { error: 'Bad Request', status: 400, message: 'websocket transport session does not exist or has already disconnected' } };
    session.types.add(body.type ?? '');
    const sub = { id: randomUUID(), status: 'enabled', type: body.type, version: body.version, condition: body.condition, created_at: new Date().toISOString(), transport: { method: 'websocket', session_id: session.id, connected_at: new Date().toISOString() }, cost: 0 };
    return { status: 202, body: { data: [sub], total: session.types.size, total_cost: 0, max_total_cost: 10 } };
  }

  /** Sends an event to every session subscribed to `type`; `copies` > 1 repeats the same message id. */
  notify(type: string, event: Record<string, unknown>, copies = 1): number {
    const targets = [...this.sessions.values()].filter((s) => s.types.has(type));
    for (const session of targets) {
      const message = this.message('notification', { subscription: { id: `sub-${type}`, status: 'enabled', type, version: '1', condition: {}, transport: { method: 'websocket', session_id: session.id }, created_at: new Date().toISOString(), cost: 0 }, event }, { subscription_type: type, subscription_version: '1' });
      for (let i = 0; i < copies; i++) session.socket.send(message);
    }
    return targets.length;
  }

  /** Sends session_reconnect; the new URL opens a session that carries the subscriptions over. */
  reconnect(): void {
    for (const session of this.sessions.values()) {
      session.socket.send(this.message('session_reconnect', { session: { id: session.id, status: 'reconnecting', keepalive_timeout_seconds: null, reconnect_url: `${this.url}?reconnect_from=${session.id}`, connected_at: new Date().toISOString() } }));
    }
  }

  revoke(type: string, status: string): void {
    for (const session of this.sessions.values()) {
      if (!session.types.delete(type)) continue;
      session.socket.send(this.message('revocation', { subscription: { id: `sub-${type}`, status, type, version: '1', condition: {}, transport: { method: 'websocket', session_id: session.id }, created_at: new Date().toISOString(), cost: 0 } }, { subscription_type: type, subscription_version: '1' }));
    }
  }

  /** Closes every session with a close code (4000–4007). */
  closeAll(code: number): void {
    for (const session of this.sessions.values()) session.socket.close(code, 'fake');
  }

  /** Sends a raw text frame to every session (for malformed-input tests). */
  raw(text: string): void {
    for (const session of this.sessions.values()) session.socket.send(text);
  }

  silence(on: boolean): void {
    this.silent = on;
  }

  /** How many connections with this `tag` were ever opened, and how many are open now. */
  connections(tag: string): { opened: number; open: number } {
    return { opened: this.opened.get(tag) ?? 0, open: [...this.sessions.values()].filter((s) => s.tag === tag).length };
  }

  /** Open sessions with their subscription types. */
  list(): { id: string; tag: string; types: string[] }[] {
    return [...this.sessions.values()].map((s) => ({ id: s.id, tag: s.tag, types: [...s.types] }));
  }

  async close(): Promise<void> {
    for (const session of this.sessions.values()) session.socket.terminate();
    await new Promise<void>((done) => this.wss.close(() => done()));
  }

  private message(type: string, payload: unknown, extra: Record<string, string> = {}): string {
    this.sent += 1;
    return JSON.stringify({ metadata: { message_id: randomUUID(), message_type: type, message_timestamp: new Date().toISOString(), ...extra }, payload });
  }

  private accept(socket: WebSocket, url: URL): void {
    const keepaliveSeconds = Number(url.searchParams.get('keepalive_timeout_seconds') ?? 10);
    const from = this.sessions.get(url.searchParams.get('reconnect_from') ?? '');
    const tag = from?.tag ?? url.searchParams.get('tag') ?? '';
    this.opened.set(tag, (this.opened.get(tag) ?? 0) + 1);
    const session: Session = { id: randomUUID(), tag, socket, types: new Set(from?.types ?? []), keepalive: null };
    this.sessions.set(session.id, session);
    socket.send(this.message('session_welcome', { session: { id: session.id, status: 'connected', keepalive_timeout_seconds: keepaliveSeconds, reconnect_url: null, connected_at: new Date().toISOString() } }));
    // A reconnect moves the subscriptions: events now go to the new session only.
    if (from) from.types.clear();
    session.keepalive = setInterval(() => {
      if (!this.silent && socket.readyState === socket.OPEN) socket.send(this.message('session_keepalive', {}));
    }, Math.max(200, keepaliveSeconds * 1000 * 0.8));
    socket.on('close', () => {
      if (session.keepalive) clearInterval(session.keepalive);
      this.sessions.delete(session.id);
    });
  }
}
