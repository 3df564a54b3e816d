import type { EventSubSubscription } from '../eventsub-subscription.js';
import type { SubscriptionOutcome } from '../create-subscriptions.js';
import type { RefusalWire } from './shared-protocol.js';

/** One page's part of the owner's session. */
export interface PageOutcome {
  /**
   * Each of the page's subscriptions is live or refused on a connected session: the page can
   * report, as EventSubSource does once its session's subscriptions are made.
   */
  readonly settled: boolean;
  /** What the page reports as its `subscriptions` event, once settled. */
  readonly outcome: SubscriptionOutcome;
  /** Twitch refused every one of the page's subscriptions: the first refusal, which it fails with. */
  readonly refusedAll: RefusalWire | null;
}

/**
 * A page's part of what the owner's session holds (`live` keys, `refused` ones), from its own
 * subscriptions by key (`subscriptionKey`). Pure, so each case is tested on its own.
 */
export function pageOutcome(own: ReadonlyMap<string, EventSubSubscription>, connected: boolean, live: readonly string[], refused: readonly RefusalWire[]): PageOutcome {
  const held = [...own.keys()].filter((key) => live.includes(key));
  const mine = refused.filter((refusal) => own.has(refusal.key));
  const settled = connected && held.length + mine.length === own.size;
  return {
    settled,
    outcome: {
      active: [...new Set(held.map((key) => own.get(key)!.type))],
      refused: mine.map(({ type, version, reason, message }) => ({ type, version, reason, message })),
    },
    refusedAll: settled && held.length === 0 ? (mine[0] ?? null) : null,
  };
}
