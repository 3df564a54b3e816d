/**
 * Fires `onSilence` when `kick()` has not been called for `timeoutMs`.
 * A source kicks it on every frame; when it fires, the source takes its ordinary reconnect path.
 */
export class Watchdog {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private timeoutMs: number,
    private readonly onSilence: () => void,
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  /** (Re)starts the countdown, optionally with a new timeout. */
  kick(timeoutMs: number = this.timeoutMs): void {
    this.timeoutMs = timeoutMs;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.onSilence();
    }, this.timeoutMs);
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
