import type { EventKind, StreamEvent } from '../domain/stream-event.js';
import type { HistoryReader } from '../sources/history/history-reader.js';

/**
 * How long this page keeps an event it received itself: long enough that the history holds it
 * by then (whichever page holds the connection stores it a moment after it arrives, README "The
 * event history"), and that a history which could not store it says so.
 */
const RECENT_MS = 10 * 60_000;
/** At most so many recent events, however busy the channel; older ones are in the history. */
const RECENT_AT_MOST = 1000;

interface Received {
  readonly event: StreamEvent;
  readonly at: number;
}

/**
 * This stream's events for the end credits, read from the event history when they roll rather
 * than held by the page: the history keeps a whole stream, so a page open for twelve hours holds
 * ten minutes of events, not every supporter. Beside the history's records it keeps what this
 * page received in the last ten minutes (a roll right after an event, before its write) and,
 * for good, what came while the history could not store (no IndexedDB, a full disk: `problem`);
 * without a history (a replay, the demo) it keeps every event. Each event counts once, by its id.
 */
export class CreditsEvents {
  private recent: Received[] = [];
  private unstored: StreamEvent[] = [];

  constructor(
    private readonly history: HistoryReader | null,
    private readonly kinds: readonly EventKind[],
    private readonly clock: () => number = Date.now,
  ) {}

  /** How many events the page holds itself: ten minutes' worth while the history stores them. */
  get held(): number {
    return this.recent.length + this.unstored.length;
  }

  add(event: StreamEvent): void {
    if (!this.history) {
      this.unstored.push(event);
      return;
    }
    const now = this.clock();
    this.recent.push({ event, at: now });
    while (this.recent.length > RECENT_AT_MOST || this.recent[0]!.at <= now - RECENT_MS) {
      const { event: old } = this.recent.shift()!;
      // The history had ten minutes to store it; if it cannot store now, it most likely did not.
      if (this.history.problem) this.unstored.push(old);
    }
  }

  /** A new stream: what this page kept belongs to the one before. */
  clear(): void {
    this.recent = [];
    this.unstored = [];
  }

  /** Every event of the stream that began at `start` (epoch ms), oldest first, each once. */
  async since(start: number): Promise<StreamEvent[]> {
    const stored = this.history ? await this.history.since(start, { origins: ['live'], kinds: this.kinds }) : [];
    const unique = new Map<string, StreamEvent>();
    for (const event of [...stored.map((record) => record.event), ...this.unstored, ...this.recent.map((received) => received.event)]) {
      if (!unique.has(event.id)) unique.set(event.id, event);
    }
    // In the order Twitch sent them: what could not be stored falls among the stored.
    return [...unique.values()].sort((a, b) => a.at - b.at);
  }
}
