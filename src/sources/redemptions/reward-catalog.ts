import { getCustomRewards, type CustomReward } from '../../twitch/helix-api.js';
import type { HelixClient } from '../../twitch/helix-client.js';
import { createLogger } from '../../core/logger.js';

const log = createLogger('rewards');

/**
 * The broadcaster's custom rewards, loaded once and again when a redemption names a reward
 * not seen yet (created mid-stream), at most once a minute. Failures leave alerts without
 * images rather than without alerts.
 */
export class RewardCatalog {
  private rewards = new Map<string, CustomReward>();
  private loading: Promise<void> | null = null;
  private loadedAt = 0;

  constructor(
    private readonly helix: HelixClient,
    private readonly broadcasterId: string,
  ) {}

  /** The reward, loading the catalog first if needed. */
  async find(rewardId: string): Promise<CustomReward | undefined> {
    if (!this.rewards.has(rewardId) && Date.now() - this.loadedAt > 60_000) await this.load();
    return this.rewards.get(rewardId);
  }

  load(): Promise<void> {
    this.loading ??= getCustomRewards(this.helix, this.broadcasterId)
      .then((list) => {
        this.rewards = new Map(list.map((r) => [r.id, r]));
      })
      .catch((error: unknown) => log.warn('custom rewards unavailable; alerts go on without images:', error))
      .finally(() => {
        this.loadedAt = Date.now();
        this.loading = null;
      });
    return this.loading;
  }
}
