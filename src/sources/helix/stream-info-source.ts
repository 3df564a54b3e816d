import { Source, type SourceEventMap } from '../../core/source.js';
import { toSourceError } from '../../core/errors.js';
import { Backoff } from '../../core/backoff.js';
import type { Schedule } from '../../core/schedule.js';
import { getStreams } from '../../twitch/helix-api.js';
import type { HelixClient } from '../../twitch/helix-client.js';
import { toStreamInfo, visibleFields, type StreamState } from './stream-info.js';

export interface StreamInfoEventMap extends SourceEventMap {
  /** The first state seen, then every change of a visible field (title, game, viewers, …). */
  change: StreamState;
  /** The channel went live (not fired for the first poll). */
  online: StreamState;
  /** The channel went offline (not fired for the first poll). */
  offline: StreamState;
}

/** Polls below this would spend Helix's 800-per-minute budget for nothing (§4.1). */
export const MIN_POLL_MS = 10_000;

export interface StreamInfoOptions {
  readonly helix: HelixClient;
  /** The channel's numeric user id. */
  readonly userId: string;
  /** Time between polls. Default 30 s; never below 10 s. */
  readonly intervalMs?: number;
  /** Delays after a failed poll. */
  readonly backoff?: Backoff;
  readonly schedule?: Schedule;
}

/**
 * A channel's stream (live or not, title, game, viewers, start time) from Helix, polled at a
 * steady interval and reported only when something a viewer can see changes. Unlike
 * PyWitch's poller, which returns without sleeping when nothing changed and so busy-loops
 * Helix, it waits its interval whatever the answer. A failed poll backs off and retries; a
 * refused token stops it.
 *
 * @fires change, online, offline — with a StreamState
 * @fires status, error
 */
export class StreamInfoSource extends Source<StreamInfoEventMap> {
  readonly name = 'stream-info';
  private readonly options: StreamInfoOptions;
  /** Delays after failed polls; a poll that fails is retried, not reconnected. */
  private readonly pollBackoff: Backoff;
  private cancel: (() => void) | null = null;
  private lastSeen: string | null = null;
  private current: StreamState | null = null;
  /** Bumped by stop(), so a poll still in flight then is ignored. */
  private generation = 0;

  constructor(options: StreamInfoOptions) {
    super({ schedule: options.schedule });
    this.options = options;
    // The reconnect default: polls are back within 5 s of Helix's return, like every connection.
    this.pollBackoff = options.backoff ?? new Backoff();
  }

  /** The poll interval in use (the option, raised to the floor). */
  get intervalMs(): number {
    return Math.max(MIN_POLL_MS, this.options.intervalMs ?? 30_000);
  }

  /** The latest state, or null before the first poll answered. */
  get state(): StreamState | null {
    return this.current;
  }

  protected open(): void {
    this.generation += 1;
    this.lastSeen = null;
    void this.poll(this.generation);
  }

  protected close(): void {
    this.generation += 1;
    this.cancel?.();
    this.cancel = null;
  }

  private async poll(generation: number): Promise<void> {
    try {
      const [wire] = await getStreams(this.options.helix, { userIds: [this.options.userId] });
      if (generation !== this.generation) return;
      const stream = wire ? toStreamInfo(wire) : null;
      this.pollBackoff.reset();
      if (this.status.state !== 'connected') this.setStatus('connected');
      this.observe({ live: stream !== null, stream, eventTime: Date.now() });
      this.next(generation, this.intervalMs);
    } catch (thrown) {
      if (generation !== this.generation) return;
      const error = toSourceError(thrown);
      this.fail(error);
      if (!error.retryable) return;
      const delay = this.pollBackoff.next() ?? this.intervalMs;
      this.setStatus('reconnecting', { attempt: this.pollBackoff.attempt, retryInMs: delay, error });
      this.next(generation, delay);
    }
  }

  private next(generation: number, ms: number): void {
    this.cancel = this.schedule(() => void this.poll(generation), ms);
  }

  private observe(state: StreamState): void {
    const seen = visibleFields(state.stream);
    if (seen === this.lastSeen) return;
    const first = this.lastSeen === null;
    const wasLive = this.current?.live ?? false;
    this.lastSeen = seen;
    this.current = state;
    if (!first && state.live !== wasLive) this.emit(state.live ? 'online' : 'offline', state);
    this.emit('change', state);
  }
}
