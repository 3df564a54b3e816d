import type { ChatMessage } from '../../sources/tmi/chat-events.js';
import type { MessagePart } from '../../domain/message-parts.js';

/**
 * Twitch prefixes a reply's text with "@parent ". The chat line shows the parent above the
 * reply, so the mention is dropped from the displayed parts (as Twitch's own chat does).
 * Matches the parent's login or display name, case-insensitively, with any run of spaces.
 */
export function withoutReplyMention(message: ChatMessage): readonly MessagePart[] {
  const [first, ...rest] = message.parts;
  if (!message.reply || first?.type !== 'text') return message.parts;
  const match = /^@(\S+)\s+/.exec(first.text);
  if (!match) return message.parts;
  const name = match[1]!.toLowerCase();
  const parent = message.reply.user;
  if (name !== parent.login.toLowerCase() && name !== parent.displayName.toLowerCase()) return message.parts;
  const remainder = first.text.slice(match[0].length);
  return remainder ? [{ type: 'text', text: remainder }, ...rest] : rest;
}
