import { TypedEventTarget } from '../core/typed-event-target.js';
import type { StreamEvent } from '../domain/stream-event.js';
import type { StreamEventSource } from '../sources/eventsub/stream-event-source.js';

/**
 * Calls `read` each time `events` holds a new EventSub session, once its subscriptions are
 * made: at the start, and after each connection that was lost and came back (a
 * `session_reconnect` keeps its session and loses nothing, so it does not count). With
 * `skipFirst`, not at the start, for a widget that read its state before it was shown.
 */
export function onEachSession(events: StreamEventSource, read: () => void, { skipFirst = false } = {}): void {
  let sessions = 0;
  events.addEventListener('subscriptions', () => {
    sessions += 1;
    if (sessions > 1 || !skipFirst) read();
  });
}

/** Things followed at once: a train, a poll and a prediction, with room for stray ones whose end never came. */
const FOLLOWED = 16;

/** What an event is about (a train, a poll, a prediction, by kind and id) and whether it says it ended; null for any other event. */
function thingOf(event: StreamEvent): { readonly key: string; readonly ended: boolean } | null {
  switch (event.kind) {
    case 'hype-train':
      return { key: `hype-train:${event.trainId}`, ended: event.phase === 'end' };
    case 'poll':
      return { key: `poll:${event.pollId}`, ended: event.phase === 'end' };
    case 'prediction':
      return { key: `prediction:${event.predictionId}`, ended: event.phase === 'end' };
    default:
      return null;
  }
}

/**
 * What a live widget (the hype train, the poll) shows: the stream events as they arrive, and,
 * at the start of each EventSub session, what Helix says runs now (`read`, e.g.
 * liveStateEvents). Twitch does not replay what a connection missed, so a train that began,
 * moved or ended, a poll that closed or a prediction that was resolved while the overlay was
 * away would otherwise show wrong until the next event, or for ever (a locked prediction
 * waits for its end). An end Helix reports is passed on only for what was shown running: an
 * old poll's result does not come back. A train shown running that Helix no longer reports
 * ended while the overlay was away (Helix keeps no record of ended trains): it is ended here.
 * What arrives over EventSub while Helix is being asked is newer than its answer and stands.
 */
export class LiveStateFeed extends TypedEventTarget<{ event: StreamEvent }> {
  /** The last event passed on of each thing shown running, by `thingOf`'s key, with its place in the order passed. */
  private readonly running = new Map<string, { readonly event: StreamEvent; readonly order: number }>();
  /** Events passed on so far. */
  private passed = 0;

  constructor(
    events: StreamEventSource,
    private readonly read: () => Promise<readonly StreamEvent[]>,
    /** For `?debug`: what the last read found, or why it failed. */
    private readonly note: (text: string) => void,
  ) {
    super();
    events.addEventListener('event', (e) => this.pass(e.detail));
    onEachSession(events, () => void this.reread());
  }

  private pass(event: StreamEvent): void {
    this.passed += 1;
    const thing = thingOf(event);
    if (thing) {
      this.running.delete(thing.key);
      if (!thing.ended) this.running.set(thing.key, { event, order: this.passed });
      if (this.running.size > FOLLOWED) this.running.delete(this.running.keys().next().value!);
    }
    this.emit('event', event);
  }

  private async reread(): Promise<void> {
    const asked = this.passed;
    /** Whether the thing was last heard of before Helix was asked: what came since is newer. */
    const older = (key: string) => (this.running.get(key)?.order ?? 0) <= asked;
    let now: readonly StreamEvent[];
    try {
      now = await this.read();
    } catch (error) {
      this.note(`could not read what runs now from Twitch: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const reported = new Set(now.map((event) => thingOf(event)?.key));
    for (const [key, { event: shown }] of [...this.running]) {
      if (shown.kind === 'hype-train' && !reported.has(key) && older(key)) {
        this.pass({ ...shown, id: `helix-end-${shown.trainId}`, at: Date.now(), phase: 'end', progress: 0, goal: 0, expiresAt: null });
      }
    }
    const news = now.filter((event) => {
      const thing = thingOf(event);
      if (!thing) return false;
      return thing.ended ? this.running.has(thing.key) && older(thing.key) : older(thing.key);
    });
    news.forEach((event) => this.pass(event));
    this.note(`read from Twitch: ${news.map((event) => `${event.kind}${thingOf(event)?.ended ? ' (ended)' : ''}`).join(', ') || 'nothing running'}`);
  }
}
