import type { Schema } from '../config/schema.js';

/** One OAuth scope an overlay uses, and what for. */
export interface ScopeNeed {
  readonly scope: string;
  /** Without it the overlay cannot run; an optional scope only adds something. */
  readonly required: boolean;
  /** What the overlay does with it, for the streamer who grants it. */
  readonly why: string;
  /** Broader scopes Twitch accepts in its place (e.g. manage for read). */
  readonly alternatives?: readonly string[];
}

/**
 * What a running overlay and the rest of the project need to know about one overlay, with no
 * DOM and no connection code: the overlay's own definition, its setup card, the token scopes
 * and the demo page all read it. What only people read is in its `OverlayGuide`, exported
 * next to it. Adding an overlay = one registry file (entry + guide) + one page.
 */
export interface OverlayEntry<S extends Schema = Schema> {
  /** The page's folder under `overlays/`, e.g. "chat"; also names recordings and README sections. */
  readonly name: string;
  /** e.g. "Chat overlay": headings and the setup card. */
  readonly title: string;
  /** Scopes its token uses; empty when any token (or none) does. */
  readonly scopes: readonly ScopeNeed[];
  readonly schema: S;
}

/**
 * What an overlay page itself reads of its entry: the boot takes its name, title and schema, and
 * never its scopes (an overlay checks its token against the scopes it requires). The label's
 * page takes no more (`labelPage`): its scopes come from the EventSub catalog, which only its
 * connection's code, loaded on demand, brings.
 */
export type PageEntry<S extends Schema = Schema> = Pick<OverlayEntry<S>, 'name' | 'title' | 'schema'>;

/** Whether the overlay's link carries a token at all. */
export function takesToken(entry: OverlayEntry): boolean {
  return 'token' in entry.schema;
}

/** Every scope the overlay can use: what to ask Twitch for, for this overlay's link. */
export function usedScopes(entry: OverlayEntry): string[] {
  return entry.scopes.map((need) => need.scope);
}

/** The required scopes that `granted` lacks (none when the token will do). */
export function missingScopes(entry: Pick<OverlayEntry, 'scopes'>, granted: readonly string[]): ScopeNeed[] {
  return entry.scopes.filter((need) => need.required && !grants(granted, need));
}

/** What the setup card says when `granted` lacks a required scope; null when the token will do. */
export function scopeProblem(entry: Pick<OverlayEntry, 'title' | 'scopes'>, granted: readonly string[]): string | null {
  const [missing] = missingScopes(entry, granted);
  if (!missing) return null;
  return `The ${entry.title.toLowerCase()} needs the "${missing.scope}" scope (it ${missing.why}), which this token lacks. Make a new link on the setup page with "Connect with Twitch".`;
}

/** Whether `granted` holds the scope of `need`, or one Twitch accepts in its place. */
export function grants(granted: readonly string[], need: ScopeNeed): boolean {
  return [need.scope, ...(need.alternatives ?? [])].some((scope) => granted.includes(scope));
}

/**
 * Whether a token with `granted` scopes belongs in this overlay's link: it holds every scope the
 * overlay uses (required or optional) and nothing else, so a leaked link can do no more than
 * the overlay does (the chat link, say, never carries a token that can post).
 */
export function tokenFits(entry: OverlayEntry, granted: readonly string[]): boolean {
  if (!takesToken(entry) || !entry.scopes.every((need) => grants(granted, need))) return false;
  const usable = new Set(entry.scopes.flatMap((need) => [need.scope, ...(need.alternatives ?? [])]));
  return granted.every((scope) => usable.has(scope));
}

/** One token to ask Twitch for: the scopes, and the overlays whose links it goes into. */
export interface TokenChoice {
  readonly scopes: readonly ScopeNeed[];
  readonly entries: readonly OverlayEntry[];
}

/** One choice per distinct set of scopes among the overlays that take a token, in registry order. */
export function tokenChoices(entries: readonly OverlayEntry[]): TokenChoice[] {
  const choices = new Map<string, { scopes: readonly ScopeNeed[]; entries: OverlayEntry[] }>();
  for (const entry of entries.filter(takesToken)) {
    const key = usedScopes(entry).sort().join(' ');
    const choice = choices.get(key) ?? choices.set(key, { scopes: entry.scopes, entries: [] }).get(key)!;
    choice.entries.push(entry);
  }
  return [...choices.values()];
}
