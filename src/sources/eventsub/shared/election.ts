/** What a page hears of the election of the shared connection's owner, with Web Locks or without. */
export interface ElectionEvents {
  onElected(): void;
  /**
   * This page no longer owns: a page preferred as the owner (the dock) took the connection over,
   * or, without Web Locks, two claims crossed without either page hearing the other in time (a
   * page starved of CPU runs its timers before its messages), and the lesser page gives way.
   */
  onDeposed(): void;
}

/** A page's part in the election. */
export interface Election {
  /** Takes the ownership now from whichever page holds it, which is deposed: the dock, once its own session is ready. */
  seize(): void;
  /** Leaves the election, resigning if this page owns; idempotent. */
  leave(): void;
}
