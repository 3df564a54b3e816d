import type { Source, SourceEventMap } from './source.js';
import { ReadThroughSource } from './read-through-source.js';

/**
 * A source with no connection of its own: it reads another one, `inner`, and adds meaning to
 * what arrives (stream events from notifications, say). Starting and stopping it starts and
 * stops the inner source, whose status and last error are this one's (ReadThroughSource).
 */
export abstract class RelaySource<M extends SourceEventMap, I extends Source = Source> extends ReadThroughSource<M, I> {
  constructor(protected readonly inner: I) {
    super();
    this.follow(inner);
  }

  protected open(): void {
    this.inner.start();
  }

  protected close(): void {
    this.inner.stop();
  }
}
