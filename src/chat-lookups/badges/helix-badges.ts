import type { HelixClient } from '../../twitch/helix-client.js';
import type { BadgeImage, BadgeLookup } from './badge-lookup.js';
import { badgeTable, type BadgeSetWire, type BadgeTable } from './badge-sets.js';

/** Helix chat badge sets (§4.3 `GET /chat/badges`, `/chat/badges/global`). */
interface HelixBadgeSets {
  data: BadgeSetWire[];
}

/** Global badges plus those of the channels loaded; a channel's own sets override global ones. */
export class HelixBadges implements BadgeLookup {
  private global: BadgeTable = new Map();
  private readonly channels = new Map<string, BadgeTable>();

  constructor(private readonly helix: HelixClient) {}

  /** Loads the global sets and those of `channelId`. Rejects with the SourceError of the failing call. */
  async load(channelId: string): Promise<void> {
    const [global, channel] = await Promise.all([
      this.helix.get<HelixBadgeSets>('/chat/badges/global'),
      this.helix.get<HelixBadgeSets>('/chat/badges', { broadcaster_id: channelId }),
    ]);
    this.global = badgeTable(global.data);
    this.channels.set(channelId, badgeTable(channel.data));
  }

  find(set: string, version: string, channelId: string): BadgeImage | undefined {
    const key = `${set}/${version}`;
    return this.channels.get(channelId)?.get(key) ?? this.global.get(key);
  }
}
