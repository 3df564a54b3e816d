import { SourceError } from '../core/errors.js';
import { TWITCH_ENDPOINTS, type Fetch, type TwitchEndpoints } from './endpoints.js';

/** What `GET /oauth2/validate` says about a token (twitch-protocols.md §4.2). */
export interface TokenValidation {
  readonly clientId: string;
  readonly login: string;
  readonly userId: string;
  readonly scopes: readonly string[];
  /** Seconds until the token expires, as of `validatedAt`. */
  readonly expiresIn: number;
  readonly validatedAt: number;
  /** What every Helix call must send for this token: Bearer + the Client-Id that issued it. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface ValidateOptions {
  readonly endpoints?: TwitchEndpoints;
  readonly fetch?: Fetch;
  readonly signal?: AbortSignal;
}

/** Helix wants the token and the client id that issued it (§4.1). */
export function helixHeaders(token: string, clientId: string): Record<string, string> {
  return { Authorization: `Bearer ${token}`, 'Client-Id': clientId };
}

const NEW_TOKEN_HINT = 'Make a new overlay link on the setup page ("Connect with Twitch").';

/**
 * Validates a user token. Resolves with what Twitch knows of it; rejects with an `auth`
 * SourceError for a token Twitch refuses, or a retryable `network` one when Twitch could not
 * be asked.
 */
export async function validateToken(token: string, options: ValidateOptions = {}): Promise<TokenValidation> {
  const endpoints = options.endpoints ?? TWITCH_ENDPOINTS;
  const fetcher = options.fetch ?? fetch.bind(globalThis);
  const bare = token.replace(/^(oauth:|Bearer\s+)/i, '');
  let response: Response;
  try {
    response = await fetcher(endpoints.validate ?? `${endpoints.id}/oauth2/validate`, { headers: { Authorization: `Bearer ${bare}` }, signal: options.signal });
  } catch (error) {
    throw new SourceError('network', 'Could not reach Twitch to check the token; will try again.', { cause: error });
  }
  if (response.status === 401) throw new SourceError('auth', `Twitch says the token is invalid or has expired. ${NEW_TOKEN_HINT}`);
  if (!response.ok) throw new SourceError('network', `Twitch answered ${response.status} when checking the token; will try again.`);
  let body: { client_id?: unknown; login?: unknown; user_id?: unknown; scopes?: unknown; expires_in?: unknown };
  try {
    body = await response.json();
  } catch (error) {
    throw new SourceError('protocol', 'Twitch sent an unreadable answer when checking the token.', { cause: error });
  }
  if (typeof body.client_id !== 'string' || typeof body.user_id !== 'string') {
    throw new SourceError('protocol', 'Twitch’s token check lacked the client id or user id.');
  }
  return {
    headers: helixHeaders(bare, body.client_id),
    clientId: body.client_id,
    login: typeof body.login === 'string' ? body.login : '',
    userId: body.user_id,
    scopes: Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === 'string') : [],
    expiresIn: typeof body.expires_in === 'number' ? body.expires_in : 0,
    validatedAt: Date.now(),
  };
}
