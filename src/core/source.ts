import { TypedEventTarget } from './typed-event-target.js';
import type { SourceError } from './errors.js';
import type { Backoff } from './backoff.js';

/**
 * - `idle`: never started. `connecting`: a connection attempt is under way.
 * - `connected`: live. `reconnecting`: waiting to retry after a drop.
 * - `error`: stopped by a failure that retrying cannot fix (bad token, bad config).
 * - `stopped`: `stop()` was called.
 */
export type SourceState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'error' | 'stopped';

export interface SourceStatus {
  readonly state: SourceState;
  /** Reconnect attempts since the connection was last healthy. */
  readonly attempt: number;
  /** When `reconnecting`, how long until the next attempt, if known. */
  readonly retryInMs?: number;
  /** The failure that caused this state, if any. */
  readonly error?: SourceError;
  /** `Date.now()` when this state began. */
  readonly since: number;
}

/** Events every source emits; a source's own map extends this. */
export interface SourceEventMap {
  status: SourceStatus;
  error: SourceError;
}

/**
 * Base of every network source: idempotent `start()`/`stop()`, an observable `status`
 * and the last error. Subclasses implement `open()` and `close()` and report through
 * `setStatus()` and `fail()`; they never throw out of socket callbacks.
 */
export abstract class Source<M extends SourceEventMap = SourceEventMap> extends TypedEventTarget<M> {
  private currentStatus: SourceStatus = { state: 'idle', attempt: 0, since: Date.now() };
  private lastFailure: SourceError | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  /** Short name shown in the debug chip and used for logging, e.g. `chat`. */
  abstract readonly name: string;

  get status(): SourceStatus {
    return this.currentStatus;
  }

  get lastError(): SourceError | null {
    return this.lastFailure;
  }

  /** True between `start()` and `stop()`, including while reconnecting or in error. */
  get running(): boolean {
    const { state } = this.currentStatus;
    return state !== 'idle' && state !== 'stopped';
  }

  start(): void {
    if (this.running) return;
    this.lastFailure = null;
    this.setStatus('connecting');
    this.open();
  }

  stop(): void {
    if (!this.running) return;
    this.cancelRetry();
    this.close();
    this.setStatus('stopped');
  }

  protected abstract open(): void;
  protected abstract close(): void;

  protected setStatus(state: SourceState, extra: Partial<Omit<SourceStatus, 'state' | 'since'>> = {}): void {
    const attempt = extra.attempt ?? (state === 'connected' ? 0 : this.currentStatus.attempt);
    this.currentStatus = { ...extra, state, attempt, since: Date.now() };
    this.emit('status' as keyof M & string, this.currentStatus as M[keyof M & string]);
  }

  /**
   * After a lost connection (already torn down by the caller): records `error`, moves to
   * `reconnecting`, and calls `reconnect` after the backoff's next delay, or `delayMs`.
   * One retry is pending at a time; `stop()` cancels it.
   */
  protected retryLater(error: SourceError, backoff: Backoff, reconnect: () => void, delayMs?: number): void {
    backoff.disconnected(Date.now());
    const delay = delayMs ?? backoff.next() ?? 60_000;
    this.fail(error);
    this.setStatus('reconnecting', { attempt: backoff.attempt, retryInMs: delay, error });
    this.cancelRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.running) reconnect();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Records and emits an error. A non-retryable one also moves the source to `error`. */
  protected fail(error: SourceError): void {
    this.lastFailure = error;
    this.emit('error' as keyof M & string, error as M[keyof M & string]);
    if (!error.retryable) this.setStatus('error', { error });
  }
}
