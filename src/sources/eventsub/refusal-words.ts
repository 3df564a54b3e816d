import type { EventSubSubscription } from './eventsub-subscription.js';
import type { RefusalReason, SubscriptionRefusal } from './refusal.js';

/*
 * The words of the refusals only the connection's owner makes (a limit of the account, a
 * revocation), apart from refusal.ts, which every page loads up front.
 */

/** Twitch refused `subscription` for a lasting limit of the account (`twitch`, its words, see lasting-limit.ts): what would end it. */
export function limitRefusal({ type, version }: EventSubSubscription, twitch: string): SubscriptionRefusal {
  const message =
    twitch.includes('websocket transports')
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
