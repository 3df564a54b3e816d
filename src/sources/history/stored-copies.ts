import type { StreamEvent } from '../../domain/stream-event.js';
import { contentKey, isCopyOf } from '../../domain/event-copies.js';
import type { HistoryRecord } from './history-record.js';

// The writer's part of reading records (EventHistory), apart from history-record.ts, which every
// reader loads: the label page draws with the reader alone (issue 21).

/**
 * What `event` says (as a session's copy of it would say it too), as a short hash: the writer
 * keeps it for the last minutes' events (RECENT), so a write reads only the records that may be
 * what it adds again. Two events that hash alike are told apart by storedCopyOf.
 */
export function contentHash(event: StreamEvent): string {
  // FNV-1a, 32 bits: a few thousand records a minute at most, and a collision costs one more comparison.
  const text = eventContent(event);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * The stored record that `record` is a copy of (the same event from another EventSub session,
 * see event-copies.ts), among `kept`; null when it is an event of its own.
 */
export function storedCopyOf(record: HistoryRecord, kept: readonly HistoryRecord[]): HistoryRecord | null {
  const [session] = record.sessions ?? [];
  if (!session) return null;
  const delivery = { key: eventContent(record.event), at: record.event.at, session };
  return kept.find((other) => other.origin === record.origin && other.event.kind === record.event.kind && other.sessions !== undefined && isCopyOf(delivery, { key: eventContent(other.event), at: other.event.at, sessions: other.sessions ?? [] })) ?? null;
}

/** What an event says, without what differs between two sessions' copies of it (the message id and send time). */
function eventContent({ id: _id, at: _at, ...content }: StreamEvent): string {
  return contentKey(content);
}
