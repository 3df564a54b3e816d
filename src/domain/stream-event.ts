import type { MessagePart } from './message-parts.js';
import type { Redemption } from './redemption.js';

/**
 * Every stream event the kit knows, normalised from EventSub (src/sources/eventsub/normalize.ts):
 * camelCase, numbers checked, one `kind` to switch on. The alert box, the event list and the
 * goal / hype-train / poll widgets all read these and never the wire payloads.
 */
/** The kinds the alert box plays, each with its templates, sounds and Test button. */
export const ALERT_KINDS = ['follow', 'sub', 'resub', 'gift', 'cheer', 'raid', 'shoutout', 'hype-train', 'poll', 'prediction', 'goal', 'charity', 'redemption'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
/** The stream starting and ending: no alert plays them; they say what "this stream" is (credits, the dock). */
export const STREAM_STATE_KINDS = ['stream-online', 'stream-offline'] as const;
export const EVENT_KINDS = [...ALERT_KINDS, ...STREAM_STATE_KINDS] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export interface EventUser {
  readonly id: string;
  readonly login: string;
  /** Display name, or the login when Twitch sent none. */
  readonly name: string;
}

/** A viewer's message split into text, Twitch emotes and cheermotes; never HTML. */
export interface ViewerMessage {
  readonly text: string;
  readonly parts: readonly MessagePart[];
}

export const EMPTY_MESSAGE: ViewerMessage = { text: '', parts: [] };

/** 1, 2 or 3 (Twitch's `1000`, `2000`, `3000`). */
export type SubTier = 1 | 2 | 3;

interface EventBase {
  /** The EventSub message id (unique per delivery, stable across Twitch's repeats). */
  readonly id: string;
  /** Epoch ms when Twitch sent it. */
  readonly at: number;
}

export interface FollowEvent extends EventBase {
  readonly kind: 'follow';
  readonly user: EventUser;
  /** 1; more when a burst of follows was folded into this one (the first follower is `user`). */
  readonly count: number;
}

export interface SubEvent extends EventBase {
  readonly kind: 'sub';
  readonly user: EventUser;
  readonly tier: SubTier;
  /** A gifted sub shown on its own: only when no gift event could account for it. */
  readonly isGift: boolean;
}

export interface ResubEvent extends EventBase {
  readonly kind: 'resub';
  readonly user: EventUser;
  readonly tier: SubTier;
  readonly months: number;
  /** Null when the viewer does not share the streak. */
  readonly streakMonths: number | null;
  /** Months bought in advance with this sub. */
  readonly durationMonths: number;
  readonly message: ViewerMessage;
}

export interface GiftEvent extends EventBase {
  readonly kind: 'gift';
  /** Null for an anonymous gift. */
  readonly user: EventUser | null;
  /** Subs in this gift (a gift bomb of 50 is one event with 50). */
  readonly total: number;
  readonly tier: SubTier;
  /** The gifter's all-time total in this channel; null when anonymous or not shared. */
  readonly cumulativeTotal: number | null;
}

export interface CheerEvent extends EventBase {
  readonly kind: 'cheer';
  /** Null for an anonymous cheer (old `channel.cheer` only). */
  readonly user: EventUser | null;
  readonly bits: number;
  /** `cheer`, `power_up` or `combo` (`channel.bits.use`); `cheer` from `channel.cheer`. */
  readonly via: string;
  /** The Power-up used, e.g. `gigantify_an_emote`; '' for a plain cheer. */
  readonly powerUp: string;
  /** The viewer's message without the cheermotes (the amount is in `bits`). */
  readonly message: ViewerMessage;
}

export interface RaidEvent extends EventBase {
  readonly kind: 'raid';
  readonly user: EventUser;
  readonly viewers: number;
}

export interface ShoutoutEvent extends EventBase {
  readonly kind: 'shoutout';
  /** The channel that gave the shoutout. */
  readonly user: EventUser;
  readonly viewers: number;
}

export type Phase = 'begin' | 'progress' | 'lock' | 'end';

export interface HypeTrainContribution {
  readonly user: EventUser;
  /** `bits`, `subscription` or `other`. */
  readonly type: string;
  readonly total: number;
}

export interface HypeTrainEvent extends EventBase {
  readonly kind: 'hype-train';
  readonly phase: 'begin' | 'progress' | 'end';
  readonly trainId: string;
  /** `regular`, `treasure`, `golden_kappa`. */
  readonly trainType: string;
  readonly level: number;
  readonly total: number;
  /** Points in the current level and needed for the next; 0 at the end. */
  readonly progress: number;
  readonly goal: number;
  readonly topContributions: readonly HypeTrainContribution[];
  /** Epoch ms; null at the end. */
  readonly expiresAt: number | null;
}

export interface PollChoice {
  readonly id: string;
  readonly title: string;
  readonly votes: number;
}

export interface PollEvent extends EventBase {
  readonly kind: 'poll';
  readonly phase: 'begin' | 'progress' | 'end';
  readonly pollId: string;
  readonly title: string;
  readonly choices: readonly PollChoice[];
  /** At the end: `completed`, `archived` or `terminated`; else ''. */
  readonly status: string;
  /** Epoch ms the poll ends (begin, progress) or ended (end). */
  readonly endsAt: number | null;
}

export interface PredictionOutcome {
  readonly id: string;
  readonly title: string;
  /** `blue` or `pink`. */
  readonly color: string;
  readonly users: number;
  readonly channelPoints: number;
}

export interface PredictionEvent extends EventBase {
  readonly kind: 'prediction';
  readonly phase: Phase;
  readonly predictionId: string;
  readonly title: string;
  readonly outcomes: readonly PredictionOutcome[];
  /** At the end, when resolved; else null. */
  readonly winningOutcomeId: string | null;
  /** At the end: `resolved` or `canceled`; else ''. */
  readonly status: string;
  /** Epoch ms it locks (begin, progress); null after. */
  readonly locksAt: number | null;
}

export interface GoalEvent extends EventBase {
  readonly kind: 'goal';
  readonly phase: 'begin' | 'progress' | 'end';
  readonly goalId: string;
  /** `follow`, `subscription`, `subscription_count`, `new_subscription`, … as Twitch names it. */
  readonly goalType: string;
  readonly description: string;
  readonly current: number;
  readonly target: number;
  /** At the end; false before. */
  readonly achieved: boolean;
}

export interface CharityEvent extends EventBase {
  readonly kind: 'charity';
  readonly user: EventUser;
  readonly charityName: string;
  /** In the currency's major unit (15.5 for 15.50 USD). */
  readonly amount: number;
  /** ISO 4217, e.g. `USD`. */
  readonly currency: string;
}

export interface RedemptionEvent extends EventBase {
  readonly kind: 'redemption';
  readonly redemption: Redemption;
  /** Twitch's own rewards (Power-ups paid with points, highlight, emote unlocks), not custom ones. */
  readonly automatic: boolean;
  /** The viewer's input with emotes, when Twitch segmented it (automatic rewards). */
  readonly message: ViewerMessage;
}

/** The broadcaster went live (`stream.online`). */
export interface StreamOnlineEvent extends EventBase {
  readonly kind: 'stream-online';
  /** Epoch ms the stream started (Twitch's `started_at`): where "this stream" begins. */
  readonly startedAt: number;
  /** `live`, or `playlist`, `watch_party`, `premiere`, `rerun` as Twitch names them. */
  readonly streamType: string;
}

/** The broadcaster's stream ended (`stream.offline`). */
export interface StreamOfflineEvent extends EventBase {
  readonly kind: 'stream-offline';
}

/** What an alert box can show: every kind but the stream's start and end. */
export type AlertEvent =
  | FollowEvent
  | SubEvent
  | ResubEvent
  | GiftEvent
  | CheerEvent
  | RaidEvent
  | ShoutoutEvent
  | HypeTrainEvent
  | PollEvent
  | PredictionEvent
  | GoalEvent
  | CharityEvent
  | RedemptionEvent;

export type StreamEvent = AlertEvent | StreamOnlineEvent | StreamOfflineEvent;

export type EventOfKind<K extends EventKind> = Extract<StreamEvent, { kind: K }>;

/** A custom-reward redemption that came without EventSub's envelope (PubSub), as a stream event. */
export function redemptionEvent(redemption: Redemption): RedemptionEvent {
  return { kind: 'redemption', id: redemption.id, at: redemption.eventTime, redemption, automatic: false, message: EMPTY_MESSAGE };
}

/** Whether an alert box can show `event`: not the stream's start or end. */
export function isAlertEvent(event: StreamEvent): event is AlertEvent {
  return event.kind !== 'stream-online' && event.kind !== 'stream-offline';
}

export function isEventKind(value: string): value is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(value);
}
