import { SourceError } from '../../core/errors.js';

export interface SendQueueOptions {
  /** Messages allowed per window. Twitch: 20 per 30 s, 100 for moderators and the broadcaster (§1.9). */
  limit?: number;
  windowMs?: number;
  /** Sends that may wait for a slot; beyond this `acquire()` rejects. Default 50. */
  maxWaiting?: number;
  now?: () => number;
}

interface Waiter {
  resolve(): void;
  reject(error: SourceError): void;
}

/**
 * A sliding-window limiter for outgoing chat. Going over Twitch's limit gets the account
 * ignored for 30 minutes (§1.9) and tmi.js has no throttle of its own, so every send waits
 * here for a slot.
 */
export class SendQueue {
  limit: number;
  private readonly windowMs: number;
  private readonly maxWaiting: number;
  private readonly now: () => number;
  private readonly sentAt: number[] = [];
  private readonly waiting: Waiter[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: SendQueueOptions = {}) {
    this.limit = options.limit ?? 20;
    this.windowMs = options.windowMs ?? 30_000;
    this.maxWaiting = options.maxWaiting ?? 50;
    this.now = options.now ?? Date.now;
  }

  /** Sends waiting for a slot. */
  get pending(): number {
    return this.waiting.length;
  }

  /** Resolves when a send may go out now, and counts it. */
  acquire(): Promise<void> {
    if (this.waiting.length >= this.maxWaiting) {
      return Promise.reject(new SourceError('rate-limit', `Too many chat messages waiting (${this.maxWaiting}); this one was not sent.`));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.pump();
    });
  }

  /** Rejects every waiting send, e.g. when the source stops. */
  clear(reason: string): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    for (const waiter of this.waiting.splice(0)) waiter.reject(new SourceError('network', reason));
  }

  private pump(): void {
    const now = this.now();
    while (this.sentAt.length > 0 && this.sentAt[0]! <= now - this.windowMs) this.sentAt.shift();
    while (this.waiting.length > 0 && this.sentAt.length < this.limit) {
      this.sentAt.push(now);
      this.waiting.shift()!.resolve();
    }
    if (this.waiting.length > 0 && this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, this.sentAt[0]! + this.windowMs - now);
    }
  }
}

/** Splits text into pieces of at most `max` code points, at the last space where there is one. */
export function splitMessage(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = Array.from(text);
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const space = window.lastIndexOf(' ');
    const cut = space > 0 ? space : max;
    chunks.push(rest.slice(0, cut).join('').trim());
    rest = rest.slice(cut);
    while (rest[0] === ' ') rest.shift();
  }
  if (rest.length > 0) chunks.push(rest.join(''));
  return chunks;
}
