import { SourceError, toSourceError } from '../../../core/errors.js';
import { createLogger } from '../../../core/logger.js';
import { EventSubSource, type EventSubOptions, type EventSubSubscription } from '../eventsub-source.js';
import { subscriptionKey } from './subscription-key.js';
import { toErrorWire, toStatusWire, type ErrorWire, type SharedMessageBody } from './shared-protocol.js';

const log = createLogger('eventsub');

/** A subscription some pages need, and which pages (told if Twitch refuses it). */
interface Need {
  readonly subscription: EventSubSubscription;
  readonly pages: Set<string>;
}

/** What was done on one session; a new session starts afresh. */
interface SessionWork {
  /** Keys of the subscriptions created on it. */
  readonly live: Set<string>;
  /** Keys Twitch refused on it, and why: not asked again until the next session. */
  readonly refused: Map<string, ErrorWire>;
}

/**
 * The side of the page that won the election: runs the one real EventSubSource for every open
 * overlay of the user and publishes what it receives. Every page's subscriptions, its own page's
 * included, are created here rather than by the source: on the live session as each `need`
 * arrives, and again on each new session, so a page that joins later never costs a second
 * connection, and a refusal reaches only the pages that asked for that subscription (one
 * overlay's missing scope does not take the others down, not even the owner's own).
 *
 * Needs stay for this owner's lifetime even when their pages close (no page says goodbye
 * reliably in OBS); the next owner asks again, so only the pages still open count then.
 */
export class EventSubOwner {
  private readonly source: EventSubSource;
  private readonly needs = new Map<string, Need>();
  private work: SessionWork = { live: new Set(), refused: new Map() };
  /** Subscriptions are created one at a time, in order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: EventSubOptions,
    private readonly publish: (message: SharedMessageBody) => void,
  ) {
    // The source subscribes nothing itself: it is `connected` at the welcome, and the needs are
    // created then, well within the welcome window (§3.2).
    this.source = new EventSubSource({ ...options, subscriptions: [] });
    this.source.addEventListener('notification', (e) => this.publish({ kind: 'notification', notification: e.detail }));
    this.source.addEventListener('revocation', (e) => this.publish({ kind: 'revocation', revocation: e.detail }));
    this.source.addEventListener('error', (e) => this.publish({ kind: 'error', error: toErrorWire(e.detail) }));
    this.source.addEventListener('status', (e) => {
      // `connected` means a new session (a session_reconnect keeps the state and carries every
      // subscription over): everything is due on it.
      if (e.detail.state === 'connected') {
        this.work = { live: new Set(), refused: new Map() };
        this.createPending();
      }
      this.publishStatus();
    });
  }

  /** Opens the connection and asks every other page for its needs. */
  start(page: string): void {
    this.publish({ kind: 'owner', page });
    this.source.start();
  }

  stop(): void {
    this.source.stop();
  }

  /** A page's subscriptions: the new ones join the union; the page learns the current status. */
  need(page: string, subscriptions: readonly EventSubSubscription[]): void {
    for (const subscription of subscriptions) {
      const key = subscriptionKey(subscription);
      const need = this.needs.get(key) ?? { subscription, pages: new Set<string>() };
      need.pages.add(page);
      this.needs.set(key, need);
      const refusal = this.work.refused.get(key);
      if (refusal) this.publish({ kind: 'error', error: refusal, to: page });
    }
    this.createPending();
    this.publishStatus();
  }

  private publishStatus(): void {
    const status = this.source.status;
    const live = status.state === 'connected' ? [...this.work.live] : [];
    this.publish({ kind: 'status', status: toStatusWire(status), live });
  }

  private createPending(): void {
    this.queue = this.queue.then(() => this.createAll());
  }

  private async createAll(): Promise<void> {
    const work = this.work;
    for (const [key, { subscription, pages }] of this.needs) {
      // Not live, or a newer session took over: the next `connected` creates them all.
      if (this.source.status.state !== 'connected' || work !== this.work) return;
      if (work.live.has(key) || work.refused.has(key)) continue;
      const session = this.source.session;
      try {
        const { type, version, condition } = subscription;
        await this.options.helix.post('/eventsub/subscriptions', { type, version, condition, transport: { method: 'websocket', session_id: session } });
        work.live.add(key);
        this.publishStatus();
      } catch (thrown) {
        // A session that ended meanwhile refused it for that reason only; the next one retries.
        if (session !== this.source.session) continue;
        const cause = toSourceError(thrown);
        // EventSubSource's wording for the same refusal, naming the type: several pages share this connection.
        const error = new SourceError(cause.code, `Twitch would not create the subscription: ${cause.message} (${subscription.type})`, { retryable: cause.retryable, cause });
        log.warn(error.message);
        work.refused.set(key, toErrorWire(error));
        for (const to of pages) this.publish({ kind: 'error', error: toErrorWire(error), to });
      }
    }
  }
}
