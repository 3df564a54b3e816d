import type { EventSubNotification } from '../eventsub-source.js';

/** A notification as the session holding the connection received it, with that session, the types live on it then and when it arrived. */
export interface SessionNotification {
  readonly notification: EventSubNotification;
  readonly session: string;
  readonly live: ReadonlySet<string>;
  readonly receivedAt: number;
}

/**
 * How long a relayed notification is kept for the next owner to store. The owner stores each
 * notification a task after relaying it, and a page closed meanwhile loses that write (OBS
 * shutting a source down with its scene); the page taking over is elected at once with Web
 * Locks, after the 3 s lease on plain http, later on a starved machine: 30 s covers each.
 */
const KEEP_MS = 30_000;
/** At most so many, however busy the channel: a hype train's contributions come by the dozen, not by the hundred. */
const KEEP_AT_MOST = 200;

/**
 * What other pages' sessions relayed to this follower lately, for every type (not only this
 * page's), so that it can store them once it holds the connection: the page that held it
 * before may have gone before its own write. The history keeps each event once by its id, so
 * what that page did store is not stored again.
 */
export class RecentRelays {
  /** In arrival order. */
  private kept: SessionNotification[] = [];

  keep(relayed: SessionNotification): void {
    this.kept.push(relayed);
    const since = relayed.receivedAt - KEEP_MS;
    while (this.kept.length > KEEP_AT_MOST || this.kept[0]!.receivedAt < since) this.kept.shift();
  }

  /** The notifications kept within KEEP_MS of `now`, oldest first; none are kept after. */
  take(now = Date.now()): SessionNotification[] {
    const recent = this.kept.filter((kept) => kept.receivedAt >= now - KEEP_MS);
    this.kept = [];
    return recent;
  }
}
