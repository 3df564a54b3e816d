import { SharedEventSubSource } from '../eventsub/shared/shared-eventsub-source.js';
import type { HelixClient } from '../../twitch/helix-client.js';
import { RedemptionSource } from './redemption-source.js';
import { RewardCatalog } from './reward-catalog.js';
import { fromEventSub, withReward, type EventSubRedemptionWire } from './redemption.js';

export const REDEMPTION_ADD = 'channel.channel_points_custom_reward_redemption.add';

export interface EventSubRedemptionsOptions {
  /** Must hold the broadcaster's own token with `channel:read:redemptions` (§3.5). */
  readonly helix: HelixClient;
  readonly broadcasterId: string;
  /** Test seam: a fake EventSub server. */
  readonly url?: string;
  readonly keepaliveSeconds?: number;
  /** Passed to EventSubSource (the simulator's socket). */
  readonly WebSocket?: new (url: string) => WebSocket;
  /** Passed to EventSubSource (`?record`). */
  readonly tap?: (data: string) => void;
}

/** Redemptions over EventSub, enriched with the reward's image, colour and cooldown from Helix. */
export class EventSubRedemptions extends RedemptionSource {
  readonly name = 'redemptions';
  readonly eventsub: SharedEventSubSource;
  private readonly catalog: RewardCatalog;
  /** Redemptions leave in arrival order, even while one waits for the reward catalog. */
  private queue: Promise<void> = Promise.resolve();

  constructor(options: EventSubRedemptionsOptions) {
    super();
    this.catalog = new RewardCatalog(options.helix, options.broadcasterId);
    this.eventsub = new SharedEventSubSource({
      helix: options.helix,
      userId: options.broadcasterId,
      url: options.url,
      keepaliveSeconds: options.keepaliveSeconds,
      WebSocket: options.WebSocket,
      tap: options.tap,
      subscriptions: [{ type: REDEMPTION_ADD, version: '1', condition: { broadcaster_user_id: options.broadcasterId } }],
    });
    // The inner client's state is this source's state ('error' arrives through the error event).
    this.eventsub.addEventListener('status', (e) => {
      const { state, ...rest } = e.detail;
      if (this.running && state !== 'stopped' && state !== 'error') this.setStatus(state, rest);
    });
    this.eventsub.addEventListener('error', (e) => this.running && this.fail(e.detail));
    this.eventsub.addEventListener('notification', (e) => {
      if (e.detail.type !== REDEMPTION_ADD) return;
      const redemption = fromEventSub(e.detail.event as unknown as EventSubRedemptionWire);
      this.queue = this.queue
        .then(() => this.catalog.find(redemption.rewardId))
        .then((reward) => void (this.running && this.emit('redemption', withReward(redemption, reward))));
    });
  }

  protected open(): void {
    void this.catalog.load();
    this.eventsub.start();
  }

  protected close(): void {
    this.eventsub.stop();
  }
}
