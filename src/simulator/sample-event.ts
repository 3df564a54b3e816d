import { normalizeNotification } from '../sources/eventsub/normalize.js';
import type { EventKind, EventOfKind } from '../domain/stream-event.js';
import { simulatedNotifications } from './stream-event-payloads.js';

let serial = 0;

/**
 * One event of `kind` as the alert box would get it from Twitch: the simulator's payload put
 * through the real normaliser. Its first notification is the one that alerts (a gift, not its
 * recipients; a hype train's begin). For Test buttons and the benchmark.
 */
export function sampleEvent<K extends EventKind>(kind: K, random: () => number = Math.random): EventOfKind<K> {
  const [first] = simulatedNotifications(kind, random);
  const result = normalizeNotification({ ...first!, messageId: `sample-${kind}-${++serial}`, timestamp: Date.now() });
  if (!('event' in result)) throw new Error(`the simulator made a ${kind} the normaliser skips: ${result.skipped}`);
  return result.event as EventOfKind<K>;
}
