import type { CustomReward } from '../../twitch/helix-api.js';
import type { RewardImage } from '../../twitch/reward-image.js';

/** A channel-point redemption, whichever transport brought it (PyWitch's fields, camelCase). */
export interface Redemption {
  readonly id: string;
  readonly userId: string;
  readonly userLogin: string;
  readonly userName: string;
  readonly rewardId: string;
  readonly rewardTitle: string;
  readonly rewardPrompt: string;
  readonly rewardCost: number;
  /** What the viewer typed; '' when the reward takes no input. */
  readonly userInput: string;
  /** `unfulfilled`, `fulfilled`, `canceled` or `unknown`, lower-case for both transports. */
  readonly status: string;
  /** Epoch ms. */
  readonly redeemedAt: number;
  /** `Date.now()` when it arrived. */
  readonly eventTime: number;
  /** From the reward itself (Helix, or PubSub's payload): null until known. */
  readonly image: RewardImage | null;
  /** A checked `#rrggbb` (it reaches a style), or null. */
  readonly backgroundColor: string | null;
  readonly cooldownSeconds: number | null;
}

/** `channel.channel_points_custom_reward_redemption.add` v1 event (§3.5). */
export interface EventSubRedemptionWire {
  id: string;
  user_id: string;
  user_login: string;
  user_name: string;
  user_input: string;
  status: string;
  reward: { id: string; title: string; cost: number; prompt: string };
  redeemed_at: string;
}

export function fromEventSub(event: EventSubRedemptionWire, now = Date.now()): Redemption {
  return {
    id: event.id,
    userId: event.user_id,
    userLogin: event.user_login,
    userName: event.user_name || event.user_login,
    rewardId: event.reward.id,
    rewardTitle: event.reward.title,
    rewardPrompt: event.reward.prompt ?? '',
    rewardCost: event.reward.cost,
    userInput: event.user_input ?? '',
    status: (event.status ?? 'unknown').toLowerCase(),
    redeemedAt: Date.parse(event.redeemed_at),
    eventTime: now,
    image: null,
    backgroundColor: null,
    cooldownSeconds: null,
  };
}

/** Fills in what the event lacked from the reward, when the reward is known. */
export function withReward(redemption: Redemption, reward: CustomReward | undefined): Redemption {
  if (!reward) return redemption;
  return {
    ...redemption,
    image: redemption.image ?? reward.image,
    backgroundColor: redemption.backgroundColor ?? reward.backgroundColor,
    cooldownSeconds: redemption.cooldownSeconds ?? reward.cooldownSeconds,
  };
}
