import { splitTextParts, type EmotePart, type MessagePart } from '../../domain/message-parts.js';

export type ThirdPartyProvider = '7tv' | 'bttv' | 'ffz';

export interface ThirdPartyEmote {
  readonly provider: ThirdPartyProvider;
  readonly id: string;
  readonly code: string;
  readonly url: string;
  readonly srcset?: string;
  /** Drawn on top of the emote before it (7TV zero-width emotes). */
  readonly zeroWidth?: boolean;
}

/** Later providers win a name clash: 7TV over BTTV over FFZ, the common order in chat clients. */
const PRIORITY: readonly ThirdPartyProvider[] = ['ffz', 'bttv', '7tv'];

type EmoteTable = Map<string, ThirdPartyEmote>;

/**
 * Third-party emotes by name: global sets plus one table per channel id. Providers fill it;
 * the chat element reads it. Channel emotes shadow global ones, and a Shared Chat message
 * uses the emotes of the channel it was sent in.
 */
export class EmoteLookup {
  private readonly global = new Map<ThirdPartyProvider, EmoteTable>();
  private readonly channels = new Map<string, Map<ThirdPartyProvider, EmoteTable>>();
  private readonly merged = new Map<string, EmoteTable>();
  private mergedGlobal: EmoteTable | null = null;

  /** Replaces the global set of one provider. */
  setGlobal(provider: ThirdPartyProvider, emotes: readonly ThirdPartyEmote[]): void {
    this.global.set(provider, new Map(emotes.map((e) => [e.code, e])));
    this.merged.clear();
    this.mergedGlobal = null;
  }

  /** Replaces one provider's emotes for one channel. */
  setChannel(channelId: string, provider: ThirdPartyProvider, emotes: readonly ThirdPartyEmote[]): void {
    const tables = this.channels.get(channelId) ?? new Map<ThirdPartyProvider, EmoteTable>();
    tables.set(provider, new Map(emotes.map((e) => [e.code, e])));
    this.channels.set(channelId, tables);
    this.merged.delete(channelId);
  }

  find(code: string, channelId: string): ThirdPartyEmote | undefined {
    return this.table(channelId).get(code);
  }

  /**
   * Replaces third-party emote names in the text parts with emote parts, and stacks
   * zero-width emotes onto the emote before them.
   */
  expand(parts: readonly MessagePart[], channelId: string): readonly MessagePart[] {
    const table = this.table(channelId);
    if (table.size === 0) return parts;
    const split = splitTextParts(parts, (word) => {
      const emote = table.get(word);
      return emote ? toPart(emote) : null;
    });
    return stackZeroWidth(split, table);
  }

  private table(channelId: string): EmoteTable {
    let table = this.merged.get(channelId);
    if (!table) {
      table = new Map(this.globalTable());
      for (const provider of PRIORITY) for (const [code, emote] of this.channels.get(channelId)?.get(provider) ?? []) table.set(code, emote);
      this.merged.set(channelId, table);
    }
    return table;
  }

  private globalTable(): EmoteTable {
    if (!this.mergedGlobal) {
      this.mergedGlobal = new Map();
      for (const provider of PRIORITY) for (const [code, emote] of this.global.get(provider) ?? []) this.mergedGlobal.set(code, emote);
    }
    return this.mergedGlobal;
  }
}

function toPart(emote: ThirdPartyEmote): EmotePart {
  return { type: 'emote', provider: emote.provider, id: emote.id, code: emote.code, url: emote.url, ...(emote.srcset && { srcset: emote.srcset }) };
}

function stackZeroWidth(parts: readonly MessagePart[], table: EmoteTable): MessagePart[] {
  const out: MessagePart[] = [];
  for (const part of parts) {
    const isOverlay = part.type === 'emote' && part.provider !== 'twitch' && table.get(part.code)?.zeroWidth === true;
    const gap = out[out.length - 1];
    const base = gap?.type === 'text' && gap.text.trim() === '' ? out[out.length - 2] : gap;
    if (isOverlay && base?.type === 'emote') {
      if (base !== gap) out.pop();
      out[out.length - 1] = { ...base, overlays: [...(base.overlays ?? []), part] };
    } else {
      out.push(part);
    }
  }
  return out;
}
