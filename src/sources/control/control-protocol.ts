import type { SourceState } from '../../core/source.js';
import type { AlertEvent } from '../../domain/stream-event.js';
import { isStreamEvent } from './stream-event-check.js';
import { WIDGET_COMMAND_CHECKS, type WidgetCommand } from '../../domain/widget-commands.js';

/**
 * What the dock and the overlay pages of one origin say to each other on their BroadcastChannel.
 * Every message carries `v`, which is also part of the channel's name, so pages of two builds (an
 * old one cached by OBS beside a new one) never act on each other's messages; and the
 * broadcaster it is about, so one origin can serve several channels.
 */
export const CONTROL_VERSION = 1;

/** One channel per origin; the broadcaster is in each message. */
export const CONTROL_CHANNEL = `ovl:control:v${CONTROL_VERSION}`;

/**
 * Where pages report their presence, apart from the commands: only a dock listens here, so an
 * overlay never wakes for another page's report. A BroadcastChannel delivers every post to every
 * other page of the origin, and on one channel each ping's answers woke every page once per open
 * page: with 5 overlays open, the idle dock's main thread spent more on them than on anything else.
 */
export const PRESENCE_CHANNEL = `ovl:presence:v${CONTROL_VERSION}`;

/**
 * A broadcaster as a page knows it: EventSub overlays by the token's user id (and login), a chat
 * overlay by the login it reads (its id only once Twitch's ROOMSTATE names it).
 */
export interface ChannelRef {
  readonly id?: string;
  readonly login?: string;
}

/** What the dock tells the pages. */
export type ControlCommand =
  /** Show the event again on every alert box, as a replay: it counts towards nothing. */
  | { readonly kind: 'replay'; readonly event: AlertEvent }
  /** Play this made-up event on every alert box, with its templates: a Test button. */
  | { readonly kind: 'test'; readonly event: AlertEvent }
  /** The streamer's pause and mute of every alert box. */
  | { readonly kind: 'alert-state'; readonly paused: boolean; readonly muted: boolean }
  /** End the alert on screen now, its sound included. */
  | { readonly kind: 'skip' }
  /** Drop every waiting alert. */
  | { readonly kind: 'clear-queue' }
  /** Every overlay transparent (or back): a hateful raid, a moment off camera. */
  | { readonly kind: 'hide'; readonly hidden: boolean }
  /** Take one chat line off the chat overlays (Twitch keeps it). */
  | { readonly kind: 'chat-remove'; readonly messageId: string }
  /** Take a chatter's lines off the chat overlays, and keep their next ones off. */
  | { readonly kind: 'chat-hide-user'; readonly userId: string; readonly login: string }
  /** The stream ended: every hidden chatter's next lines show again. */
  | { readonly kind: 'chat-unhide-users' }
  /** Every page answers with its presence. */
  | { readonly kind: 'ping' }
  /** Start, pause, resume, extend or reset the subathon timer; roll the end credits. */
  | WidgetCommand;

/** One connection of a page, in the words of its `?debug` chip. */
export interface SourceReport {
  readonly name: string;
  readonly state: SourceState;
  /** `code: message` of the failure behind the state. */
  readonly error?: string;
  /** Since when (epoch ms) the connection is gone, while it is (Source.awaySince). */
  readonly awaySince?: number;
  /** What the streamer should hear of before anything stops (Source.warning). */
  readonly warning?: string;
}

/** An alert box's queue. */
export interface AlertsReport {
  readonly waiting: number;
  readonly paused: boolean;
  readonly muted: boolean;
}

/** A chat overlay's filters, so the dock shows the lines as the overlay does. */
export interface ChatFilters {
  readonly hideBots: readonly string[];
  readonly hideCommands: boolean;
  readonly hideNotices: boolean;
}

/** A page saying it is open (every 2 s, and in answer to a `ping`); the dock shows it gone after 5 s of silence. */
export interface PresenceReport {
  readonly kind: 'presence';
  /** This page among the others, stable while it is open. */
  readonly page: string;
  /** Its registry name, e.g. `alerts`. */
  readonly overlay: string;
  readonly title: string;
  readonly sources: readonly SourceReport[];
  /** Its part in the shared EventSub connection; null when it has none. */
  readonly eventsub: 'owner' | 'follower' | 'solo' | null;
  /** Epoch ms its token expires, when it has one. */
  readonly tokenExpiresAt?: number;
  readonly alerts?: AlertsReport;
  readonly chat?: ChatFilters;
}

export type ControlBody = ControlCommand | PresenceReport;
export type ControlMessage = { readonly v: typeof CONTROL_VERSION; readonly channel: ChannelRef } & ControlBody;

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const optional = (value: unknown, check: (value: unknown) => boolean) => value === undefined || check(value);
const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

const STATES: readonly string[] = ['idle', 'connecting', 'connected', 'reconnecting', 'error', 'stopped'];
const ROLES: readonly unknown[] = ['owner', 'follower', 'solo', null];
/** No page has more connections than this; a longer list is no presence of ours. */
const MAX_SOURCES = 32;

const isChannel = (value: unknown) => isObject(value) && optional(value.id, isString) && optional(value.login, isString) && (isString(value.id) || isString(value.login));
const isSourceReport = (value: unknown) => isObject(value) && isString(value.name) && STATES.includes(value.state as string) && optional(value.error, isString) && optional(value.awaySince, isTime) && optional(value.warning, isString);
const isAlertsReport = (value: unknown) => isObject(value) && isCount(value.waiting) && isBoolean(value.paused) && isBoolean(value.muted);
const isChatFilters = (value: unknown) => isObject(value) && Array.isArray(value.hideBots) && value.hideBots.every(isString) && isBoolean(value.hideCommands) && isBoolean(value.hideNotices);

const CHECKS: Record<ControlBody['kind'], (m: Fields) => boolean> = {
  ...WIDGET_COMMAND_CHECKS,
  replay: (m) => isStreamEvent(m.event),
  test: (m) => isStreamEvent(m.event),
  'alert-state': (m) => isBoolean(m.paused) && isBoolean(m.muted),
  skip: () => true,
  'clear-queue': () => true,
  hide: (m) => isBoolean(m.hidden),
  'chat-remove': (m) => isString(m.messageId) && m.messageId !== '',
  'chat-hide-user': (m) => isString(m.userId) && isString(m.login) && (m.userId !== '' || m.login !== ''),
  'chat-unhide-users': () => true,
  ping: () => true,
  presence: (m) =>
    isString(m.page) &&
    isString(m.overlay) &&
    isString(m.title) &&
    Array.isArray(m.sources) &&
    m.sources.length <= MAX_SOURCES &&
    m.sources.every(isSourceReport) &&
    ROLES.includes(m.eventsub) &&
    optional(m.tokenExpiresAt, isTime) &&
    optional(m.alerts, isAlertsReport) &&
    optional(m.chat, isChatFilters),
};

/**
 * `data` as a message of this protocol version, or why not. Any page of the origin can post on
 * the channel, so nothing is trusted unchecked: a message of another version, an unknown kind or
 * a malformed one is refused whole.
 */
export function readControlMessage(data: unknown): ControlMessage | string {
  if (!isObject(data)) return 'not an object';
  if (data.v !== CONTROL_VERSION) return `protocol version ${String(data.v)}, expected ${CONTROL_VERSION}`;
  if (!isChannel(data.channel)) return 'no broadcaster';
  const check = Object.hasOwn(CHECKS, data.kind as string) ? CHECKS[data.kind as ControlBody['kind']] : undefined;
  if (!check) return `unknown kind "${String(data.kind)}"`;
  return check(data) ? (data as ControlMessage) : `malformed "${String(data.kind)}" message`;
}

/**
 * Whether a message about `their` broadcaster concerns a page of `ours`: the ids decide when
 * both are known, else the logins (Twitch logins are lower-case). A page that knows no
 * broadcaster at all (the studio) takes every message.
 */
export function sameBroadcaster(ours: ChannelRef, their: ChannelRef): boolean {
  if (ours.id && their.id) return ours.id === their.id;
  if (ours.login && their.login) return ours.login.toLowerCase() === their.login.toLowerCase();
  return !ours.id && !ours.login;
}
