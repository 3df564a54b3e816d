import type { EventKind, StreamEvent } from '../../domain/stream-event.js';
import type { HelixClient } from '../../twitch/helix-client.js';
import { getHypeTrainNow, getPolls, getPredictions, type HelixObject } from '../../twitch/helix-api.js';
import { normalizeNotification } from '../eventsub/normalize.js';

/** The kinds whose state Helix can say now. */
export type LiveKind = Extract<EventKind, 'hype-train' | 'poll' | 'prediction'>;

/**
 * Polls and predictions read back. Twitch runs one of each at a time and a widget shows the
 * newest, so one shown before a connection was lost is among the last few, with its result.
 */
const RECENT = 5;

/** An EventSub notification made of a Helix object, as normalize.ts reads one. */
interface AsNotification {
  readonly type: string;
  readonly version: string;
  readonly event: HelixObject;
}

const seconds = (from: unknown, count: unknown): string | undefined =>
  typeof from === 'string' && typeof count === 'number' ? new Date(Date.parse(from) + count * 1000).toISOString() : undefined;
const lower = (value: unknown): unknown => (typeof value === 'string' ? value.toLowerCase() : value);

/** A running poll is EventSub's `progress` with its end time; an ended one its `end`; a moderated or invalid one nothing. */
function pollNotification(poll: HelixObject): AsNotification | null {
  switch (poll.status) {
    case 'ACTIVE':
      return { type: 'channel.poll.progress', version: '1', event: { ...poll, ends_at: seconds(poll.started_at, poll.duration) } };
    case 'COMPLETED':
    case 'TERMINATED':
    case 'ARCHIVED':
      return { type: 'channel.poll.end', version: '1', event: { ...poll, status: lower(poll.status) } };
    default:
      return null;
  }
}

/** Helix writes a prediction's colours and status in capitals, EventSub in small letters. */
function predictionNotification(prediction: HelixObject): AsNotification | null {
  const outcomes = Array.isArray(prediction.outcomes) ? prediction.outcomes.map((o: HelixObject) => ({ ...o, color: lower(o?.color) })) : prediction.outcomes;
  const event = { ...prediction, outcomes };
  switch (prediction.status) {
    case 'ACTIVE':
      return { type: 'channel.prediction.progress', version: '1', event: { ...event, locks_at: seconds(prediction.created_at, prediction.prediction_window) } };
    case 'LOCKED':
      return { type: 'channel.prediction.lock', version: '1', event };
    case 'RESOLVED':
    case 'CANCELED':
      return { type: 'channel.prediction.end', version: '1', event: { ...event, status: lower(prediction.status) } };
    default:
      return null;
  }
}

async function notificationsOf(helix: HelixClient, userId: string, kind: LiveKind): Promise<AsNotification[]> {
  switch (kind) {
    case 'hype-train': {
      // The status has the fields of a v2 progress event.
      const train = await getHypeTrainNow(helix, userId);
      return train ? [{ type: 'channel.hype_train.progress', version: '2', event: train }] : [];
    }
    case 'poll':
      return (await getPolls(helix, userId, RECENT)).flatMap((poll) => pollNotification(poll) ?? []);
    case 'prediction':
      return (await getPredictions(helix, userId, RECENT)).flatMap((prediction) => predictionNotification(prediction) ?? []);
  }
}

/**
 * What Helix says of `kinds` on the channel now, as the stream events EventSub would have sent:
 * a hype train running now as a `progress`; the newest polls and predictions as a `progress`
 * (running), a `lock` (a prediction waiting for its result) or an `end` with the result.
 * Twitch does not replay what a connection missed, so a widget that was away reads this when
 * it is back. Each is checked as an EventSub payload is (normalize.ts), and one that fails is
 * left out. Rejects when a Helix call fails.
 */
export async function liveStateEvents(helix: HelixClient, userId: string, kinds: readonly LiveKind[]): Promise<StreamEvent[]> {
  const at = Date.now();
  const read = await Promise.all(kinds.map((kind) => notificationsOf(helix, userId, kind)));
  return read.flat().flatMap((n, i) => {
    const result = normalizeNotification({ ...n, messageId: `helix-${at}-${i}`, timestamp: at });
    return 'event' in result ? [result.event] : [];
  });
}
