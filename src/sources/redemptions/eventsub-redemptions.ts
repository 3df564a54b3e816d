import type { HelixClient } from '../../twitch/helix-client.js';
import { RelaySource } from '../../core/relay-source.js';
import { StreamEventSource } from '../eventsub/stream-event-source.js';
import type { RedemptionEventMap } from './redemption-event-map.js';

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

/**
 * Redemptions over EventSub, custom rewards enriched with the reward's image, colour and
 * cooldown from Helix, and Twitch's automatic rewards: the `redemption` kind of
 * StreamEventSource, with the events PubSubRedemptions emits too. Its status is the
 * connection's (see RelaySource).
 */
export class EventSubRedemptions extends RelaySource<RedemptionEventMap, StreamEventSource> {
  readonly name = 'redemptions';

  constructor(options: EventSubRedemptionsOptions) {
    const { broadcasterId, ...connection } = options;
    // The scope is the caller's promise (see `helix`); Twitch refuses the subscriptions otherwise.
    super(new StreamEventSource({ ...connection, userId: broadcasterId, scopes: ['channel:read:redemptions'], kinds: ['redemption'] }));
    this.events.addEventListener('event', (e) => {
      if (e.detail.kind !== 'redemption') return;
      this.emit('event', e.detail);
      this.emit('redemption', e.detail.redemption);
    });
  }

  /** The stream events it reads, of the one kind `redemption`. */
  get events(): StreamEventSource {
    return this.inner;
  }
}
