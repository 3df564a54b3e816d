/**
 * A viewer's message as parts: text, emotes and cheers, never HTML. Chat lines and the messages
 * of stream events (resubs, cheers, automatic rewards) are both split into these, by the same
 * builders.
 */

export interface TextPart {
  readonly type: 'text';
  readonly text: string;
}

export interface EmotePart {
  readonly type: 'emote';
  /** `twitch` for emotes from the IRC `emotes` tag; otherwise the third-party provider. */
  readonly provider: 'twitch' | '7tv' | 'bttv' | 'ffz';
  readonly id: string;
  /** What the viewer typed, e.g. `Kappa`; becomes the image's `alt`. */
  readonly code: string;
  readonly url: string;
  readonly srcset?: string;
  /** Zero-width emotes (7TV) drawn on top of this one. */
  readonly overlays?: readonly EmotePart[];
}

export interface CheerPart {
  readonly type: 'cheer';
  readonly prefix: string;
  readonly amount: number;
  readonly text: string;
}

export type MessagePart = TextPart | EmotePart | CheerPart;

/** One emote occurrence in a text (IRC's `emotes` tag, EventSub's emote ranges), in Unicode code points, end exclusive. */
export interface EmoteRange {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** Twitch's emote CDN (§1.7). `theme` picks the variant drawn for dark or light chat. */
export function twitchEmoteImage(id: string, theme: 'dark' | 'light' = 'dark'): Pick<EmotePart, 'url' | 'srcset'> {
  const base = `https://static-cdn.jtvnw.net/emoticons/v2/${encodeURIComponent(id)}/default/${theme}`;
  return { url: `${base}/1.0`, srcset: `${base}/1.0 1x, ${base}/2.0 2x, ${base}/3.0 4x` };
}

/**
 * Cheermote prefixes Twitch has offered globally. A word like `Cheer100` in a message with
 * bits is a cheer; when the amounts of all candidate words add up to the `bits` tag, each is
 * a cheer whatever its prefix (channel cheermotes), else only these prefixes count.
 */
const GLOBAL_CHEER_PREFIXES = new Set(
  [
    'cheer', 'doodlecheer', 'biblethump', 'cheerwhal', 'corgo', 'uni', 'showlove', 'party', 'seemsgood', 'pride',
    'kappa', 'frankerz', 'heyguys', 'dansgame', 'elegiggle', 'trihard', 'kreygasm', '4head', 'swiftrage',
    'notlikethis', 'failfish', 'vohiyo', 'pjsalt', 'mrdestructoid', 'bday', 'ripcheer', 'shamrock', 'bitboss',
    'streamlabs', 'muxy', 'holidaycheer', 'goal', 'anon', 'charity',
  ],
);

const CHEER_WORD = /^([A-Za-z]+)(\d+)$/;

function cheerParts(parts: MessagePart[], bits: number): MessagePart[] {
  const candidates: { prefix: string; amount: number }[] = [];
  for (const part of parts) {
    if (part.type !== 'text') continue;
    for (const word of part.text.split(/\s+/)) {
      const match = CHEER_WORD.exec(word);
      if (match && Number(match[2]) > 0) candidates.push({ prefix: match[1]!, amount: Number(match[2]) });
    }
  }
  const total = candidates.reduce((sum, c) => sum + c.amount, 0);
  const acceptAny = total === bits;
  const isCheer = (word: string): CheerPart | null => {
    const match = CHEER_WORD.exec(word);
    if (!match) return null;
    const amount = Number(match[2]);
    if (amount <= 0 || (!acceptAny && !GLOBAL_CHEER_PREFIXES.has(match[1]!.toLowerCase()))) return null;
    return { type: 'cheer', prefix: match[1]!, amount, text: word };
  };
  return splitTextParts(parts, isCheer);
}

/**
 * Replaces whole words inside text parts with the part `match` returns for them.
 * Used for cheers here and for third-party emotes by the emote providers.
 */
export function splitTextParts(parts: readonly MessagePart[], match: (word: string) => MessagePart | null): MessagePart[] {
  const out: MessagePart[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = out[out.length - 1];
    if (last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + text };
    else out.push({ type: 'text', text });
  };
  for (const part of parts) {
    if (part.type !== 'text') {
      out.push(part);
      continue;
    }
    for (const token of part.text.split(/(\s+)/)) {
      const replacement = token !== '' && !/^\s/.test(token) ? match(token) : null;
      if (replacement) out.push(replacement);
      else pushText(token);
    }
  }
  return out;
}

export interface PartsOptions {
  readonly bits?: number;
  readonly theme?: 'dark' | 'light';
}

/**
 * Splits message text into text, Twitch emote and cheer parts. Indices are Unicode code
 * points, so the text is sliced as `Array.from(text)`, never with `String#slice` (§1.7).
 * Out-of-range ends are clamped; ranges that end up empty or overlap an earlier one are dropped.
 */
export function buildParts(text: string, ranges: readonly EmoteRange[], options: PartsOptions = {}): MessagePart[] {
  const chars = Array.from(text);
  const parts: MessagePart[] = [];
  let cursor = 0;
  for (const range of ranges) {
    const start = Math.max(range.start, cursor);
    const end = Math.min(range.end, chars.length);
    if (start !== range.start || start >= end) continue;
    if (start > cursor) parts.push({ type: 'text', text: chars.slice(cursor, start).join('') });
    const code = chars.slice(start, end).join('');
    parts.push({ type: 'emote', provider: 'twitch', id: range.id, code, ...twitchEmoteImage(range.id, options.theme) });
    cursor = end;
  }
  if (cursor < chars.length) parts.push({ type: 'text', text: chars.slice(cursor).join('') });
  return options.bits && options.bits > 0 ? cheerParts(parts, options.bits) : parts;
}
