/**
 * The default cap on a reconnect delay. A connection whose server comes back is back within
 * 5 s: its next attempt is at most 4 s away, and the handshake fits in the second left. While
 * the server stays away that costs about 18 attempts a minute per connection (a delay at the
 * cap is drawn from 2.8–4 s), spread by the jitter so that overlays never retry in step: no
 * storm, and far below the 20 logins per 10 s Twitch allows a user's chat (§1.9).
 */
export const RECONNECT_CEILING_MS = 4000;

/** Reconnect delays shared by every source. All times in milliseconds. */
export interface BackoffOptions {
  /** Delay before the first retry. Default 1000. */
  initialMs?: number;
  /** Cap on any delay. Default RECONNECT_CEILING_MS (4000). */
  maxMs?: number;
  /** Growth per attempt. Default 1.5. */
  factor?: number;
  /** Fraction of each delay drawn at random, so many overlays do not retry in step. Default 0.3. */
  jitter?: number;
  /** A connection must stay up this long before the attempt counter resets, so a flapping server keeps backing off. Default 5000. */
  minUptimeMs?: number;
  /** Attempts before giving up; `next()` then returns null. Default Infinity: an overlay should outlive an outage. */
  maxAttempts?: number;
  /** Source of randomness in [0, 1); injectable for tests. */
  random?: () => number;
}

export class Backoff {
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly factor: number;
  private readonly jitter: number;
  private readonly minUptimeMs: number;
  private readonly maxAttempts: number;
  private readonly random: () => number;
  private connectedAt: number | null = null;
  private attempts = 0;

  constructor(options: BackoffOptions = {}) {
    this.initialMs = options.initialMs ?? 1000;
    this.maxMs = options.maxMs ?? RECONNECT_CEILING_MS;
    this.factor = options.factor ?? 1.5;
    this.jitter = options.jitter ?? 0.3;
    this.minUptimeMs = options.minUptimeMs ?? 5000;
    this.maxAttempts = options.maxAttempts ?? Infinity;
    this.random = options.random ?? Math.random;
  }

  /** Retries made since the last reset. */
  get attempt(): number {
    return this.attempts;
  }

  /** The delay before the next attempt, or null once `maxAttempts` is spent. Counts the attempt. */
  next(): number | null {
    if (this.attempts >= this.maxAttempts) return null;
    const base = Math.min(this.maxMs, this.initialMs * this.factor ** this.attempts);
    this.attempts += 1;
    // Jitter only shortens the delay, so the cap holds.
    return Math.round(base * (1 - this.jitter * this.random()));
  }

  /** Call when a connection is established. */
  connected(now: number): void {
    this.connectedAt = now;
  }

  /** Call when a connection ends; resets the counter only if it stayed up for `minUptimeMs`. */
  disconnected(now: number): void {
    if (this.connectedAt !== null && now - this.connectedAt >= this.minUptimeMs) this.attempts = 0;
    this.connectedAt = null;
  }

  reset(): void {
    this.attempts = 0;
    this.connectedAt = null;
  }
}
