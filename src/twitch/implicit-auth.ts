import { TWITCH_ENDPOINTS, type TwitchEndpoints } from './endpoints.js';

const PENDING_KEY = 'ovl.auth.pending';

/** A login asked of Twitch and not answered yet, kept under its own `state`. */
interface PendingLogin {
  readonly clientId: string;
  readonly idBase: string;
  readonly scopes: readonly string[];
}

export type LoginResult =
  | {
      readonly ok: true;
      readonly token: string;
      /** The scopes Twitch says it granted. */
      readonly scopes: readonly string[];
      /** The scopes this login asked for. */
      readonly asked: readonly string[];
      readonly clientId: string;
      readonly endpoints: TwitchEndpoints;
    }
  | { readonly ok: false; readonly error: string; readonly asked: readonly string[] };

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

function pendingLogins(storage: Storage): Record<string, PendingLogin> {
  try {
    const stored: unknown = JSON.parse(storage.getItem(PENDING_KEY) ?? '{}');
    return stored && typeof stored === 'object' ? (stored as Record<string, PendingLogin>) : {};
  } catch {
    return {};
  }
}

/**
 * The implicit grant for a page with no server (twitch-protocols.md §4.4): returns the
 * authorize URL to open, after keeping a fresh random `state` for this one request in
 * `storage` (sessionStorage: this tab only). Several logins may be pending at once, each
 * under its own state.
 */
export function beginLogin(options: BeginLoginOptions): string {
  const endpoints = options.endpoints ?? TWITCH_ENDPOINTS;
  const storage = options.storage ?? sessionStorage;
  const state = randomState();
  const pending = { ...pendingLogins(storage), [state]: { clientId: options.clientId, idBase: endpoints.id, scopes: [...options.scopes] } };
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
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
 * Twitch's answer as the redirect URL carries it: `#access_token=…&state=…` or
 * `error=…&error_description=…` (in the fragment or the query). Null when it carries none.
 */
export function loginAnswer(url: URL): URLSearchParams | null {
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const answer = fragment.has('access_token') || fragment.has('error') ? fragment : url.searchParams;
  return answer.has('access_token') || answer.has('error') ? answer : null;
}

/**
 * Settles the login that `answer` replies to. Null when its `state` is none that `beginLogin`
 * kept (a forged or replayed answer, CSRF): the caller ignores it. Each state is used once.
 */
export function completeLogin(answer: URLSearchParams, storage: Storage = sessionStorage): LoginResult | null {
  const pending = pendingLogins(storage);
  const state = answer.get('state') ?? '';
  const login = Object.hasOwn(pending, state) ? pending[state] : undefined;
  if (!login) return null;
  delete pending[state];
  storage.setItem(PENDING_KEY, JSON.stringify(pending));
  if (answer.has('error') || !answer.get('access_token')) {
    return { ok: false, error: `Twitch did not grant access: ${answer.get('error_description') ?? answer.get('error') ?? 'no token came back'}`, asked: login.scopes };
  }
  const scopes = (answer.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
  const endpoints = login.idBase === TWITCH_ENDPOINTS.id ? TWITCH_ENDPOINTS : { id: login.idBase, helix: `${new URL(login.idBase).origin}/helix` };
  return { ok: true, token: answer.get('access_token')!, scopes, asked: login.scopes, clientId: login.clientId, endpoints };
}

/** Forgets every login not answered yet: an answer to one of them is ignored from now on. */
export function forgetLogins(storage: Storage = sessionStorage): void {
  storage.removeItem(PENDING_KEY);
}
