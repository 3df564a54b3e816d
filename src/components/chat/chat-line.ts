import type { BadgeRef, ChatMessage, ChatNotice, ChatUser } from '../../sources/tmi/chat-events.js';
import type { CheerPart, EmotePart, MessagePart } from '../../domain/message-parts.js';
import type { BadgeLookup } from '../../chat-lookups/badges/badge-lookup.js';
import type { ChatDecorations } from './chat-decorations.js';
import { defaultNameColor, readableColor } from './name-color.js';
import { noticeText } from './notice-text.js';
import { withoutReplyMention } from './reply-mention.js';
import { pickSource, type ImageTemplates } from './image-templates.js';

/** What a line needs besides its event. */
export interface LineContext {
  readonly badges?: BadgeLookup;
  /** The overlay's channel id, for lines that arrived without one. */
  readonly channelId: string;
  /** Name colours are made readable against this colour. */
  readonly contrastBackground: string;
  /** Emote and badge images are copies of one template per image. */
  readonly images: ImageTemplates;
  /** Emotes drawn per line at most; 0 for no cap. Emotes past the cap are left out. */
  readonly maxEmotes: number;
  /** Emote-only messages are marked `emote-only` (drawn large by the styles). */
  readonly bigEmotes: boolean;
  /** Several channels in one list: each line starts with the channel it was read in. */
  readonly markChannel: boolean;
  /** Lines from another channel of a Shared Chat session carry a marker of that channel. */
  readonly markShared: boolean;
  /** Third-party badges, name paints, pronouns, cheermotes (optional services). */
  readonly decorations?: ChatDecorations;
}

/*
 * Lines are built with DOM calls rather than Lit templates: a line never changes once drawn,
 * so templating buys nothing, and this is the hot path (the benchmark measures it). Every
 * value goes in as a text node or through a property: chat text and names are never HTML.
 */

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, part?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (part) node.setAttribute('part', part);
  return node;
}

// An image's URL names its srcset too, so class, code and URL name every attribute of the template.
function image(part: EmotePart, className: string, ctx: LineContext): HTMLImageElement {
  return ctx.images.clone(`${className}\n${part.code}\n${part.url}`, () => {
    const img = el('img', className, 'emote');
    img.alt = part.code;
    img.title = part.code;
    img.src = pickSource(part.srcset, part.url);
    return img;
  });
}

function emote(part: EmotePart, ctx: LineContext): HTMLElement {
  if (!part.overlays) return image(part, 'emote', ctx);
  const stack = el('span', 'emote-stack');
  stack.append(image(part, 'emote', ctx), ...part.overlays.map((o) => image(o, 'emote overlay', ctx)));
  return stack;
}

function message(parts: readonly MessagePart[], color: string | null, ctx: LineContext, channelId: string): HTMLElement {
  const span = el('span', 'message', 'message');
  span.dir = 'auto';
  if (color) span.style.color = color;
  let emotes = 0;
  for (const part of parts) {
    if (part.type === 'text') span.append(part.text);
    else if (part.type === 'emote') {
      emotes += 1;
      if (ctx.maxEmotes === 0 || emotes <= ctx.maxEmotes) span.append(emote(part, ctx));
    } else span.append(cheer(part, ctx, channelId));
  }
  return span;
}

/** `Cheer100`: as the cheermote's image when the decorations have it, else as text. */
function cheer(part: CheerPart, ctx: LineContext, channelId: string): HTMLElement {
  const drawn = ctx.decorations?.cheer?.(part, channelId, ctx.images);
  if (drawn) return drawn;
  const box = el('span', 'cheer', 'cheer');
  box.textContent = part.text;
  return box;
}

/** The channel a line was read in, when one list shows several. */
function channelMarker(channel: string): HTMLElement {
  const marker = el('span', 'channel', 'channel');
  marker.textContent = channel;
  return marker;
}

/** The small marker of a Shared Chat line's source channel: its name and avatar when known, else ⇄. */
function sourceMarker(channelId: string, ctx: LineContext): HTMLElement {
  const marker = el('span', 'source', 'source');
  marker.dataset.channelId = channelId;
  if (!ctx.decorations?.source?.(marker, channelId, ctx.images)) {
    marker.textContent = '⇄';
    marker.title = 'Shared Chat';
  }
  return marker;
}

/** Appends badges and the name to `box`; returns the name colour used. */
function appendSender(box: HTMLElement, user: ChatUser, badges: readonly BadgeRef[], ctx: LineContext, channelId: string): string {
  if (ctx.badges) {
    for (const ref of badges) {
      const found = ctx.badges.find(ref.set, ref.version, channelId);
      if (!found) continue;
      box.append(
        ctx.images.clone(`badge\n${ref.set}\n${found.title}\n${found.url}`, () => {
          const img = el('img', 'badge', 'badge');
          img.alt = found.title;
          img.title = found.title;
          img.src = pickSource(found.srcset, found.url);
          img.dataset.badge = ref.set;
          return img;
        }),
      );
    }
  }
  const decorations = ctx.decorations;
  decorations?.badges?.(box, user, ctx.images);
  const color = readableColor(user.color ?? defaultNameColor(user.login), ctx.contrastBackground);
  const name = el('span', 'name', 'name');
  name.style.color = color;
  name.textContent = user.displayName;
  // "테스트계정420 (testaccount_420)" when the display name is not just the login's case.
  if (user.displayName.toLowerCase() !== user.login.toLowerCase()) {
    const login = el('span', 'login', 'login');
    login.textContent = ` (${user.login})`;
    name.append(login);
  }
  decorations?.name?.(name, user);
  box.append(name);
  decorations?.afterName?.(box, user);
  return color;
}

/** The replied-to text is context, not the message: at most this many characters. */
const MAX_REPLY_CHARS = 80;

function trimmed(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text); // code points: never cut a surrogate pair
  return chars.length <= max ? text : `${chars.slice(0, max).join('').trimEnd()}…`;
}

/** True when the message is emotes and spaces only. */
function emoteOnly(parts: readonly MessagePart[]): boolean {
  let any = false;
  for (const part of parts) {
    if (part.type === 'emote') any = true;
    else if (part.type !== 'text' || part.text.trim() !== '') return false;
  }
  return any;
}

/** Fills `line` with a chat message: reply context, badges, name, text. */
export function fillMessageLine(line: HTMLElement, msg: ChatMessage, ctx: LineContext): void {
  // A Shared Chat message uses the emotes and badges of the channel it was sent in.
  const channelId = msg.sourceChannelId ?? (msg.channelId || ctx.channelId);
  if (msg.reply) {
    const reply = el('div', 'reply', 'reply');
    reply.textContent = `↪ ${msg.reply.user.displayName}: ${trimmed(msg.reply.text, MAX_REPLY_CHARS)}`;
    line.append(reply);
  }
  if (ctx.markChannel) line.append(channelMarker(msg.channel));
  if (msg.sourceChannelId && ctx.markShared) line.append(sourceMarker(msg.sourceChannelId, ctx));
  const color = appendSender(line, msg.user, msg.sourceBadges ?? msg.badges, ctx, channelId);
  const body = withoutReplyMention(msg);
  if (ctx.bigEmotes && emoteOnly(body)) {
    line.classList.add('emote-only');
    line.setAttribute('part', `${line.getAttribute('part')} emote-only`);
  }
  line.append(msg.isAction ? ' ' : ': ', message(body, msg.isAction ? color : null, ctx, channelId));
}

/** Fills `line` with a notice: its headline, then the viewer's own message if any. */
export function fillNoticeLine(line: HTMLElement, notice: ChatNotice, ctx: LineContext): void {
  const channelId = notice.sourceChannelId ?? (notice.channelId || ctx.channelId);
  const headline = el('div', 'notice-text', 'notice-text');
  if (ctx.markChannel) headline.append(channelMarker(notice.channel));
  if (notice.sourceChannelId && ctx.markShared) headline.append(sourceMarker(notice.sourceChannelId, ctx));
  headline.append(noticeText(notice));
  line.append(headline);
  if (notice.text && notice.user) {
    const attached = el('div', 'notice-message');
    appendSender(attached, notice.user, notice.badges, ctx, channelId);
    attached.append(': ', message(notice.parts, null, ctx, channelId));
    line.append(attached);
  }
}
