import { Source, type SourceEventMap } from '../core/source.js';
import { toSourceError } from '../core/errors.js';
import type { Schedule } from '../core/schedule.js';
import { createLogger } from '../core/logger.js';
import { validateToken, type TokenValidation } from './validate-token.js';
import type { TwitchEndpoints } from './endpoints.js';

export interface TokenWatchEventMap extends SourceEventMap {
  /** A check found the token still works. */
  valid: TokenValidation;
}

export interface TokenWatchOptions {
  readonly token: string;
  readonly endpoints?: TwitchEndpoints;
  /** Between checks. Twitch asks apps to validate every hour (§4.2). */
  readonly intervalMs?: number;
  /** After a check that could not reach Twitch. Default 60 s. */
  readonly retryMs?: number;
  /** The validation the overlay made just before starting this: the token's expiry is known from the start. */
  readonly validation?: TokenValidation;
  readonly schedule?: Schedule;
}

const log = createLogger('token');

/** How long before the token expires `warning` says so: time to make a new link before a stream. */
export const EXPIRY_WARNING_MS = 7 * 24 * 3_600_000;
/** A check this long after the expiry Twitch gave, so the token is surely refused by then. */
const PAST_EXPIRY_MS = 5000;

/** Epoch ms when the token expires, or null when Twitch gave no lifetime (`expires_in` 0). */
const expiryOf = (validation: TokenValidation | undefined): number | null =>
  validation && validation.expiresIn > 0 ? validation.validatedAt + validation.expiresIn * 1000 : null;

/** "3 days", "1 day", "5 h", "12 min", for a time left. */
function timeLeft(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms >= 48 * 3_600_000) return plural(Math.floor(ms / 86_400_000), 'day');
  if (ms >= 3_600_000) return `${Math.floor(ms / 3_600_000)} h`;
  return `${Math.max(1, Math.floor(ms / 60_000))} min`;
}

/**
 * Re-validates a token every hour while an overlay runs, as Twitch requires of apps using
 * user tokens (§4.2). A source like the others, so its state shows in `?debug` and a refusal
 * reaches the setup card the same way as any source's:
 * - `connected`: the token worked at the last check (or was just validated when started);
 * - `reconnecting`: a check could not reach Twitch; that is no verdict, it checks again a minute later;
 * - `error` with an `auth` error: Twitch refused the token; the checks end.
 *
 * A token Twitch gave a lifetime (validate's `expires_in`, §4.2) is checked again just after
 * it ends, so an expiry mid-stream stops the overlay at once rather than up to an hour later;
 * in its last week `warning` says how long is left, for `?debug` and the dock.
 *
 * @fires valid, status, error
 */
export class TokenWatch extends Source<TokenWatchEventMap> {
  readonly name = 'token';
  private readonly options: TokenWatchOptions;
  private cancel: (() => void) | null = null;
  /** Bumped by close(), so a check still in flight then is ignored. */
  private generation = 0;
  private expires: number | null;

  constructor(options: TokenWatchOptions) {
    super({ schedule: options.schedule });
    this.options = options;
    this.expires = expiryOf(options.validation);
  }

  /** Epoch ms when the token expires, as of the last validation; null when unknown. */
  get expiresAt(): number | null {
    return this.expires;
  }

  override get warning(): string | null {
    if (this.expires === null || this.status.state === 'error') return null;
    const left = this.expires - Date.now();
    if (left > EXPIRY_WARNING_MS) return null;
    const when = left > 0 ? `in ${timeLeft(left)}` : 'now';
    return `The Twitch token of this overlay expires ${when}; then it stops. Make a new overlay link on the setup page ("Connect with Twitch") and put it in OBS before then.`;
  }

  private get intervalMs(): number {
    return this.options.intervalMs ?? 3_600_000;
  }

  /** The overlay validated the token just before starting this: the first check is an interval from now. */
  protected open(): void {
    this.setStatus('connected');
    this.next(this.untilNextCheck());
  }

  /** An hour, or until just after the token expires if that is sooner. */
  private untilNextCheck(): number {
    if (this.expires === null) return this.intervalMs;
    return Math.min(this.intervalMs, Math.max(0, this.expires - Date.now()) + PAST_EXPIRY_MS);
  }

  protected close(): void {
    this.generation += 1;
    this.cancel?.();
    this.cancel = null;
  }

  private next(ms: number): void {
    const generation = this.generation;
    this.cancel = this.schedule(() => void this.check(generation), ms);
  }

  private async check(generation: number): Promise<void> {
    try {
      const validation = await validateToken(this.options.token, { endpoints: this.options.endpoints });
      if (generation !== this.generation) return;
      this.expires = expiryOf(validation);
      // Said again after each check while there is a warning, so what shows it reads its new time left.
      if (this.status.state !== 'connected' || this.warning !== null) this.setStatus('connected');
      this.emit('valid', validation);
      this.next(this.untilNextCheck());
    } catch (thrown) {
      if (generation !== this.generation) return;
      const error = toSourceError(thrown);
      this.fail(error);
      if (!error.retryable) return;
      log.warn('could not re-validate the token; trying again soon:', error.message);
      const retryInMs = this.options.retryMs ?? 60_000;
      this.setStatus('reconnecting', { attempt: this.status.attempt + 1, retryInMs, error });
      this.next(retryInMs);
    }
  }
}
