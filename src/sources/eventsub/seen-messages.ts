/**
 * How long a message id is remembered. Twitch resends a message, with the same id, when it is
 * unsure the first delivery arrived (delivery is at least once, §3.2): a resend follows soon
 * after. Twitch's EventSub guide ("Guarding against replay attacks") treats a message whose
 * `message_timestamp` is older than 10 minutes as stale, so ids older than that need no memory.
 */
const REMEMBER_MS = 10 * 60_000;

/**
 * The message ids delivered lately, to drop what Twitch delivers again or what reaches a page
 * twice. An id is remembered for 10 minutes and at most the last `size` are kept, so the memory
 * holds one window of a stream, flat from its tenth minute, whatever its length.
 */
export class SeenMessages {
  /** Id → when it came, oldest first. */
  private readonly ids = new Map<string, number>();

  /** `clock` is a monotonic time in ms; tests step it. */
  constructor(
    private readonly size = 1000,
    private readonly clock: () => number = () => performance.now(),
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`SeenMessages size must be a positive integer, got ${size}`);
  }

  /** How many ids are remembered now. */
  get remembered(): number {
    return this.ids.size;
  }

  /** True the first time `id` comes (it is remembered from then on), false for a repeat. */
  firstTime(id: string): boolean {
    const now = this.clock();
    this.forgetBefore(now - REMEMBER_MS);
    if (this.ids.has(id)) return false;
    this.ids.set(id, now);
    if (this.ids.size > this.size) this.ids.delete(this.ids.keys().next().value!);
    return true;
  }

  private forgetBefore(time: number): void {
    for (const [id, at] of this.ids) {
      if (at > time) return;
      this.ids.delete(id);
    }
  }
}
