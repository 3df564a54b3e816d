import { SourceError } from '../core/errors.js';
import type { TokenValidation } from '../twitch/validate-token.js';
import { HelixClient } from '../twitch/helix-client.js';
import { getUsers, type TwitchUser } from '../twitch/helix-api.js';
import { TokenWatch } from '../twitch/token-watch.js';
import type { OverlayEnv } from './overlay-definition.js';
import { acceptToken } from './accept-token.js';

/** An overlay's token, as Twitch validated it, with the Helix client that uses it. */
export interface TwitchSession {
  readonly token: string;
  readonly validation: TokenValidation;
  readonly helix: HelixClient;
  /**
   * Re-validates the token every hour (§4.2). Put it in the overlay's `sources`: if Twitch
   * refuses the token, the boot stops every source and the setup card says how to get a new one.
   */
  readonly watch: TokenWatch;
}

/**
 * What every overlay with a token does first: validate it (a refusal becomes the setup card)
 * and make the Helix client and the hourly watch for it.
 */
export async function connectTwitch(token: string, env: OverlayEnv): Promise<TwitchSession> {
  return twitchSession(token, await acceptToken(token, env), env);
}

/** The Helix client and the hourly watch for a token already validated (acceptToken). */
export function twitchSession(token: string, validation: TokenValidation, env: OverlayEnv): TwitchSession {
  const endpoints = env.endpoints.twitch;
  return {
    token,
    validation,
    helix: new HelixClient({ token, clientId: validation.clientId, endpoints }),
    watch: new TokenWatch({ token, endpoints, schedule: env.schedule, validation }),
  };
}

/** The channel with this login, or a `config` error the setup card shows. */
export async function channelByLogin(helix: HelixClient, login: string): Promise<TwitchUser> {
  const [user] = await getUsers(helix, { logins: [login] });
  if (!user) throw new SourceError('config', `Twitch has no channel called "${login}". Check the channel name.`);
  return user;
}
