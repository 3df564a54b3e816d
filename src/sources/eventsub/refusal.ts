import { SourceError, type SourceErrorCode } from '../../core/errors.js';

/**
 * Why Twitch would not create one subscription (§3.4), or ended it (a revocation, §3.2):
 * - `unauthorized`: 401/403, a refused token or a missing scope.
 * - `rate-limited`: a 429 of the request bucket or of the cost limit.
 * - `limit`: a 429 of a limit of the account that lasts until another of its connections or
 *   subscriptions goes away (3 connections, 3 of one subscription): the streamer can end it.
 * - `revoked`: Twitch ended it because the token was revoked or the account is gone
 *   (`authorization_revoked`, `user_removed`): the one revocation that is about the token.
 * - `ended`: Twitch ended it for another reason (`version_removed`, `moderator_removed`, …).
 * - `failed`: anything else.
 */
export type RefusalReason = 'unauthorized' | 'rate-limited' | 'limit' | 'revoked' | 'ended' | 'failed';

export interface SubscriptionRefusal {
  readonly type: string;
  readonly version: string;
  readonly reason: RefusalReason;
  /** Twitch's own words (a creation refused), or words for the streamer that quote Twitch's (`limit`, `revoked`, `ended`). */
  readonly message: string;
}

/** The error code of a page whose subscriptions Twitch all refused or ended, by the first one's reason. */
const CODES: Readonly<Record<RefusalReason, SourceErrorCode>> = {
  unauthorized: 'auth',
  'rate-limited': 'rate-limit',
  limit: 'config',
  // The token or the account is gone: nothing of this overlay works any more (boot reads `auth` so).
  revoked: 'auth',
  // The token still holds: the streamer has something to do (the card says what), the other sources go on.
  ended: 'config',
  failed: 'network',
};

/** Refusals whose message is words for the streamer (refusal-words.ts), not Twitch's alone: they have something to do, or to know. */
export const OWN_WORDS: ReadonlySet<RefusalReason> = new Set(['limit', 'revoked', 'ended']);

/** The error of a page whose subscriptions Twitch all refused or ended, `refusal` the first. */
export function refusalError({ reason, message }: SubscriptionRefusal): SourceError {
  // A limit is asked for again while the card says what would end it; the rest retry as their code does.
  return new SourceError(CODES[reason], OWN_WORDS.has(reason) ? message : `Twitch would not create the subscription: ${message}`, reason === 'limit' ? { retryable: true } : {});
}
