import { SourceError, toSourceError } from '../../../core/errors.js';
import { createLogger } from '../../../core/logger.js';
import { EventSubSource, type EventSubOptions, type EventSubSubscription } from '../eventsub-source.js';
import { subscriptionKey } from './subscription-key.js';
import { toErrorWire, toStatusWire, type SharedMessageBody } from './shared-protocol.js';

const log = createLogger('eventsub');

/** A subscription another page needs, and which pages need it (told if Twitch refuses it). */
interface Extra {
  readonly subscription: EventSubSubscription;
  readonly pages: Set<string>;
}

/**
 * The side of the page that won the election: runs the one real EventSubSource for every open
 * overlay of the user and publishes what it receives. Its own page's subscriptions are the
 * source's own (made on each new session); the other pages' are "extras", created on the live
 * session as their `need` arrives and again after each new session, so a page that joins later
 * never costs a second connection. A refused extra is reported to the pages that asked for it
 * only: one overlay's missing scope does not take the others' connection down. Extras stay for
 * this owner's lifetime even when their pages close (no page says goodbye reliably in OBS); the
 * next owner asks again, so only the pages still open count then.
 */
export class EventSubOwner {
  private readonly source: EventSubSource;
  private readonly ownKeys: ReadonlySet<string>;
  private readonly extras = new Map<string, Extra>();
  /** Extras created on the session that became `connected` last; a new session starts a new set. */
  private created = new Set<string>();
  /** Extras are created one at a time, in order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: EventSubOptions,
    private readonly publish: (message: SharedMessageBody) => void,
  ) {
    this.ownKeys = new Set(options.subscriptions.map(subscriptionKey));
    this.source = new EventSubSource(options);
    this.source.addEventListener('notification', (e) => this.publish({ kind: 'notification', notification: e.detail }));
    this.source.addEventListener('revocation', (e) => this.publish({ kind: 'revocation', revocation: e.detail }));
    this.source.addEventListener('error', (e) => this.publish({ kind: 'error', error: toErrorWire(e.detail) }));
    this.source.addEventListener('status', (e) => {
      // `connected` follows a new session's own subscriptions (a session_reconnect keeps its state
      // and carries every subscription over): the extras are due on it.
      if (e.detail.state === 'connected') {
        this.created = new Set();
        this.createExtras();
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
      if (this.ownKeys.has(key)) continue;
      const extra = this.extras.get(key) ?? { subscription, pages: new Set<string>() };
      extra.pages.add(page);
      this.extras.set(key, extra);
    }
    this.createExtras();
    this.publishStatus();
  }

  private publishStatus(): void {
    const status = this.source.status;
    const live = status.state === 'connected' ? [...this.ownKeys, ...this.created] : [];
    this.publish({ kind: 'status', status: toStatusWire(status), live });
  }

  private createExtras(): void {
    this.queue = this.queue.then(() => this.createPending());
  }

  private async createPending(): Promise<void> {
    const created = this.created;
    for (const [key, { subscription, pages }] of this.extras) {
      // Not live: the next `connected` creates them on the new session.
      if (this.source.status.state !== 'connected' || created !== this.created) return;
      if (created.has(key)) continue;
      const session = this.source.session;
      try {
        const { type, version, condition } = subscription;
        await this.options.helix.post('/eventsub/subscriptions', { type, version, condition, transport: { method: 'websocket', session_id: session } });
        created.add(key);
        this.publishStatus();
      } catch (thrown) {
        // A session that ended meanwhile refused it for that reason only; the next one retries.
        if (session !== this.source.session) continue;
        created.add(key);
        const cause = toSourceError(thrown);
        const error = new SourceError(cause.code, `Twitch would not create the "${subscription.type}" subscription: ${cause.message}`, { retryable: cause.retryable, cause });
        log.warn(error.message);
        for (const to of pages) this.publish({ kind: 'error', error: toErrorWire(error), to });
      }
    }
  }
}
