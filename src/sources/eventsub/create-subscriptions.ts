import { toSourceError, type SourceError } from '../../core/errors.js';
import type { HelixClient } from '../../twitch/helix-client.js';
import { isLastingLimit } from '../../twitch/lasting-limit.js';
import type { EventSubSubscription } from './eventsub-subscription.js';
import type { RefusalReason, SubscriptionRefusal } from './refusal.js';
import { limitRefusal } from './refusal-words.js';

export interface SubscriptionOutcome {
  /** Types the session now holds (409 "already exists" counts: the subscription is there). */
  readonly active: readonly string[];
  readonly refused: readonly SubscriptionRefusal[];
}

/** HelixClient reports the status only in its message ("The Twitch API answered 409: …"). */
const statusOf = (error: SourceError) => Number(/answered (\d{3})/.exec(error.message)?.[1] ?? 0);

function reasonOf(error: SourceError): RefusalReason {
  if (error.code === 'auth') return 'unauthorized'; // 401 bad token / missing scope, 403 not authorized
  if (error.code === 'rate-limit') return 'rate-limited'; // 429, including max_total_cost reached
  return 'failed';
}

/** Why Twitch would not create `sub`, from the error its request ended with. */
export function refusalOf(sub: EventSubSubscription, error: SourceError): SubscriptionRefusal {
  if (isLastingLimit(error)) return limitRefusal(sub, error.message);
  return { type: sub.type, version: sub.version, reason: reasonOf(error), message: error.message };
}

/**
 * Creates every subscription on `sessionId`, all at once so they fit the welcome window (§3.2),
 * and reports each refusal per type: one refused type never stops the others. Throws only when
 * none could be created, with the first refusal's error, so the caller fails as it would for one.
 */
export async function createSubscriptions(helix: HelixClient, sessionId: string, subscriptions: readonly EventSubSubscription[]): Promise<SubscriptionOutcome> {
  const results = await Promise.all(
    subscriptions.map(async (sub) => {
      try {
        await helix.post('/eventsub/subscriptions', { type: sub.type, version: sub.version, condition: sub.condition, transport: { method: 'websocket', session_id: sessionId } });
        return { sub, error: null };
      } catch (thrown) {
        const error = toSourceError(thrown);
        return { sub, error: statusOf(error) === 409 ? null : error };
      }
    }),
  );
  const active = results.filter((r) => r.error === null).map((r) => r.sub.type);
  const failures = results.filter((r): r is { sub: EventSubSubscription; error: SourceError } => r.error !== null);
  if (active.length === 0 && failures.length > 0) throw failures[0]!.error;
  return {
    active,
    refused: failures.map(({ sub, error }) => refusalOf(sub, error)),
  };
}
