import type { StreamEvent } from '../../domain/stream-event.js';

export const BITS_USE = 'channel.bits.use';
export const CHEER = 'channel.cheer';
export const SUBSCRIPTION_GIFT = 'channel.subscription.gift';

/**
 * Why a notification must not become an event of its own, or null to keep it. Twitch reports
 * some things twice:
 * - A cheer arrives as `channel.cheer` and as `channel.bits.use`; while the latter is
 *   subscribed it is the one kept (it also covers Power-ups), so bits are never counted twice.
 * - A gift of N subs is one `channel.subscription.gift` (with `total` N) and N `channel.subscribe`
 *   with `is_gift`; while the gift type is subscribed the per-recipient subs fold into it, so a
 *   gift bomb is one event, not N + 1.
 *
 * `subscribed`: the types the session actually holds (a refused subscription is not there).
 */
export function duplicateOf(type: string, event: StreamEvent, subscribed: ReadonlySet<string>): string | null {
  if (type === CHEER && subscribed.has(BITS_USE)) return `${CHEER} is also reported by ${BITS_USE}`;
  if (event.kind === 'sub' && event.isGift && subscribed.has(SUBSCRIPTION_GIFT)) return `a gifted sub is counted in its ${SUBSCRIPTION_GIFT}`;
  return null;
}
