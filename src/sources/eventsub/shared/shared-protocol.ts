import { SourceError, type SourceErrorCode } from '../../../core/errors.js';
import type { SourceState, SourceStatus } from '../../../core/source.js';
import type { EventSubNotification, EventSubRevocation } from '../eventsub-source.js';
import type { EventSubSubscription } from '../eventsub-subscription.js';
import type { SubscriptionRefusal } from '../refusal.js';

/**
 * What the overlay pages of one user say to each other on their BroadcastChannel. Every message
 * carries `v`; the version is also part of the lock and channel names, so pages of two builds
 * (an old one cached by OBS beside a new one) never share a connection they would misread.
 */
export const PROTOCOL_VERSION = 2;

/**
 * Names of the Web Lock, the channel, and the channel of the election used without Web Locks:
 * one connection per user id (different channels never share).
 */
export function sharedNames(userId: string): { readonly lock: string; readonly channel: string; readonly election: string } {
  const name = `ovl:eventsub:v${PROTOCOL_VERSION}:${userId}`;
  return { lock: name, channel: name, election: `${name}:election` };
}

/** A SourceError as plain data: structured clone keeps an Error's message but not its fields. */
export interface ErrorWire {
  readonly code: SourceErrorCode;
  readonly message: string;
  readonly retryable: boolean;
}

/** A subscription Twitch refused on the owner's session, with its key (`subscriptionKey`). */
export interface RefusalWire extends SubscriptionRefusal {
  readonly key: string;
}

export interface StatusWire {
  readonly state: SourceState;
  readonly attempt: number;
  readonly retryInMs?: number;
  readonly error?: ErrorWire;
}

export type SharedMessage = { readonly v: typeof PROTOCOL_VERSION } & (
  /** A page's subscriptions, for the owner's union. Sent on start and to each new owner. */
  | { readonly kind: 'need'; readonly page: string; readonly subscriptions: readonly EventSubSubscription[] }
  /** A page opened a session for the connection (as its owner, or the dock readying one): every other page sends its `need` again. */
  | { readonly kind: 'owner'; readonly page: string }
  /**
   * The owner's connection status, which every page shows as its own, with its session id
   * ('' before a welcome) and what that session holds: the keys (`subscriptionKey`) of the live
   * subscriptions and the refused ones. A page is connected once each of its own is live or
   * refused, and one at least is live.
   */
  | {
      readonly kind: 'status';
      readonly status: StatusWire;
      readonly session: string;
      readonly live: readonly string[];
      readonly refused: readonly RefusalWire[];
      /** The owner is a page preferred as the owner (the dock): another preferred page does not take over from it. */
      readonly preferred: boolean;
    }
  /** A notification, with the session that delivered it: two may, while the connection changes hands (see event-copies.ts). */
  | { readonly kind: 'notification'; readonly notification: EventSubNotification; readonly session: string }
  | { readonly kind: 'revocation'; readonly revocation: EventSubRevocation }
  /** An error of the owner's connection. */
  | { readonly kind: 'error'; readonly error: ErrorWire }
);

/** Messages without the version field, as the sides build them. */
export type SharedMessageBody = SharedMessage extends infer M ? (M extends { v: number } ? Omit<M, 'v'> : never) : never;

export function toErrorWire(error: SourceError): ErrorWire {
  return { code: error.code, message: error.message, retryable: error.retryable };
}

export function fromErrorWire(wire: ErrorWire): SourceError {
  return new SourceError(wire.code, wire.message, { retryable: wire.retryable });
}

export function toStatusWire({ state, attempt, retryInMs, error }: SourceStatus): StatusWire {
  return { state, attempt, ...(retryInMs !== undefined && { retryInMs }), ...(error && { error: toErrorWire(error) }) };
}

/** An owner publishes only these: it is never idle once it speaks, and a stopping owner is silent. */
const STATES: readonly string[] = ['connecting', 'connected', 'reconnecting', 'error'];
const CODES: readonly string[] = ['config', 'auth', 'network', 'protocol', 'rate-limit'];
const REASONS: readonly string[] = ['unauthorized', 'rate-limited', 'limit', 'revoked', 'ended', 'failed'];

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function isErrorWire(value: unknown): value is ErrorWire {
  return isObject(value) && CODES.includes(value.code as string) && isString(value.message) && typeof value.retryable === 'boolean';
}

function isRefusal(value: unknown): value is RefusalWire {
  return isObject(value) && isString(value.key) && isString(value.type) && isString(value.version) && REASONS.includes(value.reason as string) && isString(value.message);
}

function isSubscription(value: unknown): value is EventSubSubscription {
  return isObject(value) && isString(value.type) && isString(value.version) && isObject(value.condition) && Object.values(value.condition).every(isString);
}

function isRevocation(value: unknown): value is EventSubRevocation {
  return isObject(value) && isString(value.status) && isSubscription(value);
}

/** Twitch enables at most 300 subscriptions on one connection (§3.4): no page needs more. */
const MAX_SUBSCRIPTIONS = 300;

const CHECKS: Record<SharedMessage['kind'], (m: Fields) => boolean> = {
  need: (m) => isString(m.page) && Array.isArray(m.subscriptions) && m.subscriptions.length <= MAX_SUBSCRIPTIONS && m.subscriptions.every(isSubscription),
  owner: (m) => isString(m.page),
  status: (m) =>
    isObject(m.status) &&
    STATES.includes(m.status.state as string) &&
    typeof m.status.attempt === 'number' &&
    (m.status.error === undefined || isErrorWire(m.status.error)) &&
    isString(m.session) &&
    Array.isArray(m.live) &&
    m.live.every(isString) &&
    Array.isArray(m.refused) &&
    m.refused.every(isRefusal) &&
    typeof m.preferred === 'boolean',
  notification: (m) =>
    isObject(m.notification) &&
    isString(m.notification.type) &&
    isString(m.notification.version) &&
    isString(m.notification.messageId) &&
    Number.isFinite(m.notification.timestamp) &&
    isObject(m.notification.event) &&
    isString(m.session),
  revocation: (m) => isRevocation(m.revocation),
  error: (m) => isErrorWire(m.error),
};

/**
 * `data` as a message of this protocol version, or why not. Any page of the origin can post on
 * the channel (in OBS's local-file mode every local file shares `http://absolute`), so nothing
 * is trusted unchecked.
 */
export function readSharedMessage(data: unknown): SharedMessage | string {
  if (!isObject(data)) return 'not an object';
  if (data.v !== PROTOCOL_VERSION) return `protocol version ${String(data.v)}, expected ${PROTOCOL_VERSION}`;
  const check = Object.hasOwn(CHECKS, data.kind as string) ? CHECKS[data.kind as SharedMessage['kind']] : undefined;
  if (!check) return `unknown kind "${String(data.kind)}"`;
  return check(data) ? (data as SharedMessage) : `malformed "${String(data.kind)}" message`;
}
