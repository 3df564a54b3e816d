import type { CustomReward } from '../twitch/helix-api.js';
import type { RewardImage } from '../twitch/reward-image.js';

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
