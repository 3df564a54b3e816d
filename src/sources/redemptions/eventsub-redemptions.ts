import type { HelixClient } from '../../twitch/helix-client.js';
import { StreamEventSource } from '../eventsub/stream-event-source.js';
import { RedemptionSource } from './redemption-source.js';

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
 * StreamEventSource, behind the interface PubSubRedemptions shares.
 */
export class EventSubRedemptions extends RedemptionSource {
  readonly name = 'redemptions';
  readonly events: StreamEventSource;

  constructor(options: EventSubRedemptionsOptions) {
    super();
    const { broadcasterId, ...connection } = options;
    // The scope is the caller's promise (see `helix`); Twitch refuses the subscriptions otherwise.
    this.events = new StreamEventSource({ ...connection, userId: broadcasterId, scopes: ['channel:read:redemptions'], kinds: ['redemption'] });
    // The inner source's state is this source's state ('error' arrives through the error event).
    this.events.addEventListener('status', (e) => {
      const { state, ...rest } = e.detail;
      if (this.running && state !== 'stopped' && state !== 'error') this.setStatus(state, rest);
    });
    this.events.addEventListener('error', (e) => this.running && this.fail(e.detail));
    this.events.addEventListener('event', (e) => e.detail.kind === 'redemption' && this.emit('redemption', e.detail.redemption));
  }

  protected open(): void {
    this.events.start();
  }

  protected close(): void {
    this.events.stop();
  }
}
