import { createLogger } from '../../core/logger.js';

/** The most chatters kept for one broadcaster: the credits stay smooth with 2,000 names (`npm run bench -- widgets`). */
export const MAX_CHATTERS = 2000;

/** A viewer seen in chat: their user id, display name, and when they first spoke (epoch ms). */
export interface Chatter {
  readonly id: string;
  readonly name: string;
  readonly at: number;
}

const log = createLogger('credits');

/** The broadcaster's chatters in `localStorage`: one list per channel and origin, names only (no token). */
export function chattersKey(userId: string): string {
  return `ovl:credits:v1:chatters:${userId}`;
}

const isChatter = (value: unknown): value is Chatter => {
  const chatter = value as Partial<Chatter> | null;
  return typeof chatter === 'object' && chatter !== null && typeof chatter.id === 'string' && chatter.id !== '' && typeof chatter.name === 'string' && Number.isFinite(chatter.at);
};

/** A stored value as chatters, leaving out what is not one: another build or page of the origin may have put anything there. */
export function readStoredChatters(text: string | null): Chatter[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter(isChatter).slice(0, MAX_CHATTERS) : [];
  } catch {
    return [];
  }
}

/**
 * The chatters seen this stream, each once (by user id, in the order they first spoke), kept in
 * the origin's storage so a reload or an OBS restart keeps the ones seen before. Each chatter
 * carries when they first spoke, and "this stream" keeps only those since its start: a list
 * from last night's stream is left behind on its own, with no key per stream to clean up. At
 * most MAX_CHATTERS; where storage is refused the list lives in this page only.
 */
export class ChatterStore {
  private chatters = new Map<string, Chatter>();
  private since = 0;

  constructor(
    private readonly key: string,
    /** Null where the page has none (pageStorage): the chatters start again on a reload. */
    private readonly storage: Storage | null,
  ) {}

  /** Starts "this stream" at `since` (epoch ms), with the stored chatters who spoke since then. */
  begin(since: number): void {
    this.since = since;
    const stored = readStoredChatters(this.storage?.getItem(this.key) ?? null).filter((chatter) => chatter.at >= since);
    this.chatters = new Map(stored.map((chatter) => [chatter.id, chatter]));
  }

  /** The chatters of this stream, in the order they first spoke. */
  list(): readonly Chatter[] {
    return [...this.chatters.values()];
  }

  /** Notes a chatter; true when they are new this stream and there was room for them. */
  add(chatter: Chatter): boolean {
    if (chatter.at < this.since || this.chatters.has(chatter.id) || this.chatters.size >= MAX_CHATTERS) return false;
    this.chatters.set(chatter.id, chatter);
    try {
      this.storage?.setItem(this.key, JSON.stringify([...this.chatters.values()]));
    } catch (error) {
      // A full or disabled storage: the names still roll from this page.
      log.warn('could not keep the chatters for a reload:', error);
    }
    return true;
  }
}
