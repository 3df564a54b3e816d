/** What the fake id.twitch.tv's authorize endpoint and the setup page's tests agree on (loaded in the browser too). */

/** The fake refuses every login of this client id, as a streamer pressing "Cancel" would. */
export const DENYING_CLIENT_ID = 'deny';
/**
 * Client ids starting with this get the consent screen on every authorize, even for scopes
 * already granted: a Twitch that asks again (what it does for a subset of granted scopes is
 * unconfirmed; the setup page must work either way).
 */
export const ALWAYS_ASKING_CLIENT_PREFIX = 'always-asking';
/** Seconds an implicit-grant token lives in the fake: 58 days, as validate says of a fresh one. */
export const IMPLICIT_TOKEN_LIFETIME = 58 * 24 * 3600;
