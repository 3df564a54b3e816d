/**
 * An `EventTarget` whose `addEventListener` knows the detail type of each event.
 *
 * We extend the native class instead of writing an emitter: listeners are isolated
 * from each other's exceptions, and `once`/`signal` come for free.
 */
export type TypedListener<D> = (event: CustomEvent<D>) => void;

// Declaration merging narrows the inherited methods by event name.
export interface TypedEventTarget<M> {
  addEventListener<K extends keyof M & string>(
    type: K,
    listener: TypedListener<M[K]>,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof M & string>(
    type: K,
    listener: TypedListener<M[K]>,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

export class TypedEventTarget<M> extends EventTarget {
  /** Dispatches `detail` as a `CustomEvent` named `type`. The only way events leave a source. */
  protected emit<K extends keyof M & string>(type: K, detail: M[K]): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
