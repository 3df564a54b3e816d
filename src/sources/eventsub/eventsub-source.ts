import type { Schedule } from '../../core/schedule.js';
import { Source, type SourceEventMap } from '../../core/source.js';
import { SourceError, toSourceError } from '../../core/errors.js';
import { CONNECT_TIMEOUT_MS, SourceSocket, webSocketUrl, type SocketEnd, type SocketSourceOptions } from '../../core/source-socket.js';
import { serverAnswers } from '../../core/server-answers.js';
import { Watchdog } from '../../core/watchdog.js';
import { createLogger } from '../../core/logger.js';
import type { HelixClient } from '../../twitch/helix-client.js';
import { CLOSE_REASONS, type EventSubMessageWire } from './eventsub-wire.js';
import { createSubscriptions, type SubscriptionOutcome } from './create-subscriptions.js';
import type { EventSubSubscription } from './eventsub-subscription.js';
import { SeenMessages } from './seen-messages.js';

export const EVENTSUB_URL = 'wss://eventsub.wss.twitch.tv/ws';

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

/** Twitch ended one subscription of the session (§3.2); the others go on. */
export interface EventSubRevocation {
  readonly type: string;
  readonly version: string;
  /** The subscription's condition as Twitch reports it ({} when it sent none). */
  readonly condition: Readonly<Record<string, string>>;
  /** e.g. `authorization_revoked`, `user_removed`, `version_removed`. */
  readonly status: string;
}

export interface EventSubEventMap extends SourceEventMap {
  notification: EventSubNotification;
  revocation: EventSubRevocation;
  /** After each new session's subscriptions: which types it holds and which Twitch refused. */
  subscriptions: SubscriptionOutcome;
}

export interface EventSubOptions extends SocketSourceOptions {
  readonly helix: HelixClient;
  readonly subscriptions: readonly EventSubSubscription[];
  /** Remembered message ids, to drop Twitch's repeated deliveries. Default 1000. */
  readonly dedupeSize?: number;
  /** Keepalive Twitch should use, 10–600 s (§3.1); a shorter one notices a dead connection sooner. */
  readonly keepaliveSeconds?: number;
  /** Runs the keepalive watch; default: the page's timers. The shared connection's owner runs it in a worker (workerSchedule). */
  readonly keepaliveSchedule?: Schedule;
}

const log = createLogger('eventsub');

/**
 * A general EventSub WebSocket client. On each new session it creates its subscriptions within
 * the welcome window; it watches keepalives (silence longer than keepalive + 20 %, at least 1 s,
 * means a dead connection → new session and new subscriptions); it follows `session_reconnect`
 * make-before-break (the old socket stays until the new one is welcomed; subscriptions carry
 * over; nothing is lost or doubled); it drops repeated deliveries by `message_id`. A revocation
 * ends one subscription, not the session: it is reported (`revocation`) and the session goes on.
 *
 * @fires notification, revocation, subscriptions
 * @fires status, error
 */
export class EventSubSource extends Source<EventSubEventMap> {
  readonly name = 'eventsub';
  private readonly options: EventSubOptions;
  private readonly watchdog: Watchdog;
  private socket: SourceSocket | null = null;
  /** The socket opened for a `session_reconnect`, until its welcome. */
  private incoming: SourceSocket | null = null;
  private sessionId = '';
  private readonly seen: SeenMessages;
  /** From the welcome; a session silent for longer (plus slack) is dead. */
  private keepaliveMs = 10_000;

  constructor(options: EventSubOptions) {
    super({ backoff: options.backoff, schedule: options.schedule });
    this.options = options;
    this.seen = new SeenMessages(options.dedupeSize);
    this.watchdog = new Watchdog(15_000, () => this.onSilence(), options.keepaliveSchedule);
  }

  /** The current session's id, '' before the first welcome. */
  get session(): string {
    return this.sessionId;
  }

  /**
   * Ends the session, if one is open, and opens a new one in `ms`, `error` saying why: for a
   * session kept only to be refused (the shared connection's owner rests it for minutes rather
   * than have Twitch close it unused every few seconds, §3.2), and to end such a rest early.
   */
  reconnectIn(ms: number, error: SourceError): void {
    if (this.running) this.reconnect(error, ms);
  }

  protected open(): void {
    try {
      const url = webSocketUrl(this.options.url ?? EVENTSUB_URL);
      if (this.options.keepaliveSeconds) url.searchParams.set('keepalive_timeout_seconds', String(this.options.keepaliveSeconds));
      this.socket = this.connect(url.href);
    } catch (error) {
      this.fail(toSourceError(error, 'config'));
    }
  }

  /** Twitch's host, asked over HTTPS; the simulator's and a replay's sockets have no server to ask. */
  protected override probe(): Promise<boolean> | null {
    if (this.options.WebSocket) return null;
    return serverAnswers(webSocketUrl(this.options.url ?? EVENTSUB_URL), this.schedule, this.options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
  }

  protected close(): void {
    this.watchdog.stop();
    this.socket?.close();
    this.incoming?.close();
    this.socket = this.incoming = null;
    this.sessionId = '';
  }

  /** A socket for a session; the caller files it as current or incoming. Throws a `config` error for a bad URL. */
  private connect(url: string): SourceSocket {
    const socket: SourceSocket = new SourceSocket(
      url,
      {
        message: (data) => this.onFrame(socket, data),
        end: (end) => this.onEnd(socket, end),
      },
      this.options,
    );
    return socket;
  }

  /** `session_reconnect`: open the new session beside the old one (make-before-break, §3.2). */
  private follow(reconnectUrl: string): void {
    try {
      this.incoming = this.connect(reconnectUrl);
    } catch (error) {
      log.warn('ignored a session_reconnect to a URL that is not one; the session goes on:', error);
    }
  }

  private onFrame(socket: SourceSocket, data: string): void {
    let message: EventSubMessageWire;
    try {
      message = JSON.parse(data) as EventSubMessageWire;
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
        // The Twitch CLI's `event trigger --subscription-status=<status>` ends a subscription with a notification of that status and no event.
        if ((payload.subscription?.status ?? 'enabled') !== 'enabled') this.onRevocation(message);
        else this.onNotification(message);
        break;
      case 'session_reconnect':
        if (socket === this.socket && payload.session?.reconnect_url) this.follow(payload.session.reconnect_url);
        break;
      case 'revocation':
        this.onRevocation(message);
        break;
      default:
        log.warn(`ignored an EventSub message of unknown type "${metadata.message_type}"`);
    }
  }

  private kick(): void {
    this.watchdog.kick(this.keepaliveMs + Math.max(1000, this.keepaliveMs * 0.2));
  }

  private async onWelcome(socket: SourceSocket, sessionId: string, keepaliveSeconds: number): Promise<void> {
    this.keepaliveMs = keepaliveSeconds * 1000;
    if (socket === this.incoming) {
      // Make-before-break: the new session carries the subscriptions over (§3.2).
      const old = this.socket;
      this.socket = socket;
      this.incoming = null;
      this.sessionId = sessionId;
      old?.close();
      this.kick();
      return;
    }
    this.sessionId = sessionId;
    this.kick();
    try {
      const outcome = await createSubscriptions(this.options.helix, sessionId, this.options.subscriptions);
      if (socket !== this.socket) return;
      this.emit('subscriptions', outcome);
      this.markConnected();
    } catch (thrown) {
      const error = toSourceError(thrown);
      this.fail(
        error.code === 'auth'
          ? new SourceError('auth', `Twitch would not create the subscription: ${error.message}`, { cause: error })
          : error,
      );
      if (error.retryable) this.reconnect(error);
      else this.watchdog.stop();
    }
  }

  private onNotification(message: EventSubMessageWire): void {
    const id = message.metadata.message_id;
    if (!this.seen.firstTime(id)) return;
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

  private onRevocation({ metadata, payload }: EventSubMessageWire): void {
    if (!this.seen.firstTime(metadata.message_id)) return;
    const sub = payload.subscription;
    const type = sub?.type ?? metadata.subscription_type ?? '';
    const status = sub?.status ?? 'revoked';
    log.warn(`Twitch ended the ${type} subscription (${status}); the session goes on.`);
    this.emit('revocation', { type, version: sub?.version ?? metadata.subscription_version ?? '', condition: sub?.condition ?? {}, status });
  }

  private onEnd(socket: SourceSocket, { code, reason, timedOut }: SocketEnd): void {
    if (socket === this.incoming) {
      // The reconnect target failed; the old session may still be alive: keep it, start afresh later if it dies.
      this.incoming = null;
      return;
    }
    if (socket !== this.socket || !this.running) return;
    const why = timedOut
      ? reason
      : (CLOSE_REASONS[code] ?? (code === 1006 ? 'the connection dropped' : `closed with code ${code}${reason ? ` (${reason})` : ''}`));
    this.reconnect(new SourceError('network', `EventSub connection ${timedOut ? 'failed' : 'lost'}: ${why}; reconnecting.`));
  }

  private onSilence(): void {
    if (!this.running) return;
    this.reconnect(new SourceError('network', `No keepalive from EventSub for ${Math.round(this.keepaliveMs / 1000)} s; starting a new session.`));
  }
}
