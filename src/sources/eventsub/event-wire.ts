/**
 * The `event` objects of the EventSub notifications the alert box subscribes to, as Twitch's
 * EventSub reference shows them (twitch-protocols.md §3.5), snake_case. Nothing past the
 * normaliser (normalize.ts) sees these. Fields Twitch documents as nullable are
 * typed so; the normaliser still checks every field, because a payload is untrusted input.
 */

interface BroadcasterWire {
  broadcaster_user_id: string;
  broadcaster_user_login: string;
  broadcaster_user_name: string;
}

interface UserWire {
  user_id: string;
  user_login: string;
  user_name: string;
}

/** Same fields as UserWire, null when the viewer stayed anonymous. */
interface MaybeAnonymousUserWire {
  user_id: string | null;
  user_login: string | null;
  user_name: string | null;
}

export type SubTierWire = '1000' | '2000' | '3000';

/** `channel.follow` v2. */
export interface FollowWire extends BroadcasterWire, UserWire {
  followed_at: string;
}

/** `channel.subscribe` v1. One per recipient of a gift too, with `is_gift: true`. */
export interface SubscribeWire extends BroadcasterWire, UserWire {
  tier: SubTierWire;
  is_gift: boolean;
}

/** `channel.subscription.message` v1: a resub shared in chat. Emote ranges as in IRC (§1.7). */
export interface SubscriptionMessageWire extends BroadcasterWire, UserWire {
  tier: SubTierWire;
  message: { text: string; emotes: { begin: number; end: number; id: string }[] | null };
  cumulative_months: number;
  streak_months: number | null;
  duration_months: number;
}

/** `channel.subscription.gift` v1: one per gift, whatever the number of recipients. */
export interface SubscriptionGiftWire extends BroadcasterWire, MaybeAnonymousUserWire {
  total: number;
  tier: SubTierWire;
  cumulative_total: number | null;
  is_anonymous: boolean;
}

/** `channel.cheer` v1. The message holds the cheermotes as words (`Cheer100`). */
export interface CheerWire extends BroadcasterWire, MaybeAnonymousUserWire {
  is_anonymous: boolean;
  message: string;
  bits: number;
}

/** A fragment of a message Twitch has already segmented (chat, bits, automatic rewards). */
export interface FragmentWire {
  type: 'text' | 'emote' | 'cheermote' | 'mention' | string;
  text: string;
  emote?: { id: string; emote_set_id?: string; owner_id?: string; format?: string[] } | null;
  cheermote?: { prefix: string; bits: number; tier: number } | null;
}

/** `channel.bits.use` v1: cheers, Power-ups and combos. */
export interface BitsUseWire extends BroadcasterWire, UserWire {
  bits: number;
  type: 'cheer' | 'power_up' | 'combo' | string;
  message: { text: string; fragments: FragmentWire[] } | null;
  power_up: { type: string; emote: { id: string; name: string } | null; message_effect_id: string | null } | null;
}

/** `channel.raid` v1. */
export interface RaidWire {
  from_broadcaster_user_id: string;
  from_broadcaster_user_login: string;
  from_broadcaster_user_name: string;
  to_broadcaster_user_id: string;
  to_broadcaster_user_login: string;
  to_broadcaster_user_name: string;
  viewers: number;
}

/** `channel.shoutout.receive` v1. */
export interface ShoutoutReceiveWire extends BroadcasterWire {
  from_broadcaster_user_id: string;
  from_broadcaster_user_login: string;
  from_broadcaster_user_name: string;
  viewer_count: number;
  started_at: string;
}

export interface HypeTrainContributionWire extends UserWire {
  type: 'bits' | 'subscription' | 'other' | string;
  total: number;
}

/** `channel.hype_train.begin` / `.progress` / `.end` v2 (end has no progress, goal or expiry). */
export interface HypeTrainWire extends BroadcasterWire {
  id: string;
  type?: 'treasure' | 'golden_kappa' | 'regular' | string;
  level: number;
  total: number;
  progress?: number;
  goal?: number;
  top_contributions: HypeTrainContributionWire[] | null;
  started_at: string;
  expires_at?: string;
  ended_at?: string;
  cooldown_ends_at?: string;
  is_shared_train?: boolean;
}

/** `channel.poll.begin` / `.progress` / `.end` v1. Vote counts are absent on begin. */
export interface PollWire extends BroadcasterWire {
  id: string;
  title: string;
  choices: { id: string; title: string; votes?: number; channel_points_votes?: number; bits_votes?: number }[];
  bits_voting?: { is_enabled: boolean; amount_per_vote: number };
  channel_points_voting?: { is_enabled: boolean; amount_per_vote: number };
  status?: 'completed' | 'archived' | 'terminated' | string;
  started_at: string;
  ends_at?: string;
  ended_at?: string;
}

/** `channel.prediction.begin` / `.progress` / `.lock` / `.end` v1. */
export interface PredictionWire extends BroadcasterWire {
  id: string;
  title: string;
  outcomes: { id: string; title: string; color: 'blue' | 'pink' | string; users?: number; channel_points?: number }[];
  winning_outcome_id?: string | null;
  status?: 'resolved' | 'canceled' | string;
  started_at: string;
  locks_at?: string;
  locked_at?: string;
  ended_at?: string;
}

/** `channel.goal.begin` / `.progress` / `.end` v1. */
export interface GoalWire extends BroadcasterWire {
  id: string;
  type: 'follow' | 'subscription' | 'subscription_count' | 'new_subscription' | 'new_subscription_count' | 'new_bit' | 'new_cheerer' | string;
  description: string;
  current_amount: number;
  target_amount: number;
  started_at: string;
  is_achieved?: boolean;
  ended_at?: string;
}

/** `channel.charity_campaign.donate` v1. `amount.value` is in minor units: 1550 with 2 places is 15.50. */
export interface CharityDonateWire extends BroadcasterWire, UserWire {
  id: string;
  campaign_id: string;
  charity_name: string;
  charity_description: string;
  charity_logo: string;
  charity_website: string;
  amount: { value: number; decimal_places: number; currency: string };
}

/** `channel.channel_points_custom_reward_redemption.add` v1. */
export interface CustomRedemptionWire extends BroadcasterWire, UserWire {
  id: string;
  user_input: string;
  status: string;
  reward: { id: string; title: string; cost: number; prompt: string };
  redeemed_at: string;
}

/** `channel.channel_points_automatic_reward_redemption.add` v2 (Twitch's own rewards). */
export interface AutomaticRedemptionWire extends BroadcasterWire, UserWire {
  id: string;
  reward: { type: string; channel_points: number; emote: { id: string; name: string } | null };
  message: { text: string; fragments: FragmentWire[] } | null;
  redeemed_at: string;
}
