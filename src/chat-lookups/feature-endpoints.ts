import { EMOTE_ENDPOINTS } from './emotes/emote-endpoints.js';

/**
 * Base URLs of the public, no-token APIs behind the optional chat features (badges without a
 * token, third-party badges, 7TV cosmetics, pronouns); tests point them at a fake server.
 * Each is the service's documented base, without a trailing slash.
 */
export interface FeatureEndpoints {
  /** IVR: Twitch badges without a token (`/v2/twitch/badges/global`, `/channel?id=`). */
  readonly ivr: string;
  /** FrankerFaceZ v1 (`/badges/ids`). */
  readonly ffz: string;
  /** BetterTTV v3 (`/cached/badges/twitch`). */
  readonly bttv: string;
  /** 7TV v3 REST (`/users/twitch/:id`) and its GraphQL endpoint (`/gql`). */
  readonly seventv: string;
  /** alejo.io pronouns v1 (`/pronouns`, `/users/:login`). */
  readonly pronouns: string;
}

export const FEATURE_ENDPOINTS: FeatureEndpoints = {
  ivr: 'https://api.ivr.fi',
  // The emote services' own APIs serve their badges and cosmetics too.
  ffz: EMOTE_ENDPOINTS.ffz,
  bttv: EMOTE_ENDPOINTS.bttv,
  seventv: EMOTE_ENDPOINTS.seventv,
  pronouns: 'https://api.pronouns.alejo.io/v1',
};

/**
 * Every feature API under one local origin, in the layout of the test servers (`/ivr`,
 * `/ffz/v1`, `/bttv/3`, `/7tv/v3`, `/pronouns/v1`): for `?dev-origin` and the tests.
 */
export function featureEndpointsAt(origin: string): FeatureEndpoints {
  return { ivr: `${origin}/ivr`, ffz: `${origin}/ffz/v1`, bttv: `${origin}/bttv/3`, seventv: `${origin}/7tv/v3`, pronouns: `${origin}/pronouns/v1` };
}
