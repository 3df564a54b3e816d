import { Source, type SourceEventMap } from '../../core/source.js';
import type { Redemption } from '../../domain/redemption.js';

export interface RedemptionEventMap extends SourceEventMap {
  redemption: Redemption;
}

/**
 * Channel-point redemptions, whatever the transport: EventSub (the live one) or PubSub
 * (retired by Twitch on 2025-04-14, kept for compatibility). Both emit the same `redemption`.
 */
export abstract class RedemptionSource extends Source<RedemptionEventMap> {}
