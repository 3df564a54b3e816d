// The constructor a source takes as its `WebSocket` option; defined with the socket layer.
export type { WebSocketClass } from '../core/source-socket.js';

/**
 * The part of a WebSocket a source uses (`readyState`, `onopen`/`onmessage`/`onclose`,
 * `send`, `close`), with no network: subclasses decide which frames arrive and when. The
 * simulators and the replay build on it so that their frames go through the real parsers.
 */
export abstract class FrameSocket extends EventTarget {
  readyState: number = WebSocket.CONNECTING;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;

  constructor(readonly url: string) {
    super();
  }

  /** Opens on a later task, as a socket would; `then` runs once open. */
  protected openSoon(delayMs: number, then?: () => void): void {
    setTimeout(() => {
      if (this.readyState !== WebSocket.CONNECTING) return;
      this.readyState = WebSocket.OPEN;
      this.onopen?.(new Event('open'));
      then?.();
    }, delayMs);
  }

  protected deliver(data: string): void {
    if (this.readyState === WebSocket.OPEN) this.onmessage?.(new MessageEvent('message', { data }));
  }

  send(): void {
    // EventSub and Heat clients never send; nothing is listening anyway.
  }

  close(): void {
    this.readyState = WebSocket.CLOSED;
    this.closed();
  }

  /** Stops whatever produces frames. */
  protected abstract closed(): void;
}
