import type { HypeTrainEvent } from '../../domain/stream-event.js';
import type { PresenceTracker } from '../../controllers/presence-controller.js';

/** Ended trains remembered, so that a late progress of one cannot bring it back. */
const ENDED_KEPT = 16;

/**
 * Which hype train runs, from notifications that may arrive out of order: Twitch warns that a
 * progress may come before its begin (twitch-protocols.md §3.5). Message timestamps are stamped
 * when a message is sent, so a late begin can carry a later stamp than the progress it
 * precedes; what only ever grows within a train is its `total` (and its `expires_at`), so
 * those decide which of two notifications of one train is the newer. An end is final: the
 * train's id is remembered and anything later about it is ignored. A train whose `expires_at`
 * has passed is over even if its end never came.
 */
export class HypeTrainTracker implements PresenceTracker<HypeTrainEvent> {
  private train: HypeTrainEvent | null = null;
  private readonly ended: string[] = [];

  /** The train running at `now`, or null. */
  current(now: number): HypeTrainEvent | null {
    const train = this.train;
    return train && train.expiresAt !== null && train.expiresAt > now ? train : null;
  }

  /** When the train running at `now` expires (with no end, it goes then), epoch ms; null when none runs. */
  nextChange(now: number): number | null {
    return this.current(now)?.expiresAt ?? null;
  }

  /** Takes in one notification; returns whether it changed the train shown. */
  apply(event: HypeTrainEvent): boolean {
    if (this.ended.includes(event.trainId)) return false;
    if (event.phase === 'end') {
      this.ended.push(event.trainId);
      if (this.ended.length > ENDED_KEPT) this.ended.shift();
      if (this.train?.trainId !== event.trainId) return false;
      this.train = null;
      return true;
    }
    if (this.train && !newer(event, this.train)) return false;
    this.train = event;
    return true;
  }
}

/** Whether `event` says more than `shown`: the same train further on, or a later train. */
function newer(event: HypeTrainEvent, shown: HypeTrainEvent): boolean {
  const expires = (e: HypeTrainEvent) => e.expiresAt ?? 0;
  if (event.trainId !== shown.trainId) return expires(event) >= expires(shown);
  return event.total > shown.total || (event.total === shown.total && expires(event) >= expires(shown));
}
