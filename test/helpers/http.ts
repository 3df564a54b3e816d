/** Values the fake HTTP server and the tests agree on (no Node imports: loaded in the browser too). */
export const TEST_CLIENT_ID = 'testclientid';
export const GOOD_TOKEN = 'goodtoken';
/** The broadcaster's own token, with `channel:read:redemptions` as well. */
export const BROADCASTER_TOKEN = 'broadcastertoken';
/**
 * A token of the fixture channel's broadcaster carrying exactly these scopes: the fake Twitch
 * reports them on /oauth2/validate and refuses EventSub types they do not cover (403).
 */
export const scopedToken = (scopes: readonly string[]): string => ['scoped', ...scopes].join('~');
/** The scopes of a `scopedToken`, or null for any other token. */
export const scopesOfToken = (token: string): string[] | null => (token.startsWith('scoped~') ? token.split('~').slice(1).filter(Boolean) : null);
/** A client id the fake's device flow answers with a 1 s polling interval (Twitch says 5 s). */
export const QUICK_POLL_CLIENT_ID = 'quick-poll-app';
/** The channel whose emotes and badges the fixtures hold. */
export const FIXTURE_CHANNEL_ID = '141981764';
/** A channel id for which every emote service answers 500. */
export const BROKEN_CHANNEL_ID = '500500500';

/** A chatter with an FFZ supporter badge, a BTTV badge, and a 7TV badge and linear paint in the fixtures. */
export const COSMETIC_USER_ID = '7000001';
/** A chatter whose 7TV style has only a radial paint. */
export const RADIAL_USER_ID = '7000003';
