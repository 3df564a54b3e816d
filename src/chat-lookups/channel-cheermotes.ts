import type { CheerPart } from '../domain/message-parts.js';
import type { HelixClient } from '../twitch/helix-client.js';
import type { ChatLookup, LookupNote } from './chat-lookup.js';
import { loadCheermotes, type CheermoteImage, type CheermoteLookup, type CheermoteOptions } from './cheermotes.js';

/**
 * Cheermotes per channel (with a token): each channel cheers with Twitch's global cheermotes and
 * its own, so a Shared Chat line's cheers are drawn with the channel it was sent in.
 */
export class ChannelCheermotes implements ChatLookup {
  private readonly byChannel = new Map<string, CheermoteLookup>();

  constructor(
    private readonly helix: HelixClient,
    private readonly options: CheermoteOptions = {},
  ) {}

  async loadChannel(channelId: string): Promise<LookupNote[]> {
    const { lookup, error } = await loadCheermotes(this.helix, channelId, this.options);
    if (error) return [`cheermotes: unavailable (${error})`];
    this.byChannel.set(channelId, lookup);
    return [`cheermotes: ${lookup.size} loaded`];
  }

  /** The image of a cheer in a line from `channelId`; undefined keeps the cheer text. */
  find(part: CheerPart, channelId: string): CheermoteImage | undefined {
    return this.byChannel.get(channelId)?.find(part.prefix, part.amount);
  }
}
