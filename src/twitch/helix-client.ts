import { SourceError } from '../core/errors.js';
import { Backoff } from '../core/backoff.js';
import { createLogger } from '../core/logger.js';
import { KeyedCache } from '../core/keyed-cache.js';
import { TWITCH_ENDPOINTS, type Fetch, type TwitchEndpoints } from './endpoints.js';
import { helixHeaders } from './validate-token.js';
import { isLastingLimit } from './lasting-limit.js';

export interface HelixClientOptions {
  readonly token: string;
  /** The client id the token was issued to (from `validateToken`). */
  readonly clientId: string;
  readonly endpoints?: TwitchEndpoints;
  readonly fetch?: Fetch;
  /** Retries after a 429, a 5xx, a timeout or a network failure before giving up. Default 3. */
  readonly maxRetries?: number;
  /** A request not answered within this is abandoned and retried. Default 10 s. */
  readonly timeoutMs?: number;
  /** Delays between retries when Twitch gives no reset time. */
  readonly backoff?: Backoff;
  /** Injectable clock and sleep, for tests. */
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type HelixParams = Record<string, string | number | readonly (string | number)[] | undefined>;

const log = createLogger('helix');

function query(params: HelixParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * A small Helix client for a page with no server (§4.1): Bearer + Client-Id on every call,
 * at most one identical GET in flight, 429 honoured by waiting for `Ratelimit-Reset` (or
 * backing off when the header is not readable, as when Helix does not expose it to the page),
 * 5xx retried with backoff, 401 reported at once, and a 429 whose body names a limit that
 * waiting does not end (LASTING_LIMIT) reported at once too.
 */
export class HelixClient {
  private readonly options: HelixClientOptions;
  /** GETs in flight by URL; answers are not kept. */
  private readonly inFlight = new KeyedCache<string, unknown>(0);
  private readonly fetcher: Fetch;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Epoch ms before which no request is sent, after Twitch reported the bucket empty. */
  private pausedUntil = 0;

  constructor(options: HelixClientOptions) {
    this.options = options;
    this.fetcher = options.fetch ?? fetch.bind(globalThis);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** GET `path` (e.g. `/users`) and return the parsed JSON body. */
  get<T>(path: string, params: HelixParams = {}): Promise<T> {
    const url = `${this.urlOf(path)}${query(params)}`;
    return this.inFlight.load(url, () => this.request<T>(url, { method: 'GET' })) as Promise<T>;
  }

  /** POST a JSON body to `path` (e.g. `/eventsub/subscriptions`) and return the parsed answer. Not deduplicated. */
  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>(this.urlOf(path), { method: 'POST', body: JSON.stringify(body), contentType: 'application/json' });
  }

  private urlOf(path: string): string {
    const endpoints = this.options.endpoints ?? TWITCH_ENDPOINTS;
    return endpoints.routes?.[path] ?? `${endpoints.helix}${path}`;
  }

  private async request<T>(url: string, init: { method: string; body?: string; contentType?: string }): Promise<T> {
    const backoff = this.options.backoff ?? new Backoff({ initialMs: 1000, maxMs: 30_000 });
    const maxRetries = this.options.maxRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      const wait = this.pausedUntil - this.now();
      if (wait > 0) await this.sleep(wait);
      let response: Response;
      // AbortSignal.timeout needs Chromium 103+ and has quirks before 124: a plain timer instead.
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), this.options.timeoutMs ?? 10_000);
      try {
        const headers = { ...helixHeaders(this.options.token, this.options.clientId), ...(init.contentType && { 'Content-Type': init.contentType }) };
        response = await this.fetcher(url, { method: init.method, headers, body: init.body, signal: abort.signal });
      } catch (error) {
        const why = abort.signal.aborted ? `no answer within ${this.options.timeoutMs ?? 10_000} ms` : 'could not connect';
        if (attempt >= maxRetries) throw new SourceError('network', `Could not reach the Twitch API (${why}).`, { cause: error });
        await this.sleep(backoff.next() ?? 30_000);
        continue;
      } finally {
        clearTimeout(timer);
      }
      // A 429's body is read first: a lasting limit is no empty bucket, so it pauses no other request and is not retried (it would only meet the limit again).
      const rateLimited = response.status === 429 ? await this.failure(response) : null;
      if (rateLimited && isLastingLimit(rateLimited)) throw rateLimited;
      this.noteRateLimit(response);
      if (response.ok) return this.parse<T>(response);
      if (response.status === 401) {
        // Twitch says why: "Invalid OAuth token", or "Missing scope: …" naming the scope.
        const reason = (await this.failure(response)).message;
        throw new SourceError('auth', `${reason} Make a new overlay link on the setup page.`);
      }
      const retryable = rateLimited !== null || response.status >= 500;
      if (!retryable || attempt >= maxRetries) throw rateLimited ?? (await this.failure(response));
      const delay = response.status === 429 ? Math.max(this.pausedUntil - this.now(), 0) || (backoff.next() ?? 30_000) : (backoff.next() ?? 30_000);
      log.debug(`HTTP ${response.status}; retrying in ${delay} ms`);
      await this.sleep(delay);
    }
  }

  /** `Ratelimit-Remaining: 0` (or a 429) pauses every request until `Ratelimit-Reset` (epoch seconds). */
  private noteRateLimit(response: Response): void {
    const remaining = response.headers.get('Ratelimit-Remaining');
    const reset = Number(response.headers.get('Ratelimit-Reset'));
    if ((remaining === '0' || response.status === 429) && Number.isFinite(reset) && reset > 0) {
      this.pausedUntil = Math.max(this.pausedUntil, reset * 1000);
    }
  }

  private async parse<T>(response: Response): Promise<T> {
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new SourceError('protocol', 'The Twitch API sent an answer that is not JSON.', { cause: error });
    }
  }

  private async failure(response: Response): Promise<SourceError> {
    const text = await response.text().catch(() => '');
    let message = text.slice(0, 200);
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {
      // not JSON: keep the text
    }
    const code = response.status === 429 ? 'rate-limit' : response.status === 403 ? 'auth' : response.status >= 500 ? 'network' : 'protocol';
    return new SourceError(code, `The Twitch API answered ${response.status}${message ? `: ${message}` : ''}.`);
  }
}
