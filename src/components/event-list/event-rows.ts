import { STREAM_STATE_KINDS, type EventKind, type StreamEvent } from '../../domain/stream-event.js';
import { alertContent, fillFields, isAlertMoment } from '../alerts/alert-fields.js';

/** One row of the list: the event (a follow burst folded into its first follow) and its text. */
export interface EventRow {
  readonly event: StreamEvent;
  readonly text: string;
}

/** What a row says, per kind: shorter than an alert's line, to fit a sidebar. */
const ROW_TEMPLATES: Readonly<Record<EventKind, string>> = {
  follow: '{user} followed',
  sub: '{user} subscribed ({tier})',
  resub: '{user} resubscribed: {months} months',
  gift: '{user} gifted {amount} subs',
  cheer: '{user} cheered {amount} bits',
  raid: '{user} raided with {viewers} viewers',
  shoutout: 'Shoutout from {user} to {viewers} viewers',
  'hype-train': '{headline}',
  poll: '{headline}',
  prediction: '{headline}',
  goal: '{headline}',
  charity: '{user} donated {amount} to {charity}',
  redemption: '{user} redeemed {reward}',
  'stream-online': '{headline}',
  'stream-offline': '{headline}',
};

/** What an event says in one short line ("Cool_User cheered 100 bits"): the list's rows and the dock's feed. */
export function rowText(event: StreamEvent): string {
  if (event.kind === 'follow' && event.count > 1) return `${event.count.toLocaleString('en-US')} new followers`;
  if (event.kind === 'gift' && event.total === 1) return fillFields('{user} gifted a sub', alertContent(event).fields);
  return fillFields(ROW_TEMPLATES[event.kind], alertContent(event).fields);
}

export interface RowOptions {
  /** Kinds listed; empty: every alert kind. */
  readonly kinds: readonly EventKind[];
  /** The most rows kept. */
  readonly max: number;
  /** A follow within this many ms of the newest row's first follow folds into it; 0: never. */
  readonly followBurstMs: number;
}

/**
 * Whether the list shows `event` at all: not a kind filtered out (`kinds` empty: every alert
 * kind; the stream going live or offline only when asked for), nor a hype train's, poll's,
 * prediction's or goal's progress, which the live widgets show and the list would drown in.
 */
export function isListed(event: StreamEvent, kinds: readonly EventKind[]): boolean {
  const asked = kinds.length === 0 ? !(STREAM_STATE_KINDS as readonly EventKind[]).includes(event.kind) : kinds.includes(event.kind);
  return asked && isAlertMoment(event);
}

/**
 * The rows after `event` arrives, newest first, at most `max`: `rows` itself when the event is
 * not listed (isListed). A follow close enough after the newest row's follow folds into it, as
 * the alert box folds bursts.
 */
export function withEvent(rows: readonly EventRow[], event: StreamEvent, options: RowOptions): readonly EventRow[] {
  if (!isListed(event, options.kinds)) return rows;
  const [newest] = rows;
  if (event.kind === 'follow' && newest?.event.kind === 'follow' && options.followBurstMs > 0 && event.at - newest.event.at <= options.followBurstMs) {
    const folded = { ...newest.event, count: newest.event.count + event.count };
    return [{ event: folded, text: rowText(folded) }, ...rows.slice(1)];
  }
  return [{ event, text: rowText(event) }, ...rows.slice(0, Math.max(0, options.max - 1))];
}
