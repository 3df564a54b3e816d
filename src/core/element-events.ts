/** Custom element event names: ours all start with `ovl-`. */
export type ElementEventName = keyof HTMLElementEventMap & `ovl-${string}`;

/** The `detail` of an element event, as declared in `HTMLElementEventMap`. */
export type EventDetail<K extends ElementEventName> = HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * The one way our elements dispatch their events. `type` must be declared in
 * `HTMLElementEventMap` (in a `declare global` beside the element), so `detail` is checked here
 * and a listener reads it with no cast. Not bubbling and not composed unless `init` says so: an
 * element's events describe the element itself, for whoever holds it.
 */
export function fire<K extends ElementEventName>(target: EventTarget, type: K, detail: EventDetail<K>, init: Omit<CustomEventInit, 'detail'> = {}): boolean {
  return target.dispatchEvent(new CustomEvent(type, { ...init, detail }));
}
