import { Source, type SourceEventMap } from '../../core/source.js';
import { SourceError, toSourceError } from '../../core/errors.js';
import { Backoff } from '../../core/backoff.js';
import { closeQuietly } from '../../core/close-socket.js';
import { Watchdog } from '../../core/watchdog.js';
import { createLogger } from '../../core/logger.js';
import type { HelixClient } from '../../twitch/helix-client.js';
import { CLOSE_REASONS, type EventSubMessageWire } from './eventsub-wire.js';
import { createSubscriptions, type SubscriptionOutcome } from './create-subscriptions.js';

export const EVENTSUB_URL = 'wss://eventsub.wss.twitch.tv/ws';

/** One subscription to create on each new session. */
export interface EventSubSubscription {
  readonly type: string;
  readonly version: string;
  readonly condition: Readonly<Record<string, string>>;
}

export interface EventSubNotification {
  readonly type: string;
  readonly version: string;
  readonly messageId: string;
  /** Epoch ms of Twitch's `message_timestamp`. */
  readonly timestamp: number;
  readonly subscriptionId: string;
  /** The event payload as Twitch sent it (snake_case); typed by the source that asked for it. */
  readonly event: Readonly<Record<string, unknown>>;
}

export interface EventSubRevocation {
  readonly type: string;
  /** e.g. `authorization_revoked`, `user_removed`, `version_removed`. */
  readonly status: string;
}

export interface EventSubEventMap extends SourceEventMap {
  notification: EventSubNotification;
  revocation: EventSubRevocation;
  /** After each new session's subscriptions: which types it holds and which Twitch refused. */
  subscriptions: SubscriptionOutcome;
}

export interface EventSubOptions {
  readonly helix: HelixClient;
  readonly subscriptions: readonly EventSubSubscription[];
  /** Defaults to Twitch. Tests point it at a fake server on 127.0.0.1. */
  readonly url?: string;
  readonly backoff?: Backoff;
  /** Remembered message ids, to drop Twitch's repeated deliveries. Default 1000. */
  readonly dedupeSize?: number;
  /** Keepalive Twitch should use, 10–600 s (§3.1); a shorter one notices a dead connection sooner. */
  readonly keepaliveSeconds?: number;
  /** The WebSocket class; the simulator passes one that plays EventSub traffic. */
  readonly WebSocket?: new (url: string) => WebSocket;
  /** Sees each raw incoming frame before it is parsed (`?record`). */
  readonly tap?: (data: string) => void;
}

const log = createLogger('eventsub');

/**
 * A general EventSub WebSocket client. On each new session it creates its subscriptions within
 * the welcome window; it watches keepalives (silence longer than keepalive + 20 %, at least 1 s,
 * means a dead connection → new session and new subscriptions); it follows `session_reconnect`
 * make-before-break (the old socket stays until the new one is welcomed; subscriptions carry
 * over; nothing is lost or doubled); it drops repeated deliveries by `message_id`.
 *
 * @fires notification, revocation, subscriptions
 * @fires status, error
 */
export class EventSubSource extends Source<EventSubEventMap> {
  readonly name = 'eventsub';
  private readonly options: EventSubOptions;
  private readonly backoff: Backoff;
  private readonly watchdog: Watchdog;
  private socket: WebSocket | null = null;
  /** The socket opened for a `session_reconnect`, until its welcome. */
  private incoming: WebSocket | null = null;
  private sessionId = '';
  private readonly seen = new Map<string, true>();
  /** From the welcome; a session silent for longer (plus slack) is dead. */
  private keepaliveMs = 10_000;

  constructor(options: EventSubOptions) {
    super();
    this.options = options;
    this.backoff = options.backoff ?? new Backoff({ initialMs: 1000, maxMs: 60_000 });
    this.watchdog = new Watchdog(15_000, () => this.onSilence());
  }

  /** The current session's id, '' before the first welcome. */
  get session(): string {
    return this.sessionId;
  }

  protected open(): void {
    this.connect(this.baseUrl, false);
  }

  private get baseUrl(): string {
    const url = new URL(this.options.url ?? EVENTSUB_URL);
    if (this.options.keepaliveSeconds) url.searchParams.set('keepalive_timeout_seconds', String(this.options.keepaliveSeconds));
    return url.href;
  }

  protected close(): void {
    this.watchdog.stop();
    for (const socket of [this.socket, this.incoming]) closeQuietly(socket);
    this.socket = this.incoming = null;
    this.sessionId = '';
  }

  private connect(url: string, reconnecting: boolean): void {
    let socket: WebSocket;
    try {
      socket = new (this.options.WebSocket ?? WebSocket)(url);
    } catch (error) {
      this.fail(new SourceError('config', `Not a WebSocket URL: ${url}`, { cause: error }));
      return;
    }
    if (reconnecting) this.incoming = socket;
    else this.socket = socket;
    socket.onmessage = (event) => this.onFrame(socket, event.data);
    socket.onclose = (event) => this.onClose(socket, event.code, event.reason);
  }

  private onFrame(socket: WebSocket, data: unknown): void {
    this.options.tap?.(String(data));
    let message: EventSubMessageWire;
    try {
      message = JSON.parse(String(data)) as EventSubMessageWire;
      if (typeof message?.metadata?.message_type !== 'string') throw new Error('no metadata.message_type');
    } catch (error) {
      log.warn('ignored a frame that is not an EventSub message:', error);
      return;
    }
    const { metadata, payload } = message;
    switch (metadata.message_type) {
      case 'session_welcome':
        void this.onWelcome(socket, payload.session?.id ?? '', payload.session?.keepalive_timeout_seconds ?? 10);
        break;
      case 'session_keepalive':
        if (socket === this.socket) this.kick();
        break;
      case 'notification':
        if (socket === this.socket) this.kick();
        this.onNotification(message);
        break;
      case 'session_reconnect':
        if (socket === this.socket && payload.session?.reconnect_url) this.connect(payload.session.reconnect_url, true);
        break;
      case 'revocation': {
        const type = payload.subscription?.type ?? metadata.subscription_type ?? '';
        const status = payload.subscription?.status ?? 'revoked';
        this.emit('revocation', { type, status });
        this.fail(new SourceError('auth', `Twitch ended the "${type}" subscription (${status}). Make a new overlay link on the setup page.`));
        break;
      }
      default:
        log.warn(`ignored an EventSub message of unknown type "${metadata.message_type}"`);
    }
  }

  private kick(): void {
    this.watchdog.kick(this.keepaliveMs + Math.max(1000, this.keepaliveMs * 0.2));
  }

  private async onWelcome(socket: WebSocket, sessionId: string, keepaliveSeconds: number): Promise<void> {
    this.keepaliveMs = keepaliveSeconds * 1000;
    if (socket === this.incoming) {
      // Make-before-break: the new session carries the subscriptions over (§3.2).
      const old = this.socket;
      this.socket = socket;
      this.incoming = null;
      this.sessionId = sessionId;
      closeQuietly(old);
      this.kick();
      return;
    }
    this.sessionId = sessionId;
    this.kick();
    try {
      const outcome = await createSubscriptions(this.options.helix, sessionId, this.options.subscriptions);
      if (socket !== this.socket) return;
      this.emit('subscriptions', outcome);
      this.backoff.connected(Date.now());
      this.setStatus('connected');
    } catch (thrown) {
      const error = toSourceError(thrown);
      this.fail(
        error.code === 'auth'
          ? new SourceError('auth', `Twitch would not create the subscription: ${error.message}`, { cause: error })
          : error,
      );
      if (error.retryable) this.restart(error);
      else this.watchdog.stop();
    }
  }

  private onNotification(message: EventSubMessageWire): void {
    const id = message.metadata.message_id;
    if (this.seen.has(id)) return; // delivery is at least once (§3.2)
    this.seen.set(id, true);
    if (this.seen.size > (this.options.dedupeSize ?? 1000)) this.seen.delete(this.seen.keys().next().value!);
    const sub = message.payload.subscription;
    this.emit('notification', {
      type: sub?.type ?? message.metadata.subscription_type ?? '',
      version: sub?.version ?? message.metadata.subscription_version ?? '',
      messageId: id,
      timestamp: Date.parse(message.metadata.message_timestamp),
      subscriptionId: sub?.id ?? '',
      event: message.payload.event ?? {},
    });
  }

  private onClose(socket: WebSocket, code: number, reason: string): void {
    if (socket === this.incoming) {
      // The reconnect target failed; the old session may still be alive: keep it, start afresh later if it dies.
      this.incoming = null;
      return;
    }
    if (socket !== this.socket || !this.running) return;
    const why = CLOSE_REASONS[code] ?? (code === 1006 ? 'the connection dropped' : `closed with code ${code}${reason ? ` (${reason})` : ''}`);
    this.restart(new SourceError('network', `EventSub connection lost: ${why}; reconnecting.`));
  }

  private onSilence(): void {
    if (!this.running) return;
    this.restart(new SourceError('network', `No keepalive from EventSub for ${Math.round(this.keepaliveMs / 1000)} s; starting a new session.`));
  }

  /** Drops the session and opens a new one after a backoff; the new session subscribes again. */
  private restart(error: SourceError): void {
    this.watchdog.stop();
    closeQuietly(this.socket);
    closeQuietly(this.incoming);
    this.socket = this.incoming = null;
    this.sessionId = '';
    this.retryLater(error, this.backoff, () => this.connect(this.baseUrl, false));
  }
}
