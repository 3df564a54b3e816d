import type { WebSocket } from 'ws';
import { randomUUID } from 'node:crypto';
import { AwayableSocketServer, type Outage } from './outage.js';

/**
 * Twitch's EventSub WebSocket server on 127.0.0.1, speaking its JSON (twitch-protocols.md §3):
 * welcome, keepalives, notifications, session_reconnect with a new URL, revocation, close codes.
 * Subscriptions are created through the fake Helix (`POST /helix/eventsub/subscriptions`),
 * which calls `subscribe()`. Unlike Twitch it accepts keepalives under 10 s, so tests run fast;
 * a session with no subscription is closed with 4003 once the welcome window is over (§3.2, §3.3),
 * which stays at least Twitch's 10 s whatever keepalive a test asks for.
 */
interface Session {
  readonly id: string;
  /** The `tag` query parameter of the URL that opened it (inherited through reconnects): tests count their own connections. */
  readonly tag: string;
  socket: WebSocket;
  /** The client id and user whose token made its first subscription: Twitch counts its limits per both (§3.4). */
  account: string | null;
  /** Subscribed type → the subscription, as Twitch reports it in each message about it. */
  readonly types: Map<string, SubscriptionWire>;
  keepalive: ReturnType<typeof setInterval> | null;
  /** Closes the session unused (4003) at the end of the welcome window; cleared by its first subscription. */
  unused: ReturnType<typeof setTimeout> | null;
}

/** A subscription as Twitch reports it in a notification or a revocation (§3.2). */
interface SubscriptionWire {
  readonly id: string;
  readonly status: string;
  readonly type: string;
  readonly version: string;
  readonly cost: number;
  readonly condition: Record<string, string>;
  readonly transport: { readonly method: 'websocket'; readonly session_id: string };
  readonly created_at: string;
}

/**
 * Twitch's side of §3.5: the scopes (any one of) each type needs on a user token, and the
 * versions it accepts. A type not listed (the tests' own) needs nothing and takes any version.
 */
/** Twitch's welcome window: the time a new session has to make its first subscription (§3.2). */
const WELCOME_WINDOW_MS = 10_000;

const TYPE_RULES: Readonly<Record<string, { versions: readonly string[]; scopes: readonly string[] }>> = (() => {
  const rules: Record<string, { versions: readonly string[]; scopes: readonly string[] }> = {};
  const add = (types: readonly string[], version: string, scopes: readonly string[]) => types.forEach((type) => (rules[type] = { versions: [version], scopes }));
  const phases = (prefix: string, names: readonly string[]) => names.map((n) => `${prefix}.${n}`);
  add(['channel.follow'], '2', ['moderator:read:followers', 'moderator:manage:followers']);
  add(['channel.subscribe', 'channel.subscription.message', 'channel.subscription.gift'], '1', ['channel:read:subscriptions']);
  add(['channel.cheer', 'channel.bits.use'], '1', ['bits:read']);
  add(['channel.raid'], '1', []);
  add(['channel.shoutout.receive'], '1', ['moderator:read:shoutouts', 'moderator:manage:shoutouts']);
  add(phases('channel.hype_train', ['begin', 'progress', 'end']), '2', ['channel:read:hype_train']);
  add(phases('channel.poll', ['begin', 'progress', 'end']), '1', ['channel:read:polls', 'channel:manage:polls']);
  add(phases('channel.prediction', ['begin', 'progress', 'lock', 'end']), '1', ['channel:read:predictions', 'channel:manage:predictions']);
  add(phases('channel.goal', ['begin', 'progress', 'end']), '1', ['channel:read:goals']);
  add(['channel.charity_campaign.donate'], '1', ['channel:read:charity']);
  add(['channel.channel_points_custom_reward_redemption.add'], '1', ['channel:read:redemptions', 'channel:manage:redemptions']);
  add(['channel.channel_points_automatic_reward_redemption.add'], '2', ['channel:read:redemptions', 'channel:manage:redemptions']);
  add(['stream.online', 'stream.offline'], '1', []);
  return rules;
})();

export class FakeEventSubServer {
  private readonly sessions = new Map<string, Session>();
  private silent = false;
  private sent = 0;
  /** Types the next subscription requests are refused for, with the status to answer. */
  private readonly refusals = new Map<string, number>();
  /** Connections ever opened, by tag. */
  private readonly opened = new Map<string, number>();
  /** EventSub going away and coming back: its sessions end, and with them their subscriptions. */
  readonly outage: Outage;

  private constructor(private readonly server: AwayableSocketServer) {
    this.outage = server.outage;
    server.wss.on('connection', (socket, req) => this.accept(socket, new URL(req.url ?? '/', 'http://x')));
  }

  static async start(): Promise<FakeEventSubServer> {
    return new FakeEventSubServer(await AwayableSocketServer.start());
  }

  get url(): string {
    return `ws://127.0.0.1:${this.server.port}/ws`;
  }

  /**
   * For the fake Helix: creates a subscription on a session, or says why not, as Twitch would:
   * 400 for an unknown session or version, 403 when `scopes` (the token's, when the test token
   * carries a list) lack the type's, 429 past the limits of `account` (its client id and user),
   * and what `refuse()` asked for (409 still subscribes: the subscription exists). The limits:
   * 3 subscriptions of one type and condition on the account's open sessions (twitchdev/issues
   * 1094, twurple issue 616), and 3 sessions holding subscriptions (§3.4), each until one goes.
   */
  subscribe(body: { type?: string; version?: string; condition?: unknown; transport?: { session_id?: string } }, scopes: readonly string[] | null = null, account = ''): { status: number; body: unknown } {
    const session = this.sessions.get(body.transport?.session_id ?? '');
    if (!session) return { status: 400, body: { error: 'Bad Request', status: 400, message: 'websocket transport session does not exist or has already disconnected' } };
    const type = body.type ?? '';
    const rule = TYPE_RULES[type];
    if (rule && !rule.versions.includes(body.version ?? '')) return { status: 400, body: { error: 'Bad Request', status: 400, message: 'invalid subscription type and version' } };
    if (rule && scopes && rule.scopes.length > 0 && !rule.scopes.some((scope) => scopes.includes(scope))) {
      return { status: 403, body: { error: 'Forbidden', status: 403, message: 'subscription missing proper authorization' } };
    }
    const condition = JSON.stringify(body.condition ?? {});
    const held = [...this.sessions.values()].filter((other) => other.account === account && other.types.size > 0 && other.socket.readyState === other.socket.OPEN);
    const copies = held.filter((other) => other !== session && [...other.types.values()].some((sub) => sub.type === type && JSON.stringify(sub.condition) === condition));
    if (copies.length >= 3) return { status: 429, body: { error: 'Too Many Requests', status: 429, message: 'maximum subscriptions with type and condition exceeded' } };
    if (session.types.size === 0 && held.length >= 3) return { status: 429, body: { error: 'Too Many Requests', status: 429, message: 'number of websocket transports limit exceeded' } };
    session.account = account;
    const refusal = this.refusals.get(type);
    const sub: SubscriptionWire = {
      id: randomUUID(),
      status: 'enabled',
      type,
      version: body.version ?? '1',
      cost: 0,
      condition: (body.condition ?? {}) as Record<string, string>,
      transport: { method: 'websocket', session_id: session.id },
      created_at: new Date().toISOString(),
    };
    if (refusal === 409) this.hold(session, sub);
    if (refusal === 409) return { status: 409, body: { error: 'Conflict', status: 409, message: 'subscription already exists' } };
    if (refusal === 403) return { status: 403, body: { error: 'Forbidden', status: 403, message: 'subscription missing proper authorization' } };
    if (refusal) return { status: refusal, body: { error: 'Too Many Requests', status: refusal, message: 'maximum subscription cost exceeded' } };
    this.hold(session, sub);
    return { status: 202, body: { data: [{ ...sub, transport: { ...sub.transport, connected_at: new Date().toISOString() } }], total: session.types.size, total_cost: 0, max_total_cost: 10 } };
  }

  /** From now on, refuses subscriptions of `type` with `status` (403, 409, 429); 0 accepts again. */
  refuse(type: string, status: number): void {
    if (status) this.refusals.set(type, status);
    else this.refusals.delete(type);
  }

  /**
   * Sends an event to every session subscribed to `type`, in the version it subscribed with
   * (or `version`, to test one the client did not ask for); `copies` > 1 repeats the message id.
   */
  notify(type: string, event: Record<string, unknown>, copies = 1, version?: string): number {
    const targets = [...this.sessions.values()].filter((s) => s.types.has(type));
    for (const session of targets) {
      const subscription = { ...session.types.get(type)!, ...(version && { version }) };
      const message = this.message('notification', { subscription, event }, { subscription_type: type, subscription_version: subscription.version });
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

  /** Twitch ends every session's subscription of `type` with `status` (`authorization_revoked`, `version_removed`, …): a `revocation` message, and it is gone. */
  revoke(type: string, status: string): void {
    for (const session of this.sessions.values()) {
      const subscription = session.types.get(type);
      if (!subscription) continue;
      session.types.delete(type);
      session.socket.send(this.message('revocation', { subscription: { ...subscription, status } }, { subscription_type: type, subscription_version: subscription.version }));
    }
  }

  /**
   * What the Twitch CLI sends for `twitch event trigger <event> --transport=websocket
   * --subscription-status=<status>` (internal/events/trigger/trigger_event.go,
   * mock_server/server.go): a `notification` whose subscription has that status and no `event`,
   * with the CLI's own subscription id and a condition naming its made-up broadcaster.
   */
  triggerWithStatus(type: string, status: string): number {
    const targets = [...this.sessions.values()].filter((s) => s.types.has(type));
    for (const session of targets) {
      const { version } = session.types.get(type)!;
      const subscription: SubscriptionWire = { id: randomUUID(), status, type, version, cost: 0, condition: { broadcaster_user_id: '60117537' }, transport: { method: 'websocket', session_id: session.id }, created_at: new Date().toISOString() };
      session.socket.send(this.message('notification', { subscription }, { subscription_type: type, subscription_version: version }));
    }
    return targets.length;
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
    return [...this.sessions.values()].map((s) => ({ id: s.id, tag: s.tag, types: [...s.types.keys()] }));
  }

  async close(): Promise<void> {
    for (const session of this.sessions.values()) session.socket.terminate();
    await this.server.close();
  }

  private hold(session: Session, sub: SubscriptionWire): void {
    session.types.set(sub.type, sub);
    if (session.unused) clearTimeout(session.unused);
    session.unused = null;
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
    const id = randomUUID();
    // A reconnect carries the subscriptions over, now on the new session's transport.
    const carried = [...(from?.types ?? [])].map(([type, sub]): [string, SubscriptionWire] => [type, { ...sub, transport: { method: 'websocket', session_id: id } }]);
    const session: Session = { id, tag, socket, account: from?.account ?? null, types: new Map(carried), keepalive: null, unused: null };
    this.sessions.set(session.id, session);
    socket.send(this.message('session_welcome', { session: { id: session.id, status: 'connected', keepalive_timeout_seconds: keepaliveSeconds, reconnect_url: null, connected_at: new Date().toISOString() } }));
    // A reconnect moves the subscriptions: events now go to the new session only.
    if (from) from.types.clear();
    session.keepalive = setInterval(() => {
      if (!this.silent && socket.readyState === socket.OPEN) socket.send(this.message('session_keepalive', {}));
    }, Math.max(200, keepaliveSeconds * 1000 * 0.8));
    // A reconnect's session is in use already: it carries the subscriptions over.
    if (session.types.size === 0) {
      session.unused = setTimeout(() => {
        if (socket.readyState === socket.OPEN) socket.close(4003, 'connection unused');
      }, Math.max(WELCOME_WINDOW_MS, keepaliveSeconds * 1000));
    }
    socket.on('close', () => {
      if (session.keepalive) clearInterval(session.keepalive);
      if (session.unused) clearTimeout(session.unused);
      this.sessions.delete(session.id);
    });
  }
}
