import { Source, type SourceEventMap, type SourceStatus } from './source.js';
import type { SourceError } from './errors.js';

/**
 * A source with no connection of its own: it reads another one, `inner`, and adds meaning to
 * what arrives (stream events from notifications, say). Starting and stopping it starts and
 * stops the inner source, and while that runs its status and last error are the inner
 * source's, read through rather than copied; its `status` and `error` events pass the inner
 * source's on. A failure of its own (a setup it cannot run with) is its own status.
 */
export abstract class RelaySource<M extends SourceEventMap, I extends Source = Source> extends Source<M> {
  constructor(protected readonly inner: I) {
    super();
    // The inner source stopping is this one stopping, which says so itself.
    inner.addEventListener('status', () => this.running && inner.running && this.emit('status' as keyof M & string, this.status as M[keyof M & string]));
    inner.addEventListener('error', (e) => this.running && this.emit('error' as keyof M & string, e.detail as M[keyof M & string]));
  }

  override get status(): SourceStatus {
    return this.readsThrough ? this.inner.status : super.status;
  }

  override get awaySince(): number | null {
    return this.readsThrough ? this.inner.awaySince : super.awaySince;
  }

  override get lastError(): SourceError | null {
    return super.lastError ?? this.inner.lastError;
  }

  /** Running on the inner source: its state is this one's. */
  private get readsThrough(): boolean {
    return super.status.state === 'connecting' && this.inner.running;
  }

  protected open(): void {
    this.inner.start();
  }

  protected close(): void {
    this.inner.stop();
  }
}
