import { normalizeNotification } from '../../src/sources/eventsub/normalize.js';
import type { StreamEvent } from '../../src/domain/stream-event.js';
import { REFERENCE_EVENTS, versionOf, type ReferenceType } from '../fixtures/eventsub/reference-events.js';

let serial = 0;

/** A reference payload (Twitch's example) through the real normaliser, with fields changed; `at` in epoch ms. */
export function referenceEvent(type: ReferenceType | 'channel.goal.begin', change: Record<string, unknown> = {}, at = Date.now()): StreamEvent {
  const base = type === 'channel.goal.begin' ? REFERENCE_EVENTS['channel.goal.progress'] : REFERENCE_EVENTS[type];
  const result = normalizeNotification({ type, version: versionOf(type), messageId: `ref-${++serial}`, timestamp: at, event: { ...base, ...change } });
  if (!('event' in result)) throw new Error(result.skipped);
  return result.event;
}
