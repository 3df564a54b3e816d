import type { EmotePart, MessagePart } from '../../src/domain/message-parts.js';

export interface PositionedEmote {
  readonly id: string;
  readonly code: string;
  /** Code-point offsets, end exclusive. */
  readonly start: number;
  readonly end: number;
}

/** Emote parts with their code-point position in the message, recomputed from the parts. */
export function emotePositions(parts: readonly MessagePart[]): PositionedEmote[] {
  const out: PositionedEmote[] = [];
  let offset = 0;
  for (const part of parts) {
    const text = part.type === 'emote' ? part.code : part.text;
    const length = Array.from(text).length;
    if (part.type === 'emote') out.push({ id: part.id, code: part.code, start: offset, end: offset + length });
    offset += length;
  }
  return out;
}

/** Emote codes in reading order, leaving out layered emotes (a base with zero-width overlays). */
export function emoteCodes(parts: readonly MessagePart[]): string[] {
  return parts.filter((p): p is EmotePart => p.type === 'emote' && !p.overlays).map((p) => p.code);
}

/** The text the parts spell out, emotes by their code. */
export function partsText(parts: readonly MessagePart[]): string {
  return parts.map((p) => (p.type === 'emote' ? p.code : p.text)).join('');
}
