import { SourceError } from '../core/errors.js';
import { validateToken, type TokenValidation } from '../twitch/validate-token.js';
import { HelixClient } from '../twitch/helix-client.js';
import { getUsers, type TwitchUser } from '../twitch/helix-api.js';
import type { OverlayEnv } from './boot.js';

/** An overlay's token, as Twitch validated it, with the Helix client that uses it. */
export interface TwitchSession {
  readonly token: string;
  readonly validation: TokenValidation;
  readonly helix: HelixClient;
}

/**
 * What every overlay with a token does first: validate it (a refusal becomes the setup card),
 * have the boot re-validate it hourly, and make the Helix client for it.
 */
export async function connectTwitch(token: string, env: OverlayEnv): Promise<TwitchSession> {
  const validation = await validateToken(token, { endpoints: env.endpoints.twitch });
  await env.watchToken(token);
  return { token, validation, helix: new HelixClient({ token, clientId: validation.clientId, endpoints: env.endpoints.twitch }) };
}

/** The channel with this login, or a `config` error the setup card shows. */
export async function channelByLogin(helix: HelixClient, login: string): Promise<TwitchUser> {
  const [user] = await getUsers(helix, { logins: [login] });
  if (!user) throw new SourceError('config', `Twitch has no channel called "${login}". Check the channel name.`);
  return user;
}
