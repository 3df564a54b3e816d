import { Source } from '../../src/core/source.js';
import { SourceError } from '../../src/core/errors.js';

/** A connection driven by hand: it goes live, drops or is refused when the test says so. */
export class HandSource extends Source {
  readonly name = 'hand';
  opened = 0;
  protected open(): void {
    this.opened += 1;
  }
  protected close(): void {}
  live(): void {
    this.markConnected();
  }
  drop(): void {
    this.reconnect(new SourceError('network', 'dropped; reconnecting.'));
  }
  refuse(): void {
    this.fail(new SourceError('auth', 'refused'));
  }
}
