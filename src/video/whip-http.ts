import { SourceError } from '../core/errors.js';
import type { Fetch } from '../twitch/endpoints.js';
import { iceServersFromLink } from './link-header.js';

/** Twitch's WHIP ingest (twitch-protocols.md §6.1); the Bearer token is the stream key. */
export const TWITCH_WHIP_ENDPOINT = 'https://g.webrtc.live-video.net:4443/v2/offer';

/** What a WHIP endpoint answered to our offer. */
export interface WhipAnswer {
  readonly sdp: string;
  /**
   * The session resource for PATCH and DELETE, resolved against the URL that answered (after
   * any redirect). Null when the server sent no `Location`, or CORS hides it from the page.
   */
  readonly session: URL | null;
  readonly etag: string | null;
  /** STUN/TURN servers from `Link` headers. */
  readonly iceServers: RTCIceServer[];
}

/** A `SourceError` that carries how long the server asked us to wait. */
export class WhipRetryError extends SourceError {
  constructor(
    message: string,
    readonly retryAfterMs: number | undefined,
  ) {
    super('rate-limit', message);
  }
}

const bearer = (key: string): Record<string, string> => (key ? { Authorization: `Bearer ${key}` } : {});

/**
 * `POST`s the SDP offer (RFC 9725 §4.2). The browser follows a 307 by itself, keeping method,
 * body and, on the same origin, the Authorization header. Every refusal becomes a SourceError
 * whose message carries the server's own words.
 */
export async function postOffer(endpoint: string, offer: string, key: string, fetchImpl: Fetch = fetch): Promise<WhipAnswer> {
  let response: Response;
  try {
    response = await fetchImpl(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/sdp', ...bearer(key) }, body: offer });
  } catch (error) {
    throw new SourceError('network', `Could not reach the WHIP endpoint ${new URL(endpoint).host} (offline, or it does not allow this page by CORS).`, { cause: error });
  }
  if (!response.ok) throw await refusal(response, endpoint);
  const sdp = await response.text();
  if (!/^v=0/.test(sdp)) throw new SourceError('protocol', `The WHIP endpoint answered ${response.status} without an SDP answer.`, { retryable: false });
  const location = response.headers.get('Location');
  return {
    sdp,
    session: location ? new URL(location, response.url || endpoint) : null,
    etag: response.headers.get('ETag'),
    iceServers: iceServersFromLink(response.headers.get('Link')),
  };
}

/**
 * Sends late ICE candidates (RFC 9725 §4.3.2). Resolves false when the server does not do
 * trickle ICE (405, 422, 501): it then has only the candidates of the offer, which is fine
 * when those were gathered first.
 */
export async function patchCandidates(session: URL, fragment: string, etag: string | null, key: string, fetchImpl: Fetch = fetch): Promise<boolean> {
  const response = await fetchImpl(session.href, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/trickle-ice-sdpfrag', 'If-Match': etag ?? '*', ...bearer(key) },
    body: fragment,
  });
  if (response.ok) return true;
  if ([405, 422, 501].includes(response.status)) return false;
  throw await refusal(response, session.href);
}

/** Ends the session (RFC 9725 §4.2), freeing the server's resources. Never throws. */
export async function deleteSession(session: URL, key: string, fetchImpl: Fetch = fetch): Promise<boolean> {
  try {
    return (await fetchImpl(session.href, { method: 'DELETE', headers: bearer(key) })).ok;
  } catch {
    return false;
  }
}

/** What a server says when it is the key it refuses. */
const KEY_WORDS = /unauthori[sz]ed|forbidden|\bkey\b|token|credential|auth/i;
/** Where a streamer gets a key that works. */
const NEW_KEY = "Check the key: copy it again from Twitch's Creator Dashboard → Settings → Stream → Primary Stream key (or from your ingest service's settings).";

async function refusal(response: Response, url: string): Promise<SourceError> {
  const said = (await response.text().catch(() => '')).trim().slice(0, 300);
  const words = said ? `: ${said}` : '';
  const status = response.status;
  // 401 is about the key, and so is a 403 that says nothing else ("Unauthorized", Janus's
  // word for a wrong key, or no reason at all). One that gives another reason ("already in
  // use", "not live") goes as the server said it: a new key would not help.
  if (status === 401 || (status === 403 && (!said || KEY_WORDS.test(said)))) {
    return new SourceError('auth', `The ingest server refused the stream key (${status}${said ? `: ${said}` : ''}). ${NEW_KEY}`);
  }
  if (status === 403) return new SourceError('auth', `The WHIP endpoint refused to publish (403)${words}`);
  if (status === 404) return new SourceError('config', `There is no WHIP endpoint at ${url} (404). Check the URL.`);
  if (status === 503 || status === 429) {
    const wait = retryAfterMs(response.headers.get('Retry-After'));
    return new WhipRetryError(`The WHIP endpoint is busy (${status})${wait !== undefined ? `; it asked us to retry in ${Math.round(wait / 1000)} s` : ''}.`, wait);
  }
  if (status >= 500) return new SourceError('network', `The WHIP endpoint failed (${status})${words}; retrying.`);
  return new SourceError('protocol', `The WHIP endpoint refused the offer (${status})${words}.`, { retryable: false });
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
