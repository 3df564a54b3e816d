import { COPY_WINDOW_MS, contentKey, isCopyOf, type KeptDelivery } from '../../../domain/event-copies.js';
import type { EventSubNotification } from '../eventsub-source.js';

interface Kept extends KeptDelivery {
  readonly sessions: string[];
}

/**
 * The notifications a page took lately, to drop a second session's copy of one (see
 * event-copies.ts): what two sessions deliver while the shared connection changes hands. Only
 * the last COPY_WINDOW_MS of Twitch's send times are kept, so the heap stays flat.
 */
export class SessionCopies {
  /** Kept deliveries by content key. */
  private readonly kept = new Map<string, Kept[]>();
  /** The same, in the order they were taken, for forgetting the oldest. */
  private readonly order: Kept[] = [];

  /** True the first time an event comes; false for its copy from another session, which is then counted. */
  firstCopy(notification: EventSubNotification, session: string): boolean {
    this.forgetBefore(notification.timestamp - COPY_WINDOW_MS);
    const delivery = { key: `${notification.type}@${notification.version}:${contentKey(notification.event)}`, at: notification.timestamp, session };
    const same = this.kept.get(delivery.key) ?? [];
    const original = same.find((kept) => isCopyOf(delivery, kept));
    if (original) {
      original.sessions.push(session);
      return false;
    }
    const kept: Kept = { key: delivery.key, at: delivery.at, sessions: [session] };
    this.kept.set(delivery.key, [...same, kept]);
    this.order.push(kept);
    return true;
  }

  private forgetBefore(at: number): void {
    while (this.order.length > 0 && this.order[0]!.at < at) {
      const old = this.order.shift()!;
      const left = this.kept.get(old.key)!.filter((kept) => kept !== old);
      if (left.length > 0) this.kept.set(old.key, left);
      else this.kept.delete(old.key);
    }
  }
}
