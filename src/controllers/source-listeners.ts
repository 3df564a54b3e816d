import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Binds an element to a source's events for as long as the element is connected. The
 * listeners are added in `hostConnected` and removed together (one AbortController) in
 * `hostDisconnected` or when the source is replaced. The element never starts or stops the
 * source: the page that made it owns it, so detaching an element (a scene switch) does not
 * cut a connection the page still uses.
 */
export class SourceListeners<S extends EventTarget> implements ReactiveController {
  private source: S | undefined;
  private abort: AbortController | null = null;
  private connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly bind: (source: S, signal: AbortSignal) => void,
  ) {
    host.addController(this);
  }

  /** Call when the host's source property changes. */
  setSource(source: S | undefined): void {
    if (source === this.source) return;
    this.unbind();
    this.source = source;
    if (this.connected) this.rebind();
  }

  hostConnected(): void {
    this.connected = true;
    this.rebind();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unbind();
  }

  private rebind(): void {
    this.unbind();
    if (!this.source) return;
    this.abort = new AbortController();
    this.bind(this.source, this.abort.signal);
  }

  private unbind(): void {
    this.abort?.abort();
    this.abort = null;
  }
}
