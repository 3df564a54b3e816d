import type { EmoteRange } from '../../domain/message-parts.js';

/**
 * Twitch emote ids are digits (`25`) or `emotesv2_` and hex digits, sometimes with a modifier
 * suffix (`301544927_SG`): letters, digits and underscores only. The id goes into an image URL
 * (§1.7), and a line can come from elsewhere than Twitch (the recent-messages service, a
 * recording): an id like `../../x` or `25?y` would have the page request a URL of its sender's choosing.
 */
const TWITCH_EMOTE_ID = /^\w{1,64}$/;

/**
 * Parses `25:0-4,12-16/1902:6-10`. Both ends in the tag are inclusive code-point indices
 * (§1.7); the result is end-exclusive and sorted. Malformed ranges, and ids no Twitch emote
 * has, are skipped (their text stays text), not thrown.
 */
export function parseEmotesTag(tag: string | null | undefined): EmoteRange[] {
  if (!tag) return [];
  const ranges: EmoteRange[] = [];
  for (const group of tag.split('/')) {
    const colon = group.lastIndexOf(':');
    if (colon <= 0) continue;
    const id = group.slice(0, colon);
    if (!TWITCH_EMOTE_ID.test(id)) continue;
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
