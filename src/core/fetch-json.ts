import { SourceError } from './errors.js';

/** `fetch` as the HTTP helpers call it; injectable so tests and the simulator can answer. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface FetchJsonOptions {
  readonly fetch?: Fetch;
  /** A request not answered (headers and body) within this is abandoned. Default 8 s. */
  readonly timeoutMs?: number;
  /** A body longer than this is refused unread past the limit. Default 2 MB. */
  readonly maxBytes?: number;
  /** For a POST (7TV's GraphQL): sent as a JSON body. */
  readonly postJson?: unknown;
}

export const DEFAULT_TIMEOUT_MS = 8000;
export const DEFAULT_MAX_BYTES = 2_000_000;

/**
 * GET (or POST) a third-party JSON API the way the chat lookups need it: a deadline, a size
 * limit, and one error type. Resolves with the parsed body, or null for a 404 (these APIs answer
 * 404 for "this user has none", which is not a failure). Rejects with a SourceError:
 * 'network' for no answer, a timeout or a 5xx; 'protocol' for another status, a body that is
 * not JSON or one over the size limit. Callers catch it: a feature that fails is left out.
 */
export async function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<unknown> {
  const fetcher = options.fetch ?? fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const host = hostOf(url);
  // A plain timer rather than AbortSignal.timeout (Chromium 103+, quirky before 124).
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    const init: RequestInit = { signal: abort.signal, credentials: 'omit' };
    if (options.postJson !== undefined) Object.assign(init, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(options.postJson) });
    let response: Response;
    try {
      response = await fetcher(url, init);
    } catch (error) {
      throw new SourceError('network', `${host} did not answer${abort.signal.aborted ? ` within ${timeoutMs} ms` : ''}.`, { cause: error });
    }
    if (response.status === 404) return null;
    if (!response.ok) {
      throw new SourceError(response.status >= 500 || response.status === 429 ? 'network' : 'protocol', `${host} answered HTTP ${response.status}.`);
    }
    const text = await readLimited(response, options.maxBytes ?? DEFAULT_MAX_BYTES, host, () => abort.signal.aborted, timeoutMs);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new SourceError('protocol', `${host} sent an answer that is not JSON.`, { cause: error });
    }
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, stopping (and cancelling the download) as soon as it passes `maxBytes`. */
async function readLimited(response: Response, maxBytes: number, host: string, timedOut: () => boolean, timeoutMs: number): Promise<string> {
  const tooLarge = () => new SourceError('protocol', `${host} sent more than ${maxBytes} bytes; ignored.`);
  if (Number(response.headers.get('Content-Length')) > maxBytes) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        void reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw new SourceError('network', `${host} stopped sending${timedOut() ? ` (no full answer within ${timeoutMs} ms)` : ''}.`, { cause: error });
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the service';
  }
}
