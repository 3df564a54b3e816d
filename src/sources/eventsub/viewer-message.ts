import { buildParts, twitchEmoteImage, type MessagePart } from '../../domain/message-parts.js';
import type { FragmentWire } from './event-wire.js';
import { EMPTY_MESSAGE, type ViewerMessage } from '../../domain/stream-event.js';

/**
 * The message as shown in an alert: cheermotes are left out (the alert already says how many
 * bits), neighbouring text is joined and runs of spaces left behind collapse to one.
 */
function shown(parts: readonly MessagePart[]): ViewerMessage {
  const out: MessagePart[] = [];
  for (const part of parts) {
    if (part.type === 'cheer') continue;
    const last = out[out.length - 1];
    if (part.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', text: last.text + part.text };
    else out.push(part);
  }
  const tidy = out
    .map((part, i): MessagePart => {
      if (part.type !== 'text') return part;
      let value = part.text.replace(/\s{2,}/g, ' ');
      if (i === 0) value = value.trimStart();
      if (i === out.length - 1) value = value.trimEnd();
      return { type: 'text', text: value };
    })
    .filter((part) => part.type !== 'text' || part.text !== '');
  return { text: tidy.map((p) => (p.type === 'emote' ? p.code : p.text)).join(''), parts: tidy };
}

/**
 * `{text, fragments}` as Twitch segmented it (`channel.bits.use`, automatic rewards): no index
 * arithmetic. Unchecked input: a fragment that is not what FragmentWire says becomes text.
 */
export function fromFragments(message: Readonly<Record<string, unknown>> | null): ViewerMessage {
  if (!message) return EMPTY_MESSAGE;
  if (!Array.isArray(message.fragments)) return typeof message.text === 'string' ? shown([{ type: 'text', text: message.text }]) : EMPTY_MESSAGE;
  const parts: MessagePart[] = [];
  for (const fragment of message.fragments as readonly (FragmentWire | null)[]) {
    const value = typeof fragment?.text === 'string' ? fragment.text : '';
    if (fragment?.type === 'emote' && typeof fragment.emote?.id === 'string') {
      parts.push({ type: 'emote', provider: 'twitch', id: fragment.emote.id, code: value, ...twitchEmoteImage(fragment.emote.id) });
    } else if (fragment?.type === 'cheermote') {
      parts.push({ type: 'cheer', prefix: fragment.cheermote?.prefix ?? '', amount: fragment.cheermote?.bits ?? 0, text: value });
    } else {
      parts.push({ type: 'text', text: value });
    }
  }
  return shown(parts);
}

/**
 * Text with emote ranges (`channel.subscription.message`): `begin`/`end` are inclusive
 * code-point indices as in IRC's `emotes` tag (§1.7). Bad ranges are dropped by buildParts.
 */
export function fromEmoteRanges(value: string, emotes: readonly { begin: number; end: number; id: string }[] | null | undefined): ViewerMessage {
  const ranges = (emotes ?? [])
    .filter((e) => Number.isInteger(e?.begin) && Number.isInteger(e?.end) && typeof e?.id === 'string')
    .map((e) => ({ id: e.id, start: e.begin, end: e.end + 1 }))
    .sort((a, b) => a.start - b.start);
  return shown(buildParts(value, ranges));
}

/** A `channel.cheer` message: plain text in which `Cheer100`-style words are the cheermotes. */
export function fromCheerText(value: string, bits: number): ViewerMessage {
  return shown(buildParts(value, [], { bits }));
}
