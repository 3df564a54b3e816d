import { TWITCH_ENDPOINTS, type TwitchEndpoints } from './endpoints.js';

const STATE_KEY = 'ovl.auth.pending';

interface PendingLogin {
  readonly state: string;
  readonly clientId: string;
  readonly idBase: string;
}

export type LoginResult =
  | { readonly ok: true; readonly token: string; readonly scopes: readonly string[]; readonly clientId: string; readonly endpoints: TwitchEndpoints }
  | { readonly ok: false; readonly error: string };

export interface BeginLoginOptions {
  readonly clientId: string;
  readonly scopes: readonly string[];
  /** Must be registered for the client id in Twitch's developer console, exactly. */
  readonly redirectUri: string;
  readonly endpoints?: TwitchEndpoints;
  readonly storage?: Storage;
  /** Ask Twitch to show the consent screen even if already granted. */
  readonly forceVerify?: boolean;
}

function randomState(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The implicit grant for a page with no server (twitch-protocols.md §4.4): returns the
 * authorize URL to navigate to, after storing a random `state` in sessionStorage.
 */
export function beginLogin(options: BeginLoginOptions): string {
  const endpoints = options.endpoints ?? TWITCH_ENDPOINTS;
  const state = randomState();
  const pending: PendingLogin = { state, clientId: options.clientId, idBase: endpoints.id };
  (options.storage ?? sessionStorage).setItem(STATE_KEY, JSON.stringify(pending));
  const url = new URL(`${endpoints.id}/oauth2/authorize`);
  url.searchParams.set('response_type', 'token');
  url.searchParams.set('client_id', options.clientId);
  url.searchParams.set('redirect_uri', options.redirectUri);
  url.searchParams.set('scope', options.scopes.join(' '));
  url.searchParams.set('state', state);
  if (options.forceVerify) url.searchParams.set('force_verify', 'true');
  return url.href;
}

/**
 * Reads Twitch's answer from the page URL after the redirect: `#access_token=…&state=…` or
 * `error=…&error_description=…` (in the fragment or the query). Returns null when the URL
 * carries no answer. The `state` must match the one stored by `beginLogin` (CSRF); it is used
 * once. Remove the answer from the address bar afterwards (`history.replaceState`).
 */
export function completeLogin(location: URL, storage: Storage = sessionStorage): LoginResult | null {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const answer = fragment.has('access_token') || fragment.has('error') ? fragment : location.searchParams;
  if (!answer.has('access_token') && !answer.has('error')) return null;
  const stored = storage.getItem(STATE_KEY);
  storage.removeItem(STATE_KEY);
  let pending: PendingLogin | null = null;
  try {
    pending = stored ? (JSON.parse(stored) as PendingLogin) : null;
  } catch {
    pending = null;
  }
  if (!pending || answer.get('state') !== pending.state) {
    return { ok: false, error: 'The answer from Twitch did not match a login started on this page, so it was ignored. Click "Connect with Twitch" again.' };
  }
  if (answer.has('error')) {
    return { ok: false, error: `Twitch did not grant access: ${answer.get('error_description') ?? answer.get('error')}` };
  }
  const token = answer.get('access_token') ?? '';
  const scopes = (answer.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
  const idBase = pending.idBase;
  const endpoints = idBase === TWITCH_ENDPOINTS.id ? TWITCH_ENDPOINTS : { id: idBase, helix: `${new URL(idBase).origin}/helix` };
  return { ok: true, token, scopes, clientId: pending.clientId, endpoints };
}
