import { SourceError } from '../core/errors.js';
import { TWITCH_ENDPOINTS, type Fetch, type TwitchEndpoints } from './endpoints.js';

/** What Twitch's device endpoint hands out (twitch-protocols.md §4.4). */
export interface DeviceCode {
  readonly deviceCode: string;
  /** The code the streamer types at `verificationUri`. */
  readonly userCode: string;
  readonly verificationUri: string;
  readonly expiresIn: number;
  /** Seconds to wait between polls. */
  readonly interval: number;
}

export interface DeviceToken {
  readonly token: string;
  /** Rotates on use; expires after 30 days unused. Not used by the overlays yet. */
  readonly refreshToken: string;
  readonly scopes: readonly string[];
  readonly expiresIn: number;
}

export interface DeviceOptions {
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly endpoints?: TwitchEndpoints;
  readonly fetch?: Fetch;
}

const GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

async function post(options: DeviceOptions, path: string, form: Record<string, string>): Promise<Response> {
  const fetcher = options.fetch ?? fetch.bind(globalThis);
  try {
    return await fetcher(`${(options.endpoints ?? TWITCH_ENDPOINTS).id}${path}`, { method: 'POST', body: new URLSearchParams(form) });
  } catch (error) {
    // A TypeError before any answer: offline, or the browser refused the cross-origin call.
    throw new SourceError('network', 'This browser could not reach Twitch’s device login (offline, or Twitch does not allow calls from web pages there). Use "Connect with Twitch" instead.', {
      retryable: false,
      cause: error,
    });
  }
}

/**
 * Starts the device-code flow. Whether Twitch lets a web page call these endpoints is not
 * confirmed (§4.4); this is the feature check: it rejects with a non-retryable `network`
 * SourceError when the browser cannot make the call, and the page falls back to the redirect.
 */
export async function startDeviceLogin(options: DeviceOptions): Promise<DeviceCode> {
  const response = await post(options, '/oauth2/device', { client_id: options.clientId, scopes: options.scopes.join(' ') });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof body.device_code !== 'string') {
    throw new SourceError('config', `Twitch refused to start a device login: ${String(body.message ?? response.status)}. Check the client id (the app must be a Public client).`);
  }
  return {
    deviceCode: body.device_code,
    userCode: String(body.user_code),
    verificationUri: String(body.verification_uri),
    expiresIn: Number(body.expires_in),
    interval: Number(body.interval) || 5,
  };
}

/**
 * Polls until the streamer has entered the code (or it expires / is denied), no faster than
 * Twitch's `interval`. Resolves with the token.
 */
export async function finishDeviceLogin(
  options: DeviceOptions & { readonly code: DeviceCode; readonly sleep?: (ms: number) => Promise<void>; readonly signal?: AbortSignal },
): Promise<DeviceToken> {
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  let interval = options.code.interval;
  const deadline = Date.now() + options.code.expiresIn * 1000;
  while (Date.now() < deadline) {
    await sleep(interval * 1000);
    if (options.signal?.aborted) throw new SourceError('config', 'Device login cancelled.');
    const response = await post(options, '/oauth2/token', {
      client_id: options.clientId,
      scopes: options.scopes.join(' '),
      device_code: options.code.deviceCode,
      grant_type: GRANT,
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok && typeof body.access_token === 'string') {
      return {
        token: body.access_token,
        refreshToken: String(body.refresh_token ?? ''),
        scopes: Array.isArray(body.scope) ? body.scope.map(String) : [],
        expiresIn: Number(body.expires_in) || 0,
      };
    }
    const reason = String(body.message ?? body.error ?? response.status);
    if (reason === 'authorization_pending') continue;
    if (reason === 'slow_down') {
      interval += 5;
      continue;
    }
    throw new SourceError('auth', `The device login ended: ${reason}. Start again.`);
  }
  throw new SourceError('auth', 'The code expired before it was entered. Start again.');
}
