import type { Source, SourceOptions } from './source.js';
import { ReadThroughSource } from './read-through-source.js';
import { codeNotLoaded, SourceError } from './errors.js';

/**
 * A source whose code loads on demand, so that a page can draw before it: `load` runs at the
 * first start, typically a dynamic `import()` already under way, and makes the source this one
 * stands for. From then on starting and stopping this one starts and stops that one, whose
 * status and errors are this one's (ReadThroughSource). A load that fails is this
 * source's failure: a SourceError as it is (a setup mistake the card names, or a retryable one,
 * loaded again after the backoff), anything else (the code did not arrive) as an error to
 * reload for (codeNotLoaded).
 */
export class DeferredSource extends ReadThroughSource {
  private inner: Source | null = null;
  private loading = false;

  constructor(
    readonly name: string,
    private readonly load: () => Promise<Source>,
    options: SourceOptions = {},
  ) {
    super(options);
  }

  protected open(): void {
    if (this.inner) this.inner.start();
    else if (!this.loading) void this.loadInner();
  }

  protected close(): void {
    this.inner?.stop();
  }

  private async loadInner(): Promise<void> {
    this.loading = true;
    try {
      const inner = await this.load();
      this.follow(inner);
      this.inner = inner;
      if (this.running) inner.start();
    } catch (error) {
      if (!this.running) return;
      if (error instanceof SourceError && error.retryable) this.reconnect(error);
      else if (error instanceof SourceError) this.fail(error);
      else this.fail(codeNotLoaded(error));
    } finally {
      this.loading = false;
    }
  }
}
