import type { EventKind, StreamEvent } from '../../domain/stream-event.js';
import { readStoredEvent } from './stored-event.js';

/** Why an event is in the history: it came from Twitch, the dock replayed it, or the dock's Test made it. */
export type EventOrigin = 'live' | 'replay' | 'test';

export const EVENT_ORIGINS: readonly EventOrigin[] = ['live', 'replay', 'test'];

/** One stored event. Goals, counters, session totals and credits count only `live` ones. */
export interface HistoryRecord {
  /** Normalised, not folded: credits, labels and lists fold at read time. Its `id` is the key. */
  readonly event: StreamEvent;
  /** Epoch ms when this origin received it. */
  readonly receivedAt: number;
  readonly origin: EventOrigin;
  /**
   * The EventSub sessions that delivered it (see event-copies.ts): one, or two when the shared
   * connection changed hands as it arrived. Absent for the dock's replays and tests.
   */
  readonly sessions?: readonly string[];
  /** The ids other sessions' copies of it came under, each noted here instead of stored on its own. */
  readonly copies?: readonly string[];
}

/** Which records a read returns; every condition given must hold. */
export interface HistoryQuery {
  readonly kinds?: readonly EventKind[];
  readonly origins?: readonly EventOrigin[];
  readonly where?: (record: HistoryRecord) => boolean;
}

/** `value` as a record when it is one (stored by any build or page of the origin), else null. */
export function readHistoryRecord(value: unknown): HistoryRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const { event, receivedAt, origin } = value as Record<string, unknown>;
  if (!Number.isFinite(receivedAt) || !EVENT_ORIGINS.includes(origin as EventOrigin) || !readStoredEvent(event)) return null;
  return value as HistoryRecord;
}

export function matchesQuery(record: HistoryRecord, { kinds, origins, where }: HistoryQuery): boolean {
  return (!kinds || kinds.includes(record.event.kind)) && (!origins || origins.includes(record.origin)) && (!where || where(record));
}
