import { Source } from '../../../core/source.js';
import { workerSchedule } from '../../../core/worker-schedule.js';
import { createLogger } from '../../../core/logger.js';
import { codeNotLoaded } from '../../../core/errors.js';
import type { EventSubEventMap, EventSubOptions } from '../eventsub-source.js';
import type { EventSubSubscription } from '../eventsub-subscription.js';
import type { EventSubOwner } from './eventsub-owner.js';
import { electOwner } from './owner-election.js';
import { electOverChannel, type ChannelElectionTiming } from './channel-election.js';
import type { Election } from './election.js';
import { SeenMessages } from '../seen-messages.js';
import { SessionCopies } from './session-copies.js';
import { subscriptionKey, typeOfKey } from './subscription-key.js';
import { RecentRelays, type SessionNotification } from './recent-relays.js';
import { pageOutcome } from './page-outcome.js';
import {
  PROTOCOL_VERSION,
  fromErrorWire,
  readSharedMessage,
  sharedNames,
  type SharedMessage,
  type SharedMessageBody,
  type RefusalWire,
  type StatusWire,
} from './shared-protocol.js';
import type { SubscriptionOutcome } from '../create-subscriptions.js';
import { OWN_WORDS, refusalError } from '../refusal.js';

export interface SharedEventSubOptions extends EventSubOptions {
  /**
   * The token's user id. Only overlays of the same user share a connection: it is part of the
   * lock and channel names, so two channels (or two accounts) never see each other's events.
   */
  readonly userId: string;
  /**
   * Web Locks; default `navigator.locks`. Null (absent on plain http, e.g. OBS's local-file
   * mode) → the pages elect the owner over a BroadcastChannel instead.
   */
  readonly locks?: LockManager | null;
  /** Timing of the BroadcastChannel election; see DEFAULT_ELECTION_TIMING. Its timers run on `schedule`. */
  readonly electionTiming?: ChannelElectionTiming;
}

export type { SessionNotification } from './recent-relays.js';

export interface SharedEventSubEventMap extends EventSubEventMap {
  /**
   * Only on the page that holds the connection (`owner` or `solo`): every notification its
   * session receives, for every page's types, once. The one writer of the event history reads it.
   * A page taking the connection over first hands on what the last owner relayed lately (see
   * RecentRelays): that page may have gone before it stored them.
   */
  'session-notification': SessionNotification;
  /** This page's part changed while running: it took the connection over, or gave it up to another page. */
  role: SharedRole;
}

/**
 * - `owner`: this page holds the one EventSub connection for every overlay of the user.
 * - `follower`: another page does; this one hears its events over the BroadcastChannel.
 * - `solo`: this page has its own connection (no BroadcastChannel, or a demo, replay or recording).
 */
export type SharedRole = 'owner' | 'follower' | 'solo';

const log = createLogger('eventsub');

/**
 * The EventSub client's code, loaded when this page first opens a session of its own (as the
 * owner, or the dock's standby): a follower hears everything on the channel and never runs it,
 * so every overlay page but one leaves it out (issue 21).
 */
let sessionCode: Promise<typeof import('./eventsub-owner.js')> | null = null;
const loadSessionCode = () => (sessionCode ??= import('./eventsub-owner.js'));

/** How long a deposed owner's session goes on beside the new owner's at most (see stepDown). */
const DRAIN_LIMIT_MS = 10_000;

/**
 * An EventSubSource for overlays that run side by side in OBS: all pages of one origin and one
 * user share ONE EventSub WebSocket, because Twitch allows each user only 3 per client id
 * (§3.4) and a streamer may run more overlays than that. The pages elect the one that owns the
 * connection: with a Web Lock where the page has them (https, localhost), else over a
 * BroadcastChannel (electOverChannel; OBS's local-file mode is plain http). The owner
 * subscribes to the union of what every open page needs and relays notifications,
 * revocations, errors and its status on a BroadcastChannel. When the owner goes away another
 * page takes over and opens a new session at once. Every page drops message ids it has
 * already seen, so nothing is delivered to it twice.
 *
 * Same public surface as EventSubSource: each page receives the notifications of its own
 * subscriptions' types (a notification carries no condition to match on) and its
 * `subscriptions` outcome per session, knows the `session` id, and shows the owner's connection
 * status as its own. It opens its own connection (`solo`), and logs why, in a browser without
 * BroadcastChannel, with an injected WebSocket (demo, replay) and with a `tap` (`?record`).
 *
 * @fires notification, revocation, subscriptions, session-notification, role
 * @fires status, error
 */
export class SharedEventSubSource extends Source<SharedEventSubEventMap> {
  private readonly options: SharedEventSubOptions;
  /**
   * This page among the others on the channel: a page preferred as the owner first, then by
   * start time (the BroadcastChannel election keeps the lesser id on a tie). Set at start.
   */
  private page = '';
  /** Message ids already delivered here, whichever owner sent them. */
  private readonly seen: SeenMessages;
  /** What arrived, to drop a second session's copy of it while the connection changes hands. */
  private readonly copies = new SessionCopies();
  /** What other pages' sessions relayed lately, to store once this page holds the connection. */
  private readonly relayed = new RecentRelays();
  /** The types live on the owner's session, by its last status: how the relayed notifications are read for storing. */
  private relayedLive: ReadonlySet<string> = new Set();
  /** This page's subscriptions by key. */
  private readonly own: ReadonlyMap<string, EventSubSubscription>;
  private currentRole: SharedRole | null = null;
  private owner: EventSubOwner | null = null;
  /** The session this page held until another page took over, relaying its events until the new owner's holds as much (see stepDown). */
  private draining: EventSubOwner | null = null;
  private cancelDrain = () => {};
  /** The preferred page's own session, readied beside another page's until it can serve every page (see `preferOwner`). */
  private standby: EventSubOwner | null = null;
  private channel: BroadcastChannel | null = null;
  private election: Election | null = null;
  /**
   * Set before `start()`: this page takes the connection over from a page that is not preferred.
   * The dock sets it: OBS keeps a dock open and in view, where an overlay's source may be hidden,
   * reloaded or shut down with its scene, and each change of owner is a new session.
   */
  preferOwner = false;
  /** The standby could not hold what the owner's session holds: no other try until this page starts again. */
  private gaveUpStandby = false;
  /** What the owner's session holds, by its last status: the standby takes over once it holds as much. */
  private ownerLive: readonly string[] = [];
  /** Counts each change of this page's part (a takeover, a deposal, a stop): session code that loads after a newer change starts nothing. */
  private tenure = 0;
  /** The tenure in which this page began readying its standby (while the session code loads). */
  private readyingIn = -1;
  /** Twitch refused every subscription of this page for good: it stays in error whatever the owner's status. */
  private refusedAll = false;
  /** What Twitch refused or ended of this page's subscriptions that the streamer should hear of, while others are live. */
  private refusedSome: string | null = null;
  private sessionId = '';
  /** The last `subscriptions` outcome emitted on the current session, as JSON; null before it. */
  private reported: string | null = null;

  constructor(options: SharedEventSubOptions) {
    // Other pages rely on the owner's timers (its heartbeat, keepalive watch, reconnect delays),
    // and OBS throttles a hidden source's own timers to once a minute: they run in a worker.
    super({ schedule: options.schedule ?? workerSchedule });
    this.options = options;
    this.seen = new SeenMessages(options.dedupeSize);
    this.own = new Map(options.subscriptions.map((sub) => [subscriptionKey(sub), sub]));
  }

  /** For the `?debug` chip: `eventsub: shared (owner)`, `eventsub: shared (follower)` or `eventsub: not shared`. */
  get name(): string {
    if (this.currentRole === 'solo') return 'eventsub: not shared';
    return this.currentRole ? `eventsub: shared (${this.currentRole})` : 'eventsub';
  }

  /** The shared session's id, as the owner last reported it; '' before the first welcome. */
  get session(): string {
    return this.sessionId;
  }

  /** This page's part while running; null when stopped. */
  get role(): SharedRole | null {
    return this.currentRole;
  }

  /** Subscriptions of this page that Twitch ended (or refused in a way the streamer should know of) while the others go on. */
  override get warning(): string | null {
    return this.refusedSome;
  }

  protected open(): void {
    this.refusedAll = false;
    this.refusedSome = null;
    this.gaveUpStandby = false;
    this.reported = null;
    const alone = this.reasonToStayAlone();
    if (alone) {
      log.info(`EventSub is not shared with the other overlays: ${alone}. This page opens its own connection.`);
      this.takeOver('solo');
      return;
    }
    const names = sharedNames(this.options.userId);
    this.page = `${this.preferOwner ? 0 : 1}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    this.setRole('follower');
    this.channel = new BroadcastChannel(names.channel);
    this.channel.onmessage = (event) => this.onChannelMessage(event.data);
    this.sendNeed();
    const events = { onElected: () => this.takeOver('owner'), onDeposed: () => this.stepDown() };
    const locks = this.options.locks === undefined ? navigator.locks : this.options.locks;
    if (locks) {
      this.election = electOwner(locks, names.lock, events);
    } else {
      // Web Locks exist only in secure contexts (https, localhost); OBS's local-file mode is plain http.
      log.info('no Web Locks on this page (plain http, e.g. OBS local file): the overlays elect the EventSub owner over a BroadcastChannel.');
      this.election = electOverChannel(names.election, this.page, events, { timing: this.options.electionTiming, schedule: this.schedule });
    }
  }

  private reasonToStayAlone(): string | null {
    if (typeof BroadcastChannel === 'undefined') return 'this browser has no BroadcastChannel';
    // Another page must not get this page's demo or replay, and a recording needs the frames here.
    if (this.options.WebSocket) return 'it plays a simulated or recorded connection';
    if (this.options.tap) return 'it records its own connection';
    return null;
  }

  protected close(): void {
    // The socket closes before the lock passes on, so two owners never overlap.
    this.dropOwner();
    this.election?.leave();
    this.election = null;
    this.channel?.close();
    this.channel = null;
    this.currentRole = null;
    this.sessionId = '';
  }

  private takeOver(role: 'owner' | 'solo'): void {
    this.setRole(role);
    for (const relayed of this.relayed.take()) this.emit('session-notification', relayed);
    // A session readied beside the old owner's, or this page's own from before it was deposed and
    // still draining (elected again within DRAIN_LIMIT_MS), serves every page already: it speaks
    // for the connection again, rather than a new session subscribing everything anew.
    const ready = this.standby ?? this.draining;
    this.standby = null;
    if (ready === this.draining) {
      this.cancelDrain();
      this.draining = null;
    }
    this.endDrain();
    if (ready) {
      this.owner = ready;
      ready.announce(this.page);
      return;
    }
    this.tenure++;
    // Every page shows the connection coming up from now, not as the last owner left it, while the session code loads.
    this.broadcast({ kind: 'status', status: { state: 'connecting', attempt: 0 }, session: '', live: [], refused: [], preferred: this.preferOwner });
    this.whenSessionCode((Owner) => {
      const owner = this.openSession(Owner);
      this.owner = owner;
      owner.start(this.page);
      owner.need(this.options.subscriptions);
    });
  }

  /**
   * Runs `open` once the session code has loaded (loadSessionCode), unless this page's part
   * changed meanwhile: stopped, deposed or elected anew, the newer change speaks. The session
   * announces itself once it exists, which makes every page send its needs again, those sent
   * meanwhile included. Code that does not load ends this page's part in the connection: it
   * lets the election go, so another page can hold it, and fails (codeNotLoaded).
   */
  private whenSessionCode(open: (Owner: typeof EventSubOwner) => void): void {
    const tenure = this.tenure;
    const current = () => tenure === this.tenure && this.running;
    loadSessionCode().then(
      ({ EventSubOwner: Owner }) => current() && open(Owner),
      (error: unknown) => {
        if (!current()) return;
        this.close();
        this.fail(codeNotLoaded(error));
      },
    );
  }

  /**
   * A session of this page's, as the owner or readied as the standby. The owner publishes all it
   * hears; the standby its events (the other pages drop what both sessions deliver, see
   * event-copies.ts) and its call for every page's needs, and keeps its status to itself until
   * it owns: the pages show the owner's.
   */
  private openSession(Owner: typeof EventSubOwner): EventSubOwner {
    const owner: EventSubOwner = new Owner({ ...this.options, schedule: this.schedule, keepaliveSchedule: this.schedule }, this.preferOwner, (body) => {
      const relays = body.kind === 'notification' && (this.standby === owner || this.draining === owner);
      if (this.owner === owner || relays || (this.standby === owner && body.kind === 'owner')) this.publish(owner, body);
      else if (this.standby === owner && body.kind === 'status') this.seizeWhenReady();
    });
    return owner;
  }

  /** Posts what this page's session says on the channel and handles it here as the other pages do. */
  private publish(owner: EventSubOwner, body: SharedMessageBody): void {
    this.broadcast(body);
    if (body.kind === 'notification') this.emit('session-notification', { notification: body.notification, session: body.session, live: owner.liveTypes, receivedAt: Date.now() });
  }

  /**
   * The preferred page, while a page that is not preferred owns: it opens a session of its own,
   * which the other pages send their needs to, and takes the ownership once that session holds
   * all the owner's does (make-before-break: the old owner closes its session only then).
   */
  private standBy(ownerLive: readonly string[]): void {
    this.ownerLive = ownerLive;
    if (this.standby) return this.seizeWhenReady();
    if (this.readyingIn === this.tenure) return;
    this.readyingIn = this.tenure;
    log.info('this page takes the shared EventSub connection over (it is preferred as the owner): readying a session of its own.');
    this.whenSessionCode((Owner) => {
      const standby = this.openSession(Owner);
      this.standby = standby;
      standby.start(this.page);
      standby.need(this.options.subscriptions);
    });
  }

  private seizeWhenReady(): void {
    const readiness = this.standby?.readiness(this.ownerLive);
    if (readiness === 'ready') this.election?.seize();
    if (readiness !== 'refused') return;
    // Taking over now would lose what Twitch refused here: the other page keeps the connection, and this page one socket.
    log.warn('this page could not take the shared EventSub connection over: Twitch refused on its session what the owner holds. The owner page keeps it.');
    this.standby?.stop();
    this.standby = null;
    this.gaveUpStandby = true;
  }

  /**
   * Another page took the connection over. Its session may not hold every subscription yet (two
   * claims crossed on plain http, or a page starved of CPU past its lease): this page's session
   * goes on relaying its events until the new owner's status shows it holds what this one held,
   * or DRAIN_LIMIT_MS at most, so nothing Twitch sends meanwhile is lost. What both deliver, the
   * pages drop by content (see event-copies.ts).
   */
  private stepDown(): void {
    const owner = this.owner;
    this.owner = null;
    this.dropOwner();
    if (owner) {
      this.draining = owner;
      this.cancelDrain = this.schedule(() => this.endDrain(), DRAIN_LIMIT_MS);
    }
    this.setRole('follower');
    this.sendNeed();
  }

  private endDrain(): void {
    this.cancelDrain();
    this.draining?.stop();
    this.draining = null;
  }

  private setRole(role: SharedRole): void {
    this.currentRole = role;
    this.emit('role', role);
  }

  private dropOwner(): void {
    this.tenure++;
    this.endDrain();
    const sessions = [this.owner, this.standby];
    this.owner = null;
    this.standby = null;
    for (const session of sessions) session?.stop();
  }

  /** Posts `body` on the channel and handles it here, as the other pages do. */
  private broadcast(body: SharedMessageBody): void {
    const message = { v: PROTOCOL_VERSION, ...body } as SharedMessage;
    this.channel?.postMessage(message);
    this.handle(message);
  }

  private send(body: SharedMessageBody): void {
    this.channel?.postMessage({ v: PROTOCOL_VERSION, ...body });
  }

  private sendNeed(): void {
    this.send({ kind: 'need', page: this.page, subscriptions: this.options.subscriptions });
  }

  private onChannelMessage(data: unknown): void {
    const message = readSharedMessage(data);
    if (typeof message === 'string') return log.warn(`ignored a message on the shared EventSub channel: ${message}`);
    if (message.kind === 'status') this.relayedLive = new Set(message.live.map(typeOfKey));
    if (message.kind === 'notification') this.relayed.keep({ notification: message.notification, session: message.session, live: this.relayedLive, receivedAt: Date.now() });
    this.handle(message);
  }

  /** Every message, from the channel or from this page's own owner side. */
  private handle(message: SharedMessage): void {
    switch (message.kind) {
      case 'need':
        if (message.page !== this.page) (this.owner ?? this.standby)?.need(message.subscriptions);
        break;
      case 'owner':
        if (message.page !== this.page) this.sendNeed();
        break;
      case 'status':
        if (this.draining && message.status.state === 'connected' && this.draining.liveKeys.every((key) => message.live.includes(key))) this.endDrain();
        if (this.preferOwner && !this.gaveUpStandby && this.currentRole === 'follower' && !message.preferred && message.status.state === 'connected') this.standBy(message.live);
        this.sessionId = message.session;
        this.mirror(message.status, message.live, message.refused);
        break;
      case 'notification': {
        const notification = message.notification;
        if (!this.wants(notification.type) || !this.seen.firstTime(notification.messageId) || !this.copies.firstCopy(notification, message.session)) break;
        this.emit('notification', notification);
        break;
      }
      case 'revocation':
        if (this.wants(message.revocation.type)) this.emit('revocation', message.revocation);
        break;
      case 'error':
        // A page Twitch refused everything of for good keeps saying so, whatever befalls the connection since.
        if (!this.refusedAll) this.fail(fromErrorWire(message.error));
        break;
    }
  }

  /**
   * The owner's connection status is every page's status, except that a page is `connecting`
   * until each of its own subscriptions is live or refused. Then, as EventSubSource does after
   * each new session, it reports which types it holds and which Twitch refused; if Twitch
   * refused (or ended) them all, it fails with the first refusal, shown as its status while
   * that is retried; if only some, the ones the streamer should know of are its `warning`.
   */
  private mirror({ state, attempt, retryInMs, error }: StatusWire, live: readonly string[], refused: readonly RefusalWire[]): void {
    if (this.refusedAll) return;
    const { settled, outcome, refusedAll } = pageOutcome(this.own, state === 'connected', live, refused);
    let shownError = error && fromErrorWire(error);
    if (!settled) this.reported = null; // a new session reports afresh
    else if (refusedAll) {
      shownError = refusalError(refusedAll);
      if (this.report(outcome)) {
        this.refusedAll = !shownError.retryable;
        this.fail(shownError);
        if (this.refusedAll) return;
      }
    } else this.report(outcome);
    const warning = settled && !refusedAll ? outcome.refused.filter((r) => OWN_WORDS.has(r.reason)).map((r) => r.message).join(' ') || null : this.refusedSome;
    const shown = state === 'connected' && (!settled || refusedAll) ? 'connecting' : state;
    // The owner repeats its status as each subscription is created: only a change is news here.
    const now = this.status;
    if (shown === now.state && attempt === now.attempt && retryInMs === now.retryInMs && shownError?.message === now.error?.message && warning === this.refusedSome) return;
    this.refusedSome = warning;
    this.setStatus(shown, { attempt, retryInMs, error: shownError });
  }

  /** Emits `subscriptions` unless this session already reported the same; true if it is news. */
  private report(outcome: SubscriptionOutcome): boolean {
    const text = JSON.stringify(outcome);
    if (text === this.reported) return false;
    this.reported = text;
    this.emit('subscriptions', outcome);
    return true;
  }

  /** By type only, as EventSubSource hands on whatever its session receives: a version this page did not ask for is the reader's to skip. */
  private wants(type: string): boolean {
    return this.options.subscriptions.some((sub) => sub.type === type);
  }
}
