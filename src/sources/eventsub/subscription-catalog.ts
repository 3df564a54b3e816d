import { EVENT_KINDS, type EventKind } from '../../domain/stream-event.js';
import type { EventSubSubscription } from './eventsub-subscription.js';

/** What one subscription type needs and which event kind it feeds (twitch-protocols.md §3.5). */
export interface SubscriptionSpec {
  readonly type: string;
  /** The current version in Twitch's EventSub reference. */
  readonly version: string;
  readonly kind: EventKind;
  /** Any one of these scopes on the user token will do; empty: none needed. */
  readonly scopes: readonly string[];
  /** The condition, for the token's user (who must be the broadcaster, or a moderator where noted). */
  readonly condition: (userId: string) => Readonly<Record<string, string>>;
}

const broadcaster = (userId: string) => ({ broadcaster_user_id: userId });
// Follow v2 and shoutouts name a moderator too; the broadcaster is their own channel's moderator.
const withModerator = (userId: string) => ({ broadcaster_user_id: userId, moderator_user_id: userId });

const SUBS = ['channel:read:subscriptions'];
const HYPE = ['channel:read:hype_train'];
const POLLS = ['channel:read:polls', 'channel:manage:polls'];
const PREDICTIONS = ['channel:read:predictions', 'channel:manage:predictions'];
const GOALS = ['channel:read:goals'];
const REDEMPTIONS = ['channel:read:redemptions', 'channel:manage:redemptions'];

const each = (kind: EventKind, prefix: string, phases: readonly string[], version: string, scopes: readonly string[]): SubscriptionSpec[] =>
  phases.map((phase) => ({ type: `${prefix}.${phase}`, version, kind, scopes, condition: broadcaster }));

/** Every subscription an overlay can make, in the order they are created. */
export const EVENT_SUBSCRIPTIONS: readonly SubscriptionSpec[] = [
  { type: 'channel.follow', version: '2', kind: 'follow', scopes: ['moderator:read:followers'], condition: withModerator },
  { type: 'channel.subscribe', version: '1', kind: 'sub', scopes: SUBS, condition: broadcaster },
  { type: 'channel.subscription.message', version: '1', kind: 'resub', scopes: SUBS, condition: broadcaster },
  { type: 'channel.subscription.gift', version: '1', kind: 'gift', scopes: SUBS, condition: broadcaster },
  { type: 'channel.bits.use', version: '1', kind: 'cheer', scopes: ['bits:read'], condition: broadcaster },
  { type: 'channel.cheer', version: '1', kind: 'cheer', scopes: ['bits:read'], condition: broadcaster },
  { type: 'channel.raid', version: '1', kind: 'raid', scopes: [], condition: (userId) => ({ to_broadcaster_user_id: userId }) },
  { type: 'channel.shoutout.receive', version: '1', kind: 'shoutout', scopes: ['moderator:read:shoutouts', 'moderator:manage:shoutouts'], condition: withModerator },
  ...each('hype-train', 'channel.hype_train', ['begin', 'progress', 'end'], '2', HYPE),
  ...each('poll', 'channel.poll', ['begin', 'progress', 'end'], '1', POLLS),
  ...each('prediction', 'channel.prediction', ['begin', 'progress', 'lock', 'end'], '1', PREDICTIONS),
  ...each('goal', 'channel.goal', ['begin', 'progress', 'end'], '1', GOALS),
  { type: 'channel.charity_campaign.donate', version: '1', kind: 'charity', scopes: ['channel:read:charity'], condition: broadcaster },
  { type: 'channel.channel_points_custom_reward_redemption.add', version: '1', kind: 'redemption', scopes: REDEMPTIONS, condition: broadcaster },
  { type: 'channel.channel_points_automatic_reward_redemption.add', version: '2', kind: 'redemption', scopes: REDEMPTIONS, condition: broadcaster },
  { type: 'stream.online', version: '1', kind: 'stream-online', scopes: [], condition: broadcaster },
  { type: 'stream.offline', version: '1', kind: 'stream-offline', scopes: [], condition: broadcaster },
];

/** §3.4: at most 300 enabled subscriptions on one WebSocket session. */
export const MAX_SUBSCRIPTIONS_PER_SESSION = 300;

/** The first scope of each kind: what "Connect with Twitch" asks for so that every kind can alert. */
export const EVENT_SCOPES: readonly string[] = [...new Set(EVENT_SUBSCRIPTIONS.flatMap((s) => s.scopes.slice(0, 1)))];

/** Whether some subscription of `kind` needs a scope (a raid needs none). */
export const needsScope = (kind: EventKind): boolean => EVENT_SUBSCRIPTIONS.some((s) => s.kind === kind && s.scopes.length > 0);

/** A kind the token cannot receive, and the scope(s) that would turn it on. */
export interface KindOff {
  readonly kind: EventKind;
  /** Any one of these. */
  readonly scopes: readonly string[];
}

export interface SubscriptionPlan {
  readonly subscriptions: readonly EventSubSubscription[];
  readonly off: readonly KindOff[];
}

export interface PlanOptions {
  /** The token's user: the broadcaster whose events are wanted. */
  readonly userId: string;
  /** The token's scopes, from /oauth2/validate. */
  readonly scopes: readonly string[];
  /** Kinds wanted; the others are not subscribed at all. */
  readonly kinds: readonly EventKind[];
}

const granted = (spec: SubscriptionSpec, scopes: readonly string[]) => spec.scopes.length === 0 || spec.scopes.some((scope) => scopes.includes(scope));

/**
 * The wanted kinds a token with `scopes` cannot receive, each with the scopes that would turn
 * it on: for `?debug` and for a setup page that checks a token before the overlay runs.
 */
export function kindsOff(scopes: readonly string[], kinds: readonly EventKind[] = EVENT_KINDS): KindOff[] {
  const off = new Map<EventKind, KindOff>();
  for (const spec of EVENT_SUBSCRIPTIONS) {
    if (kinds.includes(spec.kind) && !granted(spec, scopes) && !off.has(spec.kind)) off.set(spec.kind, { kind: spec.kind, scopes: spec.scopes });
  }
  return [...off.values()];
}

/** The subscriptions for the wanted kinds that the token's scopes allow, and the kinds left off. */
export function planSubscriptions(options: PlanOptions): SubscriptionPlan {
  const allowed = EVENT_SUBSCRIPTIONS.filter((spec) => options.kinds.includes(spec.kind) && granted(spec, options.scopes)).slice(0, MAX_SUBSCRIPTIONS_PER_SESSION);
  return {
    subscriptions: allowed.map((spec) => ({ type: spec.type, version: spec.version, condition: spec.condition(options.userId) })),
    off: kindsOff(options.scopes, options.kinds),
  };
}

/** One line for `?debug` and the setup page: which kinds are off for want of which scope. */
export function describeOff(off: readonly KindOff[]): string {
  return off.map((o) => `${o.kind} (needs ${o.scopes.join(' or ')})`).join(', ');
}
