import { TypedEventTarget } from './typed-event-target.js';
import { SourceError } from './errors.js';
import { Backoff } from './backoff.js';
import { realSchedule, type Schedule } from './schedule.js';

/** After this many failed attempts in a row, a retry first asks whether the server answers at all (`probe()`). */
const PROBE_AFTER = 2;
/**
 * A retry that has waited this long since the source last opened its connection opens it without
 * asking, so a probe failing for a reason of its own (a host that answers WebSockets only) cannot
 * keep a source away; one such retry that connects right after a "no" ends the asking for good.
 * Spaced by time because Chromium counts by time: it holds a renderer process's new WebSocket back
 * by 1–5 s × 2^min(pending + failed ÷ (succeeded + 1), 16) ÷ 65536 (the new one among the
 * pending), counting since its last 2-minute tick, or since the one before if a handshake was
 * under way at that tick or one had succeeded before it: 4 minutes at most
 * (services/network/websocket_throttler.cc). Once an outage is 4 minutes old, at most 2 of a
 * connection's WebSockets failed there, so even 4 connections in one process (two overlay pages
 * with chat and EventSub) are held at most 2^(1 + 8 − 16) × 5 s = 40 ms when Twitch is back.
 * Every 5th retry, the rule before, failed up to 15 per connection there, and with 4 connections
 * Chromium held their WebSockets up to 5 s (README, "What happens when…").
 */
export const UNASKED_EVERY_MS = 2 * 60_000;

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

/** What the base needs to run a source's reconnect loop. */
export interface SourceOptions {
  /** Delays between reconnects. Default: `new Backoff()` (1 s growing to 4 s). */
  readonly backoff?: Backoff;
  /** Runs the source's timers (the reconnect delay, and whatever the subclass schedules); tests step it. */
  readonly schedule?: Schedule;
}

/**
 * Base of every network source: idempotent `start()`/`stop()`, an observable `status`, the
 * last error, and the reconnect loop. Subclasses implement `open()` and `close()`, call
 * `markConnected()` once live and `reconnect(error)` when the connection is lost, and report
 * other failures through `fail()`; they never throw out of socket callbacks.
 */
export abstract class Source<M extends SourceEventMap = SourceEventMap> extends TypedEventTarget<M> {
  private currentStatus: SourceStatus = { state: 'idle', attempt: 0, since: Date.now() };
  private lastFailure: SourceError | null = null;
  private away: number | null = null;
  /** The last probe said no; a connection right after it means the probe is not to be trusted. */
  private probeSaidNo = false;
  private probeTrusted = true;
  /**
   * The retry delays waited since the source last opened its connection: time on its schedule,
   * which tests step. Probes that take long and timers late in a hidden page only stretch the real time.
   */
  private waitedSinceOpen = 0;
  private cancelRetry: (() => void) | null = null;
  private readonly retryBackoff: Backoff;
  protected readonly schedule: Schedule;

  /** Short name shown in the debug chip and used for logging, e.g. `chat`. */
  abstract readonly name: string;

  constructor(options: SourceOptions = {}) {
    super();
    this.retryBackoff = options.backoff ?? new Backoff();
    this.schedule = options.schedule ?? realSchedule;
  }

  get status(): SourceStatus {
    return this.currentStatus;
  }

  get lastError(): SourceError | null {
    return this.lastFailure;
  }

  /**
   * `Date.now()` since when the source has been away: running but not connected, through
   * every retry since it last lost its connection (or since it started, if it never had one).
   * Null while connected, and while idle or stopped. `status.since` restarts with each state;
   * this does not, so `?debug` can say "away 3 min" and the dock how long a connection is gone.
   */
  get awaySince(): number | null {
    return this.away;
  }

  /**
   * Something the streamer should hear of before it stops anything (e.g. a token expiring in
   * two days), or null. Never for the stream: `?debug` and the dock show it. Read it again on
   * each `status` event.
   */
  get warning(): string | null {
    return null;
  }

  /** True between `start()` and `stop()`, including while reconnecting or in error. */
  get running(): boolean {
    const { state } = this.currentStatus;
    return state !== 'idle' && state !== 'stopped';
  }

  start(): void {
    if (this.running) return;
    this.lastFailure = null;
    this.retryBackoff.reset();
    this.setStatus('connecting');
    this.waitedSinceOpen = 0;
    this.open();
  }

  stop(): void {
    if (!this.running) return;
    this.clearRetry();
    this.close();
    this.setStatus('stopped');
  }

  /** Connects. Called by `start()` and by each reconnect. */
  protected abstract open(): void;
  /** Releases every socket and timer `open()` made. Called by `stop()` and before each reconnect. */
  protected abstract close(): void;

  protected setStatus(state: SourceState, extra: Partial<Omit<SourceStatus, 'state' | 'since'>> = {}): void {
    const attempt = extra.attempt ?? (state === 'connected' ? 0 : this.currentStatus.attempt);
    const now = Date.now();
    this.away = state === 'connected' || state === 'idle' || state === 'stopped' ? null : (this.away ?? now);
    this.currentStatus = { ...extra, state, attempt, since: now };
    this.emit('status' as keyof M & string, this.currentStatus as M[keyof M & string]);
  }

  /** The connection is live: the backoff starts counting its uptime, and the status says so. */
  protected markConnected(): void {
    if (this.probeSaidNo) this.probeTrusted = false;
    this.probeSaidNo = false;
    this.retryBackoff.connected(Date.now());
    this.setStatus('connected');
  }

  /**
   * The connection was lost: tears it down (`close()`), reports `error`, moves to
   * `reconnecting`, and opens again after the backoff's next delay, or after `delayMs` (a
   * server that asked to be called back sooner or later). One retry is pending at a time;
   * `stop()` cancels it. A backoff out of attempts ends the source in `error`.
   */
  protected reconnect(error: SourceError, delayMs?: number): void {
    this.close();
    this.clearRetry();
    const backoff = this.retryBackoff;
    backoff.disconnected(Date.now());
    const delay = delayMs ?? backoff.next();
    if (delay === null) {
      // The failure's own text promises a retry ("…; reconnecting."): that promise no longer holds.
      const what = error.message.replace(/;\s*(reconnecting|starting a new session)\.$/, '.');
      const attempts = `${backoff.attempt} attempt${backoff.attempt === 1 ? '' : 's'}`;
      this.fail(new SourceError(error.code, `${what} Gave up after ${attempts}.`, { retryable: false, cause: error }));
      return;
    }
    this.fail(error);
    this.setStatus('reconnecting', { attempt: backoff.attempt, retryInMs: delay, error });
    this.cancelRetry = this.schedule(() => {
      this.cancelRetry = null;
      this.waitedSinceOpen += delay;
      if (this.running) void this.retry(error);
    }, delay);
  }

  /**
   * A cheap question, before a retry well into an outage, whether the server answers at all
   * (e.g. `serverAnswers`): a retry whose answer is no counts as failed without opening the
   * connection. Null (the default): the source has no such question and always opens.
   */
  protected probe(): Promise<boolean> | null {
    return null;
  }

  private async retry(error: SourceError): Promise<void> {
    const attempt = this.retryBackoff.attempt;
    const asks = this.probeTrusted && attempt > PROBE_AFTER && this.waitedSinceOpen < UNASKED_EVERY_MS;
    const probe = asks ? this.probe() : null;
    if (probe) {
      // A probe that cannot even be asked is no verdict: the connection attempt says what is wrong.
      const answers = await probe.catch(() => true);
      // Stopped, restarted or retried otherwise meanwhile: this retry is no longer the one due.
      if (!this.running || this.status.state !== 'reconnecting' || this.retryBackoff.attempt !== attempt || this.cancelRetry) return;
      this.probeSaidNo = !answers;
      if (!answers) {
        this.reconnect(error);
        return;
      }
    }
    this.waitedSinceOpen = 0;
    this.open();
  }

  private clearRetry(): void {
    this.cancelRetry?.();
    this.cancelRetry = null;
  }

  /** Records and emits an error. A non-retryable one also moves the source to `error`. */
  protected fail(error: SourceError): void {
    this.lastFailure = error;
    this.emit('error' as keyof M & string, error as M[keyof M & string]);
    if (!error.retryable) this.setStatus('error', { error });
  }
}
