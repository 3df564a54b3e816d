import type { ChatLookup, LookupNote } from '../chat-lookup.js';
import { EmoteLookup } from './emote-lookup.js';
import { loadThirdPartyEmotes, type LoadEmotesOptions } from './emote-providers.js';

/**
 * The 7TV, BTTV and FFZ emotes of every channel seen, in one table that chat sources split
 * lines with. Each channel's load brings the global sets again with its own.
 */
export class ThirdPartyEmotes implements ChatLookup {
  readonly table = new EmoteLookup();

  constructor(private readonly options: Omit<LoadEmotesOptions, 'channelId'>) {}

  async loadChannel(channelId: string): Promise<LookupNote[]> {
    const results = await loadThirdPartyEmotes(this.table, { ...this.options, channelId });
    return results.map((r) => (r.ok ? `${r.provider}: ${r.count} emotes` : `${r.provider}: unavailable (${r.error})`));
  }
}
