import { SourceError } from '../core/errors.js';
import { validateToken, type TokenValidation } from '../twitch/validate-token.js';
import type { OverlayEnv } from './overlay-definition.js';
import { scopeProblem, type OverlayEntry } from '../registry/overlay-entry.js';

/**
 * What every overlay with a token does first: validate it (§4.2; a refusal becomes the setup
 * card) and tell the boot whose it is, for the dock. Apart from connectTwitch, which also makes
 * the Helix client, for a page that draws before its connection's code has loaded (the label).
 */
export async function acceptToken(token: string, env: OverlayEnv): Promise<TokenValidation> {
  const validation = await validateToken(token, { endpoints: env.endpoints.twitch });
  env.tokenValidated(validation);
  return validation;
}

/** acceptToken, for an overlay whose `entry` requires scopes: a token without one is a setup mistake the card names. */
export async function acceptTokenFor(entry: Pick<OverlayEntry, 'title' | 'scopes'>, token: string, env: OverlayEnv): Promise<TokenValidation> {
  const validation = await acceptToken(token, env);
  const missing = scopeProblem(entry, validation.scopes);
  if (missing) throw new SourceError('auth', missing);
  return validation;
}
