import { SourceError, type SourceErrorCode } from '../../core/errors.js';
import type { LastingLimit } from '../../twitch/helix-client.js';
import type { EventSubSubscription } from './eventsub-subscription.js';

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

/** How a page fails when Twitch refused or ended every one of its subscriptions, by the first one's reason. */
const FAILURES: Readonly<Record<RefusalReason, { readonly code: SourceErrorCode; readonly retryable: boolean; readonly words: boolean }>> = {
  unauthorized: { code: 'auth', retryable: false, words: false },
  'rate-limited': { code: 'rate-limit', retryable: true, words: false },
  // Asked again, while the card says what would end it.
  limit: { code: 'config', retryable: true, words: true },
  // The token or the account is gone: nothing of this overlay works any more (boot reads `auth` so).
  revoked: { code: 'auth', retryable: false, words: true },
  // The token still holds: the streamer has something to do (the card says what), the other sources go on.
  ended: { code: 'config', retryable: false, words: true },
  failed: { code: 'network', retryable: true, words: false },
};

/** The error of a page whose subscriptions Twitch all refused or ended, `refusal` the first. */
export function refusalError(refusal: SubscriptionRefusal): SourceError {
  const { code, retryable, words } = FAILURES[refusal.reason];
  return new SourceError(code, words ? refusal.message : `Twitch would not create the subscription: ${refusal.message}`, { retryable });
}

/** Refusals asked for again within the session: what another minute can change. */
export const ASKED_AGAIN: ReadonlySet<RefusalReason> = new Set(['rate-limited', 'limit', 'failed']);

/** Twitch refused `subscription` for a lasting limit of the account (`twitch`, its words): what would end it. */
export function limitRefusal({ type, version }: EventSubSubscription, limit: LastingLimit, twitch: string): SubscriptionRefusal {
  const message =
    limit === 'transports'
      ? `Twitch allows 3 EventSub connections per account and refused another (${twitch}). Close the other overlay sets of this account, e.g. a second copy in another OBS or in a browser tab. The overlays try again every few minutes and come back by themselves.`
      : `Twitch allows 3 copies of the ${type} subscription per account and refused a 4th (${twitch}). Close the other copies of these overlays, e.g. in another OBS or in a browser tab. The overlays try again every minute or so.`;
  return { type, version, reason: 'limit', message };
}

/** A revocation's `status`, in words a streamer can act on (dev.twitch.tv, "Revocation message"). */
function revocationWords({ type, version }: EventSubSubscription, status: string): { readonly reason: RefusalReason; readonly message: string } {
  switch (status) {
    case 'authorization_revoked':
      return {
        reason: 'revoked',
        message: `Twitch ended ${type} because the token of this overlay was revoked (authorization_revoked): the app was disconnected in Twitch's Settings → Connections, or the password changed. Make a new overlay link on the setup page ("Connect with Twitch") and put it in OBS.`,
      };
    case 'user_removed':
      return {
        reason: 'revoked',
        message: `Twitch ended ${type} because the Twitch account it is about no longer exists or was suspended (user_removed). Nothing of it arrives until the account is back; for another account, make a new overlay link on the setup page.`,
      };
    case 'version_removed':
      return {
        reason: 'ended',
        message: `Twitch retired version ${version} of ${type} (version_removed), so these overlays no longer receive it: update the overlays to their latest version. The other events go on.`,
      };
    case 'moderator_removed':
      return { reason: 'ended', message: `Twitch ended ${type} because the account reading it is no longer a moderator of the channel (moderator_removed). The other events go on.` };
    default:
      return { reason: 'ended', message: `Twitch ended ${type} (${status}); it is asked for again on the next connection. The other events go on.` };
  }
}

/** What a page hears of a subscription Twitch ended: it stays refused for the rest of the session. */
export function revocationRefusal(subscription: EventSubSubscription, status: string): SubscriptionRefusal {
  return { type: subscription.type, version: subscription.version, ...revocationWords(subscription, status) };
}
