import { Source, type SourceEventMap, type SourceStatus } from './source.js';
import type { SourceError } from './errors.js';

/**
 * A source that stands on another one once it has it (`follow`): while this one is connecting
 * and that one runs, its status, time away, last error and warning are that one's, read
 * through rather than copied, and its `status` and `error` events pass that one's on. A
 * failure of its own (a setup it cannot run with, code that did not load) is its own status.
 * RelaySource follows from the start, DeferredSource once its code has loaded.
 */
export abstract class ReadThroughSource<M extends SourceEventMap = SourceEventMap, I extends Source = Source> extends Source<M> {
  private followed: I | null = null;

  override get status(): SourceStatus {
    return this.readsThrough ? this.followed!.status : super.status;
  }

  override get awaySince(): number | null {
    return this.readsThrough ? this.followed!.awaySince : super.awaySince;
  }

  override get lastError(): SourceError | null {
    return super.lastError ?? this.followed?.lastError ?? null;
  }

  override get warning(): string | null {
    return this.followed?.warning ?? null;
  }

  /** From now on this source reads `inner` through; the caller starts and stops it. */
  protected follow(inner: I): void {
    // The inner source stopping is this one stopping, which says so itself.
    inner.addEventListener('status', () => this.running && inner.running && this.emit('status' as keyof M & string, this.status as M[keyof M & string]));
    inner.addEventListener('error', (e) => this.running && this.emit('error' as keyof M & string, e.detail as M[keyof M & string]));
    this.followed = inner;
  }

  /**
   * Running on the inner source: its state is this one's. This one's own state is `connecting`
   * from its start, `reconnecting` once it retried (a DeferredSource's load), and `error` for a
   * failure of its own, which stays its status.
   */
  private get readsThrough(): boolean {
    const own = super.status.state;
    return (own === 'connecting' || own === 'reconnecting') && this.followed !== null && this.followed.running;
  }
}
