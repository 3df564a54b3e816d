import type { Redemption } from '../../domain/redemption.js';
import type { CustomRedemptionWire, SubscriptionMessageWire } from './event-wire.js';
import { array, count, flag, object, optionalCount, optionalText, optionalTime, PayloadError, text, time, type Json } from './payload-fields.js';
import { fromCheerText, fromEmoteRanges, fromFragments } from './viewer-message.js';
import { EMPTY_MESSAGE, type EventUser, type HypeTrainContribution, type Phase, type StreamEvent, type SubTier } from '../../domain/stream-event.js';

/** What the normaliser needs of a notification (EventSubSource's `notification` detail has it). */
export interface NotificationInput {
  readonly type: string;
  readonly version: string;
  readonly messageId: string;
  /** Epoch ms of `message_timestamp`. */
  readonly timestamp: number;
  readonly event: Readonly<Record<string, unknown>>;
}

export type Normalized = { readonly event: StreamEvent } | { readonly skipped: string };

interface Base {
  readonly id: string;
  readonly at: number;
}

type Normalizer = (event: Json, base: Base) => StreamEvent;

// Plausibility bounds: beyond these a payload is broken or hostile, not a big night.
const MAX_BITS = 10_000_000;
const MAX_VIEWERS = 10_000_000;
const MAX_MONTHS = 1200;
const MAX_GIFTS = 100_000;
const MAX_POINTS = 2_000_000_000;

function user(event: Json, prefix = ''): EventUser {
  const login = text(event, `${prefix}user_login`);
  return { id: text(event, `${prefix}user_id`), login, name: optionalText(event, `${prefix}user_name`) || login };
}

/** The user, or null when the event says it was anonymous (or carries no user at all). */
function maybeUser(event: Json): EventUser | null {
  if (flag(event, 'is_anonymous') || event.user_id === null || event.user_id === undefined) return null;
  return user(event);
}

function tier(event: Json): SubTier {
  const value = event.tier;
  if (value === '1000') return 1;
  if (value === '2000') return 2;
  if (value === '3000') return 3;
  throw new PayloadError(`tier "${String(value)}" is not 1000, 2000 or 3000`);
}

function phaseOf(type: string): Phase {
  const last = type.slice(type.lastIndexOf('.') + 1);
  if (last === 'begin' || last === 'progress' || last === 'lock' || last === 'end') return last;
  throw new PayloadError(`no phase in ${type}`);
}

function contributions(value: unknown): HypeTrainContribution[] {
  if (value === null || value === undefined) return [];
  return array(value, 'top_contributions').map((item, i) => {
    const entry = object(item, `top_contributions[${i}]`);
    return { user: user(entry), type: text(entry, 'type'), total: count(entry, 'total', 0, MAX_POINTS) };
  });
}

/** The custom-reward payload checked field by field, then mapped. */
function redemption(event: Json, at: number): Redemption {
  const reward = object(event.reward, 'reward');
  text(event, 'id');
  user(event);
  text(reward, 'id');
  text(reward, 'title', true);
  count(reward, 'cost', 0, MAX_POINTS);
  const wire = event as unknown as CustomRedemptionWire;
  return {
    id: wire.id,
    userId: wire.user_id,
    userLogin: wire.user_login,
    userName: wire.user_name || wire.user_login,
    rewardId: wire.reward.id,
    rewardTitle: wire.reward.title,
    rewardPrompt: wire.reward.prompt ?? '',
    rewardCost: wire.reward.cost,
    userInput: wire.user_input ?? '',
    status: (wire.status ?? 'unknown').toLowerCase(),
    redeemedAt: Date.parse(wire.redeemed_at),
    eventTime: at,
    image: null,
    backgroundColor: null,
    cooldownSeconds: null,
  };
}

/** Twitch's own rewards have no title in the event; these are the names its UI shows. */
const AUTOMATIC_REWARD_TITLES: Readonly<Record<string, string>> = {
  single_message_bypass_sub_mode: 'Send a Message in Sub-Only Mode',
  send_highlighted_message: 'Highlight My Message',
  random_sub_emote_unlock: 'Unlock a Random Sub Emote',
  chosen_sub_emote_unlock: 'Choose an Emote to Unlock',
  chosen_modified_sub_emote_unlock: 'Modify a Single Emote',
  message_effect: 'Message Effects',
  gigantify_an_emote: 'Gigantify an Emote',
  celebration: 'On-Screen Celebration',
};

const hypeTrain = (type: string): Normalizer => (e, base) => {
  const phase = phaseOf(type);
  if (phase === 'lock') throw new PayloadError('hype trains do not lock');
  return {
    kind: 'hype-train',
    ...base,
    phase,
    trainId: text(e, 'id'),
    trainType: optionalText(e, 'type') || 'regular',
    level: count(e, 'level', 1, 1000),
    total: count(e, 'total', 0, MAX_POINTS),
    progress: phase === 'end' ? 0 : count(e, 'progress', 0, MAX_POINTS),
    goal: phase === 'end' ? 0 : count(e, 'goal', 0, MAX_POINTS),
    topContributions: contributions(e.top_contributions),
    expiresAt: phase === 'end' ? null : time(e, 'expires_at'),
  };
};

const poll = (type: string): Normalizer => (e, base) => {
  const phase = phaseOf(type);
  if (phase === 'lock') throw new PayloadError('polls do not lock');
  return {
    kind: 'poll',
    ...base,
    phase,
    pollId: text(e, 'id'),
    title: text(e, 'title', true),
    choices: array(e.choices, 'choices').map((item, i) => {
      const choice = object(item, `choices[${i}]`);
      return { id: text(choice, 'id'), title: text(choice, 'title', true), votes: optionalCount(choice, 'votes', 0, MAX_POINTS) ?? 0 };
    }),
    status: phase === 'end' ? text(e, 'status') : '',
    endsAt: optionalTime(e, phase === 'end' ? 'ended_at' : 'ends_at'),
  };
};

const prediction = (type: string): Normalizer => (e, base) => {
  const phase = phaseOf(type);
  return {
    kind: 'prediction',
    ...base,
    phase,
    predictionId: text(e, 'id'),
    title: text(e, 'title', true),
    outcomes: array(e.outcomes, 'outcomes').map((item, i) => {
      const outcome = object(item, `outcomes[${i}]`);
      return {
        id: text(outcome, 'id'),
        title: text(outcome, 'title', true),
        color: optionalText(outcome, 'color') || 'blue',
        users: optionalCount(outcome, 'users', 0, MAX_POINTS) ?? 0,
        channelPoints: optionalCount(outcome, 'channel_points', 0, Number.MAX_SAFE_INTEGER) ?? 0,
      };
    }),
    winningOutcomeId: typeof e.winning_outcome_id === 'string' ? e.winning_outcome_id : null,
    status: phase === 'end' ? text(e, 'status') : '',
    locksAt: phase === 'begin' || phase === 'progress' ? optionalTime(e, 'locks_at') : null,
  };
};

const goal = (type: string): Normalizer => (e, base) => {
  const phase = phaseOf(type);
  if (phase === 'lock') throw new PayloadError('goals do not lock');
  return {
    kind: 'goal',
    ...base,
    phase,
    goalId: text(e, 'id'),
    goalType: text(e, 'type'),
    description: text(e, 'description', true),
    current: count(e, 'current_amount', 0, MAX_POINTS),
    target: count(e, 'target_amount', 1, MAX_POINTS),
    achieved: phase === 'end' && flag(e, 'is_achieved'),
  };
};

/** Keyed `type@version`: a version Twitch may add later is skipped, not misread. */
const NORMALIZERS: Readonly<Record<string, Normalizer>> = {
  'channel.follow@2': (e, base) => ({ kind: 'follow', ...base, user: user(e), count: 1 }),
  'channel.subscribe@1': (e, base) => ({ kind: 'sub', ...base, user: user(e), tier: tier(e), isGift: flag(e, 'is_gift') }),
  'channel.subscription.message@1': (e, base) => {
    const message = object(e.message, 'message');
    return {
      kind: 'resub',
      ...base,
      user: user(e),
      tier: tier(e),
      months: count(e, 'cumulative_months', 1, MAX_MONTHS),
      streakMonths: optionalCount(e, 'streak_months', 0, MAX_MONTHS),
      durationMonths: optionalCount(e, 'duration_months', 0, MAX_MONTHS) ?? 1,
      message: fromEmoteRanges(text(message, 'text', true), message.emotes as SubscriptionMessageWire['message']['emotes']),
    };
  },
  'channel.subscription.gift@1': (e, base) => ({
    kind: 'gift',
    ...base,
    user: maybeUser(e),
    total: count(e, 'total', 1, MAX_GIFTS),
    tier: tier(e),
    cumulativeTotal: optionalCount(e, 'cumulative_total', 0, 10_000_000),
  }),
  'channel.cheer@1': (e, base) => {
    const bits = count(e, 'bits', 1, MAX_BITS);
    return { kind: 'cheer', ...base, user: maybeUser(e), bits, via: 'cheer', powerUp: '', message: fromCheerText(optionalText(e, 'message'), bits) };
  },
  'channel.bits.use@1': (e, base) => {
    const powerUp = e.power_up === null || e.power_up === undefined ? null : object(e.power_up, 'power_up');
    const message = e.message === null || e.message === undefined ? null : object(e.message, 'message');
    return { kind: 'cheer', ...base, user: user(e), bits: count(e, 'bits', 1, MAX_BITS), via: text(e, 'type'), powerUp: powerUp ? optionalText(powerUp, 'type') : '', message: fromFragments(message) };
  },
  'channel.raid@1': (e, base) => ({ kind: 'raid', ...base, user: user(e, 'from_broadcaster_'), viewers: count(e, 'viewers', 0, MAX_VIEWERS) }),
  'channel.shoutout.receive@1': (e, base) => ({ kind: 'shoutout', ...base, user: user(e, 'from_broadcaster_'), viewers: count(e, 'viewer_count', 0, MAX_VIEWERS) }),
  'channel.hype_train.begin@2': hypeTrain('begin'),
  'channel.hype_train.progress@2': hypeTrain('progress'),
  'channel.hype_train.end@2': hypeTrain('end'),
  'channel.poll.begin@1': poll('begin'),
  'channel.poll.progress@1': poll('progress'),
  'channel.poll.end@1': poll('end'),
  'channel.prediction.begin@1': prediction('begin'),
  'channel.prediction.progress@1': prediction('progress'),
  'channel.prediction.lock@1': prediction('lock'),
  'channel.prediction.end@1': prediction('end'),
  'channel.goal.begin@1': goal('begin'),
  'channel.goal.progress@1': goal('progress'),
  'channel.goal.end@1': goal('end'),
  'channel.charity_campaign.donate@1': (e, base) => {
    const amount = object(e.amount, 'amount');
    const places = count(amount, 'decimal_places', 0, 4);
    const currency = text(amount, 'currency');
    // Intl.NumberFormat throws on anything but an ISO 4217 code.
    if (!/^[A-Z]{3}$/.test(currency)) throw new PayloadError(`currency "${currency}" is not an ISO 4217 code`);
    return {
      kind: 'charity',
      ...base,
      user: user(e),
      charityName: text(e, 'charity_name', true),
      amount: count(amount, 'value', 1, 1e10) / 10 ** places,
      currency,
    };
  },
  'channel.channel_points_custom_reward_redemption.add@1': (e, base) => ({ kind: 'redemption', ...base, redemption: redemption(e, base.at), automatic: false, message: EMPTY_MESSAGE }),
  'channel.channel_points_automatic_reward_redemption.add@2': (e, base) => {
    const reward = object(e.reward, 'reward');
    const type = text(reward, 'type');
    const viewer = user(e);
    const message = e.message === null || e.message === undefined ? EMPTY_MESSAGE : fromFragments(object(e.message, 'message'));
    return {
      kind: 'redemption',
      ...base,
      automatic: true,
      message,
      redemption: {
        id: text(e, 'id'),
        userId: viewer.id,
        userLogin: viewer.login,
        userName: viewer.name,
        rewardId: type,
        rewardTitle: AUTOMATIC_REWARD_TITLES[type] ?? type.replace(/_/g, ' '),
        rewardPrompt: '',
        rewardCost: count(reward, 'channel_points', 0, MAX_POINTS),
        userInput: message.text,
        status: 'fulfilled',
        redeemedAt: time(e, 'redeemed_at'),
        eventTime: base.at,
        image: null,
        backgroundColor: null,
        cooldownSeconds: null,
      },
    };
  },
  // The broadcaster's own channel: only its id is checked, the event carries no viewer.
  'stream.online@1': (e, base) => {
    text(e, 'broadcaster_user_id');
    return { kind: 'stream-online', ...base, startedAt: time(e, 'started_at'), streamType: optionalText(e, 'type') || 'live' };
  },
  'stream.offline@1': (e, base) => {
    text(e, 'broadcaster_user_id');
    return { kind: 'stream-offline', ...base };
  },
};

/** The `type@version` pairs this module reads. */
export const NORMALIZED_TYPES: readonly string[] = Object.keys(NORMALIZERS);

/**
 * One notification → one domain event, or the reason it was skipped (an unknown type or
 * version, a missing field, a number no real event has). Never throws.
 */
export function normalizeNotification(n: NotificationInput): Normalized {
  const normalizer = NORMALIZERS[`${n.type}@${n.version}`];
  if (!normalizer) return { skipped: `no reader for ${n.type} version ${n.version}` };
  try {
    return { event: normalizer(object(n.event, 'event'), { id: n.messageId, at: n.timestamp }) };
  } catch (error) {
    if (error instanceof PayloadError) return { skipped: `${n.type}: ${error.message}` };
    return { skipped: `${n.type}: ${error instanceof Error ? error.message : String(error)}` };
  }
}
