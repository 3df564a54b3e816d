import { beginLogin, completeLogin } from '../twitch/implicit-auth.js';
import { validateToken } from '../twitch/validate-token.js';
import type { TwitchEndpoints } from '../twitch/endpoints.js';
import { takesToken, tokenChoices, tokenFits, usedScopes, type OverlayEntry } from '../registry/overlay-entry.js';

/** One token to ask Twitch for, and the overlays whose links it goes into (none: it only proves who connected). */
export interface TokenRequest {
  readonly scopes: readonly string[];
  readonly overlays: readonly string[];
}

/** A token the flow got for a link: its scopes as Twitch validated them, and when it expires. */
export interface MintedToken {
  readonly token: string;
  readonly scopes: readonly string[];
  /** Epoch ms, from validate's `expires_in`. */
  readonly expiresAt: number;
}

/** What one Connect came to. */
export interface Connection {
  readonly login: string;
  /** By overlay name. */
  readonly tokens: Readonly<Record<string, MintedToken>>;
  /** The soonest any of them expires (epoch ms). */
  readonly expiresAt: number;
}

/** What became of one answer: on to the next request, the end, a failure to show, or nothing (not ours). */
export type FlowStep = { readonly kind: 'next' } | { readonly kind: 'done'; readonly connection: Connection } | { readonly kind: 'failed'; readonly error: string } | { readonly kind: 'ignored' };

/** Everything a flow holds, tokens included: kept in this tab's sessionStorage across a same-tab trip to Twitch, nowhere else. */
export interface FlowRecord {
  readonly clientId: string;
  readonly requests: readonly TokenRequest[];
  readonly next: number;
  readonly login: string;
  readonly userId: string;
  readonly tokens: Readonly<Record<string, MintedToken>>;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((scope) => b.includes(scope));

/**
 * The implicit-grant logins of one Connect: first one for the union of the picked overlays'
 * scopes, so the streamer sees one consent screen, then one per overlay with only its own scopes,
 * which Twitch grants without asking again. The first overlay that uses the whole union takes the
 * first token itself.
 */
export function implicitPlan(picked: readonly OverlayEntry[]): TokenRequest[] {
  const own = picked.filter(takesToken).map((entry) => ({ scopes: usedScopes(entry), overlays: [entry.name] }));
  const union = [...new Set(own.flatMap((request) => request.scopes))];
  const whole = own.find((request) => sameSet(request.scopes, union));
  return [{ scopes: union, overlays: whole?.overlays ?? [] }, ...own.filter((request) => request !== whole)];
}

/**
 * The device-code logins of one Connect: the streamer types a code for each, so overlays that use
 * exactly the same scopes share one.
 */
export function devicePlan(picked: readonly OverlayEntry[]): TokenRequest[] {
  const choices = tokenChoices(picked).map((choice) => ({ scopes: choice.scopes.map((need) => need.scope), overlays: choice.entries.map((entry) => entry.name) }));
  return choices.length > 0 ? choices : [{ scopes: [], overlays: [] }];
}

export interface FlowOptions {
  /** The overlays the plan's requests name. */
  readonly entries: readonly OverlayEntry[];
  readonly endpoints: TwitchEndpoints;
  /** The callback page Twitch returns to (implicit grant only). */
  readonly redirectUri?: string;
}

/**
 * The tokens of one Connect, asked one after another, whichever way they come (popup, same tab,
 * device code). Each is validated, and goes into a link only if its scopes are exactly what that
 * overlay uses; all must be the same account's.
 */
export class ConnectFlow {
  private next: number;
  private login: string;
  private userId: string;
  private readonly tokens: Record<string, MintedToken>;

  constructor(
    private readonly record: Pick<FlowRecord, 'clientId' | 'requests'> & Partial<FlowRecord>,
    private readonly options: FlowOptions,
  ) {
    this.next = record.next ?? 0;
    this.login = record.login ?? '';
    this.userId = record.userId ?? '';
    this.tokens = { ...record.tokens };
  }

  /** The request to answer now; null once every one is answered. */
  get current(): TokenRequest | null {
    return this.record.requests[this.next] ?? null;
  }

  /** Which request is current, counting from 1, and how many there are: for "2 of 4". */
  get progress(): { readonly at: number; readonly of: number } {
    return { at: this.next + 1, of: this.record.requests.length };
  }

  /** The authorize URL for the current request, under a fresh `state`. */
  loginUrl(): string {
    const request = this.current;
    if (!request || !this.options.redirectUri) throw new Error('no login left to ask for');
    return beginLogin({ clientId: this.record.clientId, scopes: request.scopes, redirectUri: this.options.redirectUri, endpoints: this.options.endpoints });
  }

  /**
   * Twitch's answer to an implicit-grant login. An answer whose state this tab never issued, or
   * that belongs to another request than the current one, is ignored.
   */
  async answer(answer: URLSearchParams): Promise<FlowStep> {
    const request = this.current;
    const result = completeLogin(answer);
    if (!request || !result || !sameSet(result.asked, request.scopes)) return { kind: 'ignored' };
    if (!result.ok) return { kind: 'failed', error: result.error };
    return this.accept(result.token);
  }

  /** A token for the current request, however it came: validated, checked, and kept for its links. */
  async accept(token: string): Promise<FlowStep> {
    const request = this.current;
    if (!request) return { kind: 'ignored' };
    let validation;
    try {
      validation = await validateToken(token, { endpoints: this.options.endpoints });
    } catch (error) {
      return { kind: 'failed', error: (error as Error).message };
    }
    if (this.userId && validation.userId !== this.userId) {
      return { kind: 'failed', error: `Twitch answered for another account (${validation.login}) than the one first connected (${this.login}). Connect again, logged in as one account.` };
    }
    for (const name of request.overlays) {
      const entry = this.options.entries.find((candidate) => candidate.name === name);
      if (!entry || !tokenFits(entry, validation.scopes)) {
        return {
          kind: 'failed',
          error: `Twitch gave a token with the scopes ${validation.scopes.join(', ') || '(none)'} for the ${entry?.title ?? name} link, which uses ${entry ? usedScopes(entry).join(', ') || 'no scopes' : 'other ones'}: it was put into no link.`,
        };
      }
      this.tokens[name] = { token, scopes: validation.scopes, expiresAt: validation.validatedAt + validation.expiresIn * 1000 };
    }
    this.login ||= validation.login;
    this.userId ||= validation.userId;
    this.next += 1;
    if (this.current) return { kind: 'next' };
    const expiries = Object.values(this.tokens).map((minted) => minted.expiresAt);
    const expiresAt = expiries.length > 0 ? Math.min(...expiries) : validation.validatedAt + validation.expiresIn * 1000;
    return { kind: 'done', connection: { login: this.login, tokens: { ...this.tokens }, expiresAt } };
  }

  toRecord(): FlowRecord {
    return { clientId: this.record.clientId, requests: this.record.requests, next: this.next, login: this.login, userId: this.userId, tokens: { ...this.tokens } };
  }
}
