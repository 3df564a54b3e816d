import { createLogger } from '../core/logger.js';
import { KeyedCache } from '../core/keyed-cache.js';
import { normalizeLogin } from '../twitch/login.js';
import { fetchJson, type FetchJsonOptions } from '../core/fetch-json.js';
import { FEATURE_ENDPOINTS } from './feature-endpoints.js';
import { TaskQueue } from '../core/task-queue.js';
import { LOOKUP_SPACING_MS } from './chat-lookup.js';

export interface PronounsOptions extends Omit<FetchJsonOptions, 'postJson'> {
  /** alejo.io's v1 base URL. Default `https://api.pronouns.alejo.io/v1`. */
  readonly endpoint?: string;
  /** Logins remembered (with or without pronouns), least recently used dropped first. Default 5,000. */
  readonly capacity?: number;
  /** Lookups at once, and waiting; past that a chatter goes without. Defaults 4 and 200. */
  readonly concurrency?: number;
  readonly maxQueued?: number;
  /** Least time between two lookups' starts (ms). Default LOOKUP_SPACING_MS (100). */
  readonly spacingMs?: number;
  /** After a failed request the service is left alone this long (ms). Default 60 s. */
  readonly pauseAfterFailureMs?: number;
  readonly now?: () => number;
}

/** alejo.io v1 `GET /pronouns`: pronoun sets by id. */
type PronounListWire = Record<string, { subject?: unknown; object?: unknown; singular?: unknown }>;
/** alejo.io v1 `GET /users/:login` (404 when the chatter has set none). */
interface UserPronounsWire {
  pronoun_id?: unknown;
  alt_pronoun_id?: unknown;
}
interface PronounSet {
  readonly subject: string;
  readonly object: string;
  readonly singular: boolean;
}

/** Longer texts are cut: a label next to a name, not a bio. */
const MAX_TEXT = 24;

const log = createLogger('pronouns');

/**
 * Chatters' pronouns from alejo.io, the service chat overlays and extensions share (opt-in).
 * The API answers one login at a time and has no batch endpoint, so lookups are gathered per
 * login (one request however many lines a chatter sends at once), limited to a few at a time,
 * and every answer, "none" included, is kept in a bounded LRU. Fail-soft: nothing rejects; a
 * failure leaves chatters without pronouns and the service alone for a while.
 */
export class Pronouns {
  private readonly answers: KeyedCache<string, string | null>;
  private readonly queue: TaskQueue;
  private sets: Map<string, PronounSet> | null = null;
  private setsLoad: Promise<Map<string, PronounSet>> | null = null;
  private pausedUntil = 0;
  private readonly now: () => number;

  constructor(private readonly options: PronounsOptions = {}) {
    this.answers = new KeyedCache(options.capacity ?? 5000);
    this.queue = new TaskQueue({ concurrency: options.concurrency ?? 4, maxQueued: options.maxQueued ?? 200, spacingMs: options.spacingMs ?? LOOKUP_SPACING_MS });
    this.now = options.now ?? Date.now;
  }

  /** The chatter's pronouns as shown ("She/Her", "He/They", "Any"), if already known. */
  get(login: string): string | undefined {
    const key = normalizeLogin(login);
    return (key && this.answers.get(key)) || undefined;
  }

  /** Looks the chatter up (once); resolves with their pronouns, or null for none or unknown. */
  request(login: string): Promise<string | null> {
    const key = normalizeLogin(login);
    const asked = key ? this.answers.load(key, () => this.queuedLookUp(key)) : null;
    // A failure is not kept, so a later line asks again (after the pause); here it reads as none.
    return asked ? asked.catch(() => null) : Promise.resolve(null);
  }

  /** A lookup through the queue; none while the service is left alone, or when the queue is full. */
  private queuedLookUp(login: string): Promise<string | null> | null {
    if (this.now() < this.pausedUntil) return null;
    const queued = this.queue.run(() => this.lookUp(login));
    return (
      queued?.catch((error: unknown) => {
        this.pausedUntil = this.now() + (this.options.pauseAfterFailureMs ?? 60_000);
        log.warn(`pronouns paused after a failure (${error instanceof Error ? error.message : String(error)})`);
        throw error;
      }) ?? null
    );
  }

  private async lookUp(login: string): Promise<string | null> {
    const [sets, user] = await Promise.all([this.pronounSets(), fetchJson(`${this.base()}/users/${login}`, this.options) as Promise<UserPronounsWire | null>]);
    const main = typeof user?.pronoun_id === 'string' ? sets.get(user.pronoun_id) : undefined;
    if (!main) return null;
    const alt = typeof user?.alt_pronoun_id === 'string' ? sets.get(user.alt_pronoun_id) : undefined;
    const text = alt ? `${main.subject}/${alt.subject}` : main.singular || !main.object ? main.subject : `${main.subject}/${main.object}`;
    return text.slice(0, MAX_TEXT) || null;
  }

  /** The list of pronoun sets, fetched once (again after a failure). */
  private pronounSets(): Promise<Map<string, PronounSet>> {
    if (this.sets) return Promise.resolve(this.sets);
    this.setsLoad ??= (fetchJson(`${this.base()}/pronouns`, this.options) as Promise<PronounListWire | null>)
      .then((list) => {
        const sets = new Map<string, PronounSet>();
        for (const [id, set] of Object.entries(list && typeof list === 'object' ? list : {})) {
          if (typeof set?.subject !== 'string' || !set.subject) continue;
          sets.set(id, { subject: set.subject, object: typeof set.object === 'string' ? set.object : '', singular: set.singular === true });
        }
        this.sets = sets;
        return sets;
      })
      .finally(() => {
        this.setsLoad = null;
      });
    return this.setsLoad;
  }

  private base(): string {
    return this.options.endpoint ?? FEATURE_ENDPOINTS.pronouns;
  }
}
