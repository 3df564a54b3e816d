/**
 * One event that two EventSub sessions both delivered, told apart from two events that look the
 * same. While the shared connection changes hands (a page stalled past its lease in OBS's
 * local-file mode, or the dock taking over), two sessions of the same user can hold the same
 * subscriptions for a moment, and Twitch sends each its own copy of every event under its own
 * message id: the ids cannot tell the copies apart, only what they say can. Two copies carry the
 * same event payload, sent at about the same time, on different sessions; two events that look
 * the same (a viewer cheering the same 100 bits twice) come on the same session. Each kept event
 * records which sessions delivered it, so a session's copy matches it once: two such cheers
 * seen on both sessions stay two.
 */

/** How far apart Twitch's send times (`message_timestamp`) of two sessions' copies may be. */
export const COPY_WINDOW_MS = 10_000;

/** What one session delivered: the event's content key, when Twitch sent it, on which session ('' when unknown). */
export interface Delivery {
  readonly key: string;
  readonly at: number;
  readonly session: string;
}

/** An event already delivered, with every session that delivered it. */
export interface KeptDelivery {
  readonly key: string;
  readonly at: number;
  readonly sessions: readonly string[];
}

/** True when `copy` is `kept`'s event again, delivered by a session that has not delivered it yet. */
export function isCopyOf(copy: Delivery, kept: KeptDelivery): boolean {
  return copy.session !== '' && copy.key === kept.key && Math.abs(copy.at - kept.at) <= COPY_WINDOW_MS && !kept.sessions.includes(copy.session);
}

/** The same text for the same JSON value whatever the order of its fields: a copy's fields may come in another order. */
export function contentKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(contentKey).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.keys(value).sort();
    return `{${fields.map((field) => `${JSON.stringify(field)}:${contentKey((value as Record<string, unknown>)[field])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
