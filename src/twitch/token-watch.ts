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
  readonly schedule?: Schedule;
}

const log = createLogger('token');

/**
 * Re-validates a token every hour while an overlay runs, as Twitch requires of apps using
 * user tokens (§4.2). A source like the others, so its state shows in `?debug` and a refusal
 * reaches the setup card the same way as any source's:
 * - `connected`: the token worked at the last check (or was just validated when started);
 * - `reconnecting`: a check could not reach Twitch; that is no verdict, it checks again a minute later;
 * - `error` with an `auth` error: Twitch refused the token; the checks end.
 *
 * @fires valid, status, error
 */
export class TokenWatch extends Source<TokenWatchEventMap> {
  readonly name = 'token';
  private readonly options: TokenWatchOptions;
  private cancel: (() => void) | null = null;
  /** Bumped by close(), so a check still in flight then is ignored. */
  private generation = 0;

  constructor(options: TokenWatchOptions) {
    super({ schedule: options.schedule });
    this.options = options;
  }

  private get intervalMs(): number {
    return this.options.intervalMs ?? 3_600_000;
  }

  /** The overlay validated the token just before starting this: the first check is an interval from now. */
  protected open(): void {
    this.setStatus('connected');
    this.next(this.intervalMs);
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
      if (this.status.state !== 'connected') this.setStatus('connected');
      this.emit('valid', validation);
      this.next(this.intervalMs);
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
