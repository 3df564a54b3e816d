import { fetchJson, type FetchJsonOptions } from '../../core/fetch-json.js';
import { FEATURE_ENDPOINTS } from '../feature-endpoints.js';
import { SourceError } from '../../core/errors.js';
import { isUserId } from '../../twitch/login.js';
import type { BadgeImage, BadgeLookup } from './badge-lookup.js';
import { badgeTable, type BadgeTable } from './badge-sets.js';

export interface IvrBadgesOptions extends Omit<FetchJsonOptions, 'postJson'> {
  /** IVR's base URL. Default `https://api.ivr.fi`. */
  readonly endpoint?: string;
}

/**
 * Twitch's chat badges without a token, from IVR's public mirror of them
 * (`/v2/twitch/badges/global` and `/v2/twitch/badges/channel?id=`), which answers with
 * Helix's badge sets as a bare array. Same lookup as HelixBadges: a channel's sets (subscriber
 * and bits badges) override global ones. Global sets load once; each channel on first use.
 */
export class IvrBadges implements BadgeLookup {
  private global: BadgeTable = new Map();
  private globalLoad: Promise<void> | null = null;
  private readonly channels = new Map<string, BadgeTable>();

  constructor(private readonly options: IvrBadgesOptions = {}) {}

  /**
   * Loads the global sets (once) and those of `channelId`. A channel IVR does not know has no
   * channel badges. Rejects with a SourceError when IVR fails; a later call tries again.
   */
  async load(channelId: string): Promise<void> {
    if (!isUserId(channelId)) throw new SourceError('config', `"${channelId}" is not a Twitch user id.`);
    const base = `${this.options.endpoint ?? FEATURE_ENDPOINTS.ivr}/v2/twitch/badges`;
    this.globalLoad ??= fetchJson(`${base}/global`, this.options).then(
      (sets) => void (this.global = badgeTable(sets)),
      (error: unknown) => {
        this.globalLoad = null;
        throw error;
      },
    );
    // Both settle before this returns, so global badges that arrived are usable even when the channel's failed.
    const [global, channel] = await Promise.allSettled([this.globalLoad, fetchJson(`${base}/channel?id=${channelId}`, this.options)]);
    if (channel.status === 'rejected') throw channel.reason;
    if (global.status === 'rejected') throw global.reason;
    this.channels.set(channelId, badgeTable(channel.value));
  }

  find(set: string, version: string, channelId: string): BadgeImage | undefined {
    const key = `${set}/${version}`;
    return this.channels.get(channelId)?.get(key) ?? this.global.get(key);
  }
}
