import { fetchJson, type Fetch } from '../../core/fetch-json.js';

/**
 * The public recent-messages service (robotty/recent-messages2), which keeps each channel's
 * last 800 chat lines for 24 h; Chatterino, DankChat and Chatty load their history from it.
 */
export const RECENT_MESSAGES_ENDPOINT = 'https://recent-messages.robotty.de/api/v2';

export interface RecentMessagesOptions {
  /** Lines asked for, the newest (the `history` parameter, up to 100). */
  readonly limit: number;
  /** Default RECENT_MESSAGES_ENDPOINT; tests use a fake one on 127.0.0.1. */
  readonly endpoint?: string;
  /** An answer not complete within this is given up. */
  readonly timeoutMs: number;
  readonly fetch?: Fetch;
}

/** The raw IRC lines, oldest first; or why there are none, for `?debug`. */
export type RecentMessages = { readonly ok: true; readonly lines: readonly string[] } | { readonly ok: false; readonly reason: string };

/** `{messages, error, error_code}`, the service's answer (error_code e.g. `channel_not_joined`, `channel_ignored`). */
interface RecentMessagesWire {
  messages?: unknown;
  error?: unknown;
  error_code?: unknown;
}

// A hundred lines are about 100 kB; the service keeps 800 per channel.
const MAX_BYTES = 2_000_000;

/**
 * A channel's recent chat, as `GET <endpoint>/recent-messages/<login>?limit=N` answers it
 * (obs-and-services.md §4). Never rejects: a channel that opted out (HTTP 403,
 * `channel_ignored`), an error, a malformed answer or a timeout each come back as a reason.
 */
export async function fetchRecentMessages(login: string, options: RecentMessagesOptions): Promise<RecentMessages> {
  const url = `${options.endpoint ?? RECENT_MESSAGES_ENDPOINT}/recent-messages/${encodeURIComponent(login)}?limit=${options.limit}`;
  const fetcher = options.fetch ?? fetch.bind(globalThis);
  let status = 0;
  const noting: Fetch = async (input, init) => {
    const response = await fetcher(input, init);
    status = response.status;
    return response;
  };
  let answer: RecentMessagesWire | null;
  try {
    answer = (await fetchJson(url, { fetch: noting, timeoutMs: options.timeoutMs, maxBytes: MAX_BYTES })) as RecentMessagesWire | null;
  } catch (error) {
    if (status === 403) return { ok: false, reason: 'the channel opted out of the service' };
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (answer?.error_code === 'channel_ignored') return { ok: false, reason: 'the channel opted out of the service' };
  if (!Array.isArray(answer?.messages)) return { ok: false, reason: 'the service sent no list of messages' };
  const lines = answer.messages.filter((line): line is string => typeof line === 'string').slice(-options.limit);
  // `channel_not_joined`: the service starts following the channel on this first request.
  if (lines.length === 0 && answer.error_code === 'channel_not_joined') return { ok: false, reason: 'the service had not followed this channel yet; it does from now on' };
  return { ok: true, lines };
}
