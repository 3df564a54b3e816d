import { SourceError, toSourceError } from '../../../core/errors.js';
import { createLogger } from '../../../core/logger.js';
import { Backoff } from '../../../core/backoff.js';
import { realSchedule, type Schedule } from '../../../core/schedule.js';
import { UNASKED_EVERY_MS } from '../../../core/source.js';
import { EventSubSource, type EventSubOptions, type EventSubRevocation } from '../eventsub-source.js';
import type { EventSubSubscription } from '../eventsub-subscription.js';
import { createSubscriptions, refusalOf } from '../create-subscriptions.js';
import { refusalError, type RefusalReason, type SubscriptionRefusal } from '../refusal.js';
import { revocationRefusal } from '../refusal-words.js';
import { subscriptionKey } from './subscription-key.js';
import { toErrorWire, toStatusWire, type SharedMessageBody } from './shared-protocol.js';

const log = createLogger('eventsub');

/** What was done on one session; a new session starts afresh. */
interface SessionWork {
  /** Keys of the subscriptions created on it. */
  readonly live: Set<string>;
  /** Keys Twitch refused or ended on it, and why: not asked again until the next session. */
  readonly refused: Map<string, SubscriptionRefusal>;
  /** Keys asked for and not answered yet. */
  readonly asking: Set<string>;
}

const freshWork = (): SessionWork => ({ live: new Set(), refused: new Map(), asking: new Set() });

/** Refusals asked for again within the session: what another minute can change. */
const ASKED_AGAIN: ReadonlySet<RefusalReason> = new Set(['rate-limited', 'limit', 'failed']);

/** What Twitch refused for a while (ASKED_AGAIN) is asked for again on the session after about this long. */
const ASK_AGAIN_MS = 60_000;

/**
 * The side of the page that won the election: runs the one real EventSubSource for every open
 * overlay of the user and publishes what it receives. Every page's subscriptions, its own page's
 * included, are created here rather than by the source: on the live session as each `need`
 * arrives, and again on each new session, so a page that joins later never costs a second
 * connection. Each is created on its own (createSubscriptions, all at once so they fit the
 * welcome window): a refusal touches only the pages that asked for that subscription, not even
 * the owner's own page when it is another's. Its status tells every page which are live and
 * which were refused. A revocation ends one subscription: its key counts as refused for the
 * rest of the session, so only the pages that asked for it hear of it; the session goes on.
 * What Twitch refused for a while (a 429, a limit of the account) is asked for again about
 * every minute. A session Twitch refused everything of rests for minutes (UNASKED_EVERY_MS,
 * growing), the time the sources space unasked sockets, rather than be closed unused and
 * opened again every 11 s; a page asking for something new ends the rest.
 *
 * Needs stay for this owner's lifetime even when their pages close (no page says goodbye
 * reliably in OBS); the next owner asks again, so only the pages still open count then.
 */
export class EventSubOwner {
  private readonly source: EventSubSource;
  private readonly needs = new Map<string, EventSubSubscription>();
  private work = freshWork();
  private readonly schedule: Schedule;
  /** Delays of the rests after sessions Twitch refused everything of; reset by a session that holds something. */
  private readonly rests = new Backoff({ initialMs: UNASKED_EVERY_MS, maxMs: 5 * UNASKED_EVERY_MS });
  private readonly askAgain = new Backoff({ initialMs: ASK_AGAIN_MS, maxMs: ASK_AGAIN_MS });
  /** Why the connection rests, while it does. */
  private resting: SourceError | null = null;
  /** Cancels the timer that asks again for what was refused on the session; null when none is set. */
  private cancelAskAgain: (() => void) | null = null;

  constructor(
    private readonly options: EventSubOptions,
    /** Whether it runs in a page preferred as the owner (the dock): its status says so. */
    private readonly preferred: boolean,
    private readonly publish: (message: SharedMessageBody) => void,
  ) {
    this.schedule = options.schedule ?? realSchedule;
    // The source subscribes nothing itself: it is `connected` at the welcome, and the needs are
    // created then, well within the welcome window (§3.2).
    this.source = new EventSubSource({ ...options, subscriptions: [] });
    this.source.addEventListener('notification', (e) => this.publish({ kind: 'notification', notification: e.detail, session: this.source.session }));
    this.source.addEventListener('revocation', (e) => this.onRevocation(e.detail));
    this.source.addEventListener('error', (e) => this.publish({ kind: 'error', error: toErrorWire(e.detail) }));
    this.source.addEventListener('status', (e) => {
      // `connected` means a new session (a session_reconnect keeps the state and carries every
      // subscription over): everything is due on it.
      if (e.detail.state === 'connected') {
        this.work = freshWork();
        this.resting = null;
        this.stopAskingAgain();
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
    this.stopAskingAgain();
    this.source.stop();
  }

  /** Says again who owns and how the session stands: a session readied beside another's (the dock's) that now owns. */
  announce(page: string): void {
    this.publish({ kind: 'owner', page });
    this.publishStatus();
  }

  /**
   * Whether this session can serve every page in place of another owner's, whose session holds
   * `keys`: `ready` once connected with every need answered and each of `keys` live here too;
   * `refused` if Twitch refused one of `keys` here; `waiting` until then.
   */
  readiness(keys: readonly string[]): 'waiting' | 'ready' | 'refused' {
    const { live, refused, asking } = this.work;
    if (keys.some((key) => refused.has(key))) return 'refused';
    const settled = (key: string) => live.has(key) || refused.has(key);
    const answered = this.source.status.state === 'connected' && asking.size === 0 && [...this.needs.keys()].every(settled);
    return answered && keys.every((key) => live.has(key)) ? 'ready' : 'waiting';
  }

  /** The keys (`subscriptionKey`) of the subscriptions live on the session. */
  get liveKeys(): readonly string[] {
    return [...this.work.live];
  }

  /** The types subscribed on the live session, whichever page asked for them. */
  get liveTypes(): ReadonlySet<string> {
    return new Set([...this.work.live].map((key) => this.needs.get(key)!.type));
  }

  /** A page's subscriptions: the new ones join the union; the page learns the current status. */
  need(subscriptions: readonly EventSubSubscription[]): void {
    const known = this.needs.size;
    for (const subscription of subscriptions) this.needs.set(subscriptionKey(subscription), subscription);
    // Something new may be created where everything else was refused: no need to wait out the rest.
    if (this.resting && this.needs.size > known) this.source.reconnectIn(0, this.resting);
    this.createPending();
    this.publishStatus();
  }

  /** Twitch ended a subscription: its key is refused on this session, and the pages that asked for it hear why. */
  private onRevocation(revocation: EventSubRevocation): void {
    const work = this.work;
    for (const key of this.endedBy(revocation)) {
      work.live.delete(key);
      work.refused.set(key, revocationRefusal(this.needs.get(key)!, revocation.status));
    }
    this.publish({ kind: 'revocation', revocation });
    this.publishStatus();
    this.settle();
  }

  /**
   * The live keys a revocation ends: the one of its type, version and condition; when its
   * condition names none of them (the Twitch CLI's trigger sends a made-up one), each of its
   * type and version.
   */
  private endedBy(revocation: EventSubRevocation): string[] {
    const same = [...this.work.live].filter((key) => {
      const need = this.needs.get(key)!;
      return need.type === revocation.type && need.version === revocation.version;
    });
    const exact = same.filter((key) => key === subscriptionKey(revocation));
    return exact.length > 0 ? exact : same;
  }

  private publishStatus(): void {
    const status = this.source.status;
    const { live, refused } = status.state === 'connected' ? this.work : freshWork();
    const held = { live: [...live], refused: [...refused].map(([key, refusal]) => ({ key, ...refusal })) };
    this.publish({ kind: 'status', status: toStatusWire(status), session: this.source.session, ...held, preferred: this.preferred });
  }

  /** Creates, on the live session, every need not created, refused or asked for there yet. */
  private createPending(): void {
    if (this.source.status.state !== 'connected') return; // the next `connected` creates them all
    const work = this.work;
    const session = this.source.session;
    for (const [key, subscription] of this.needs) {
      if (work.live.has(key) || work.refused.has(key) || work.asking.has(key)) continue;
      work.asking.add(key);
      void createSubscriptions(this.options.helix, session, [subscription])
        .then(
          () => work.live.add(key),
          (thrown: unknown) => {
            const error = toSourceError(thrown);
            log.warn(`Twitch would not create ${subscription.type} for the overlays sharing this connection: ${error.message}`);
            work.refused.set(key, refusalOf(subscription, error));
          },
        )
        .then(() => {
          work.asking.delete(key);
          // Answers for a session that has ended meanwhile are old news: its successor asks again.
          if (work !== this.work) return;
          this.publishStatus();
          this.settle();
        });
    }
  }

  /**
   * Once every need of the session is answered: a session that holds none of them rests (see
   * the class), else what was refused for a while is asked for again in about a minute.
   */
  private settle(): void {
    const { live, refused, asking } = this.work;
    if (asking.size > 0 || this.source.status.state !== 'connected') return;
    if (live.size > 0) this.rests.reset();
    else if (refused.size > 0 && [...this.needs.keys()].every((key) => refused.has(key))) return this.rest();
    if (this.cancelAskAgain || ![...refused.values()].some((refusal) => ASKED_AGAIN.has(refusal.reason))) return;
    this.cancelAskAgain = this.schedule(() => {
      this.cancelAskAgain = null;
      for (const [key, refusal] of refused) if (ASKED_AGAIN.has(refusal.reason)) refused.delete(key);
      this.createPending();
    }, this.askAgain.next()!);
  }

  /** Closes a session Twitch refused everything of, and opens the next in minutes; pages show why, a limit first. */
  private rest(): void {
    const refusals = [...this.work.refused.values()];
    const why = refusalError(refusals.find((refusal) => refusal.reason === 'limit') ?? refusals[0]!);
    const delay = this.rests.next()!;
    this.resting = new SourceError(why.code, why.message, { retryable: true });
    log.warn(`Twitch refused every subscription of the shared connection: the next session in ${Math.round(delay / 1000)} s.`);
    this.source.reconnectIn(delay, this.resting);
  }

  private stopAskingAgain(): void {
    this.cancelAskAgain?.();
    this.cancelAskAgain = null;
  }
}
