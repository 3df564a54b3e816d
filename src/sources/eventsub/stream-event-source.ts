import type { SourceEventMap } from '../../core/source.js';
import { RelaySource } from '../../core/relay-source.js';
import { createLogger } from '../../core/logger.js';
import { SourceError } from '../../core/errors.js';
import type { HelixClient } from '../../twitch/helix-client.js';
import { normalizeNotification } from './normalize.js';
import { duplicateOf } from './duplicates.js';
import type { EventKind, StreamEvent } from '../../domain/stream-event.js';
import { RewardCatalog } from '../redemptions/reward-catalog.js';
import { withReward } from '../../domain/redemption.js';
import type { EventSubNotification } from './eventsub-source.js';
import { SharedEventSubSource, type SessionNotification } from './shared/shared-eventsub-source.js';
import { describeOff, planSubscriptions, type SubscriptionPlan } from './subscription-catalog.js';
import type { SubscriptionOutcome } from './create-subscriptions.js';

export interface StreamEventSourceOptions {
  /** The broadcaster's own token (§3.4: WebSocket subscriptions take a user token). */
  readonly helix: HelixClient;
  /** The token's user, from /oauth2/validate: the channel whose events arrive. */
  readonly userId: string;
  /** The token's scopes: kinds whose scope is missing are not subscribed (see `plan.off`). */
  readonly scopes: readonly string[];
  /** Kinds wanted. */
  readonly kinds: readonly EventKind[];
  /** Test seam: a fake EventSub server. */
  readonly url?: string;
  readonly keepaliveSeconds?: number;
  /** The simulator's or the replay's socket. */
  readonly WebSocket?: new (url: string) => WebSocket;
  /** `?record`. */
  readonly tap?: (data: string) => void;
}

export interface StreamEventMap extends SourceEventMap {
  event: StreamEvent;
  /** A notification that became no event: unreadable, or a duplicate of another (see duplicateOf). */
  skipped: { readonly type: string; readonly reason: string; readonly duplicate: boolean };
  /** Per session: the types held and the ones Twitch refused. */
  subscriptions: SubscriptionOutcome;
  /**
   * Only on the page that holds the connection (`owner` or `solo`): every event of its session,
   * for every page's types, normalised, with what Twitch reports twice dropped by the types live
   * on the session (as each page drops them by its own), in arrival order and without the
   * reward lookups. What the event history stores, once per origin.
   */
  'session-event': SessionEvent;
}

/** An event of the session holding the connection, with that session's id (see event-copies.ts) and when it arrived. */
export interface SessionEvent {
  readonly event: StreamEvent;
  readonly session: string;
  readonly receivedAt: number;
}

/** A notification as an event, or why it is none (`duplicate`: Twitch reported it twice, see duplicateOf). */
function eventOf(notification: EventSubNotification, subscribed: ReadonlySet<string>): { readonly event: StreamEvent } | { readonly reason: string; readonly duplicate: boolean } {
  const result = normalizeNotification(notification);
  if ('skipped' in result) return { reason: result.skipped, duplicate: false };
  const duplicate = duplicateOf(notification.type, result.event, subscribed);
  return duplicate ? { reason: duplicate, duplicate: true } : result;
}

const log = createLogger('events');

/**
 * Every stream event of the token's channel, normalised, over one EventSub session: it
 * subscribes to each wanted type whose scope the token carries, reports per type what Twitch
 * refused, drops what Twitch reports twice (cheer + bits, gift + per-recipient subs), and adds
 * the reward's image and colour to custom redemptions. Events leave in arrival order. Its
 * status is the connection's (see RelaySource).
 *
 * @fires event, skipped, subscriptions, session-event, status, error
 */
export class StreamEventSource extends RelaySource<StreamEventMap, SharedEventSubSource> {
  readonly name = 'events';
  readonly plan: SubscriptionPlan;
  private readonly catalog: RewardCatalog | null;
  private active = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(options: StreamEventSourceOptions) {
    const plan = planSubscriptions({ userId: options.userId, scopes: options.scopes, kinds: options.kinds });
    super(
      new SharedEventSubSource({
        helix: options.helix,
        userId: options.userId,
        url: options.url,
        keepaliveSeconds: options.keepaliveSeconds,
        WebSocket: options.WebSocket,
        tap: options.tap,
        subscriptions: plan.subscriptions,
      }),
    );
    this.plan = plan;
    this.active = new Set(plan.subscriptions.map((s) => s.type));
    const redemptions = plan.subscriptions.some((s) => s.type === 'channel.channel_points_custom_reward_redemption.add');
    this.catalog = redemptions ? new RewardCatalog(options.helix, options.userId) : null;
    this.eventsub.addEventListener('subscriptions', (e) => {
      this.active = new Set(e.detail.active);
      for (const refusal of e.detail.refused) log.warn(`Twitch refused ${refusal.type}: ${refusal.message}`);
      this.emit('subscriptions', e.detail);
    });
    this.eventsub.addEventListener('notification', (e) => this.onNotification(e.detail));
    this.eventsub.addEventListener('session-notification', (e) => this.onSessionNotification(e.detail));
  }

  /** One connection for every overlay page of the user (see SharedEventSubSource). */
  get eventsub(): SharedEventSubSource {
    return this.inner;
  }

  /** Types the current session holds (all planned ones until Twitch answers). */
  get subscribed(): ReadonlySet<string> {
    return this.active;
  }

  protected override open(): void {
    // A session with no subscription is closed by Twitch after the welcome window (4003): say why instead.
    if (this.plan.subscriptions.length === 0) {
      this.fail(new SourceError('config', `None of the events asked for can be received with this token: ${describeOff(this.plan.off) || 'no event kinds were asked for'}.`));
      return;
    }
    void this.catalog?.load();
    super.open();
  }

  private onNotification(notification: EventSubNotification): void {
    const result = eventOf(notification, this.active);
    if ('reason' in result) return this.skip(notification.type, result.reason, result.duplicate);
    const event = result.event;
    const catalog = this.catalog;
    const ready: Promise<StreamEvent> =
      event.kind === 'redemption' && !event.automatic && catalog
        ? this.queue.then(() => catalog.find(event.redemption.rewardId)).then((reward) => ({ ...event, redemption: withReward(event.redemption, reward) }))
        : this.queue.then(() => event);
    this.queue = ready.then((done) => void (this.running && this.emit('event', done)));
  }

  private onSessionNotification({ notification, session, live, receivedAt }: SessionNotification): void {
    const result = eventOf(notification, live);
    if ('event' in result) this.emit('session-event', { event: result.event, session, receivedAt });
  }

  private skip(type: string, reason: string, duplicate: boolean): void {
    if (duplicate) log.debug(`skipped a ${type} notification: ${reason}`);
    else log.warn(`skipped a ${type} notification: ${reason}`);
    this.emit('skipped', { type, reason, duplicate });
  }
}
