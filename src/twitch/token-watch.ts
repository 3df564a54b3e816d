import { TypedEventTarget } from '../core/typed-event-target.js';
import { SourceError, toSourceError } from '../core/errors.js';
import { realSchedule, type Schedule } from '../core/schedule.js';
import { createLogger } from '../core/logger.js';
import { validateToken, type TokenValidation } from './validate-token.js';
import type { TwitchEndpoints } from './endpoints.js';

export interface TokenWatchEventMap {
  /** The token still works. */
  valid: TokenValidation;
  /** Twitch refused the token: everything using it must stop. Fired once; the watch then ends. */
  invalid: SourceError;
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
 * user tokens. A network failure is not a verdict: it checks again a minute later.
 */
export class TokenWatch extends TypedEventTarget<TokenWatchEventMap> {
  private readonly options: TokenWatchOptions;
  private readonly schedule: Schedule;
  private cancel: (() => void) | null = null;
  private running = false;

  constructor(options: TokenWatchOptions) {
    super();
    this.options = options;
    this.schedule = options.schedule ?? realSchedule;
  }

  /** Starts the hourly checks; the first one an interval from now (the overlay has just validated). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.next(this.options.intervalMs ?? 3_600_000);
  }

  stop(): void {
    this.running = false;
    this.cancel?.();
    this.cancel = null;
  }

  private next(ms: number): void {
    this.cancel = this.schedule(() => void this.check(), ms);
  }

  private async check(): Promise<void> {
    try {
      const validation = await validateToken(this.options.token, { endpoints: this.options.endpoints });
      if (!this.running) return;
      this.emit('valid', validation);
      this.next(this.options.intervalMs ?? 3_600_000);
    } catch (thrown) {
      if (!this.running) return;
      const error = toSourceError(thrown);
      if (error.code === 'auth') {
        this.running = false;
        this.emit('invalid', error);
        return;
      }
      log.warn('could not re-validate the token; trying again soon:', error.message);
      this.next(this.options.retryMs ?? 60_000);
    }
  }
}
