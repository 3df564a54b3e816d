import type { SourceEventMap } from '../../core/source.js';
import type { Redemption } from '../../domain/redemption.js';
import type { RedemptionEvent } from '../../domain/stream-event.js';

/**
 * What a source of channel-point redemptions emits, whatever the transport: EventSub (the live
 * one, EventSubRedemptions) or PubSub (retired by Twitch on 2025-04-14, kept for
 * compatibility, PubSubRedemptions). Both emit the same `redemption`, and the same `event` as
 * StreamEventSource, so the alert box reads either.
 */
export interface RedemptionEventMap extends SourceEventMap {
  redemption: Redemption;
  event: RedemptionEvent;
}
