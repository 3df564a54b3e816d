import type { EmoteRange } from '../../domain/message-parts.js';

/**
 * Parses `25:0-4,12-16/1902:6-10`. Both ends in the tag are inclusive code-point indices
 * (§1.7); the result is end-exclusive and sorted. Malformed ranges are skipped, not thrown.
 */
export function parseEmotesTag(tag: string | null | undefined): EmoteRange[] {
  if (!tag) return [];
  const ranges: EmoteRange[] = [];
  for (const group of tag.split('/')) {
    const colon = group.lastIndexOf(':');
    if (colon <= 0) continue;
    const id = group.slice(0, colon);
    for (const span of group.slice(colon + 1).split(',')) {
      const match = /^(\d+)-(\d+)$/.exec(span);
      if (!match) continue;
      const start = Number(match[1]);
      const end = Number(match[2]) + 1;
      if (start < end) ranges.push({ id, start, end });
    }
  }
  return ranges.sort((a, b) => a.start - b.start);
}
