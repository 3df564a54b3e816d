import type { HelixClient } from '../twitch/helix-client.js';
import type { BadgeImage, BadgeLookup } from './badge-lookup.js';

/** Helix chat badge sets (§4.3 `GET /chat/badges`, `/chat/badges/global`). */
interface HelixBadgeSets {
  data: {
    set_id: string;
    versions: { id: string; image_url_1x: string; image_url_2x: string; image_url_4x: string; title: string }[];
  }[];
}

type BadgeTable = Map<string, BadgeImage>;

function table(response: HelixBadgeSets): BadgeTable {
  const out: BadgeTable = new Map();
  for (const set of response.data ?? []) {
    for (const v of set.versions ?? []) {
      out.set(`${set.set_id}/${v.id}`, { url: v.image_url_1x, srcset: `${v.image_url_1x} 1x, ${v.image_url_2x} 2x, ${v.image_url_4x} 4x`, title: v.title });
    }
  }
  return out;
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
    this.global = table(global);
    this.channels.set(channelId, table(channel));
  }

  find(set: string, version: string, channelId: string): BadgeImage | undefined {
    const key = `${set}/${version}`;
    return this.channels.get(channelId)?.get(key) ?? this.global.get(key);
  }
}
