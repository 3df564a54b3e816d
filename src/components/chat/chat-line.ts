import { html, nothing, type TemplateResult } from 'lit';
import type { BadgeRef, ChatMessage, ChatNotice, ChatUser, EmotePart, MessagePart } from '../../sources/tmi/chat-events.js';
import type { EmoteLookup } from '../../emotes/emote-lookup.js';
import type { BadgeLookup } from '../../badges/badge-lookup.js';
import { defaultNameColor, readableColor } from './name-color.js';
import { noticeText } from './notice-text.js';
import { withoutReplyMention } from './reply-mention.js';

/** What a line needs besides its event. */
export interface LineContext {
  readonly emotes?: EmoteLookup;
  readonly badges?: BadgeLookup;
  /** The overlay's channel id, for lines that arrived without one. */
  readonly channelId: string;
  /** Name colours are made readable against this colour. */
  readonly contrastBackground: string;
}

// Every value below is bound as text or as an attribute: chat text and names are never HTML.

function emote(part: EmotePart): TemplateResult {
  const image = (e: EmotePart, layer: string) =>
    html`<img part="emote" class=${layer} src=${e.url} srcset=${e.srcset ?? nothing} alt=${e.code} title=${e.code} loading="eager" decoding="async" />`;
  if (!part.overlays) return image(part, 'emote');
  return html`<span class="emote-stack">${image(part, 'emote')}${part.overlays.map((o) => image(o, 'emote overlay'))}</span>`;
}

function parts(list: readonly MessagePart[]): unknown[] {
  return list.map((part) => {
    switch (part.type) {
      case 'text':
        return part.text;
      case 'emote':
        return emote(part);
      case 'cheer':
        return html`<span part="cheer" class="cheer">${part.text}</span>`;
    }
  });
}

function badgeImages(refs: readonly BadgeRef[], ctx: LineContext, channelId: string): unknown {
  if (!ctx.badges || refs.length === 0) return nothing;
  return refs.map((ref) => {
    const image = ctx.badges!.find(ref.set, ref.version, channelId);
    return image
      ? html`<img part="badge" class="badge" src=${image.url} srcset=${image.srcset} alt=${image.title} title=${image.title} data-badge=${ref.set} />`
      : nothing;
  });
}

function nameColor(user: ChatUser, ctx: LineContext): string {
  return readableColor(user.color ?? defaultNameColor(user.login), ctx.contrastBackground);
}

/** "테스트계정420 (testaccount_420)" when the display name is not just the login's case. */
function name(user: ChatUser, color: string): TemplateResult {
  const localized = user.displayName.toLowerCase() !== user.login.toLowerCase();
  return html`<span part="name" class="name" style="color:${color}">${user.displayName}${localized ? html`<span part="login" class="login"> (${user.login})</span>` : nothing}</span>`;
}

function withThirdPartyEmotes(list: readonly MessagePart[], ctx: LineContext, channelId: string): readonly MessagePart[] {
  return ctx.emotes ? ctx.emotes.expand(list, channelId) : list;
}

export function messageLine(message: ChatMessage, ctx: LineContext): TemplateResult {
  // A Shared Chat message uses the emotes and badges of the channel it was sent in.
  const channelId = message.sourceChannelId ?? (message.channelId || ctx.channelId);
  const color = nameColor(message.user, ctx);
  const body = withThirdPartyEmotes(withoutReplyMention(message), ctx, channelId);
  const reply = message.reply
    ? html`<div part="reply" class="reply">↪ <span class="reply-name">${message.reply.user.displayName}</span>: <span class="reply-text">${message.reply.text}</span></div>`
    : nothing;
  return html`${reply}<span part="meta" class="meta">${badgeImages(message.badges, ctx, channelId)}${name(message.user, color)}</span><span
      part="separator"
      class="separator"
      >${message.isAction ? ' ' : ': '}</span
    ><span part="message" class="message" dir="auto" style=${message.isAction ? `color:${color}` : nothing}>${parts(body)}</span>`;
}

export function noticeLine(notice: ChatNotice, ctx: LineContext): TemplateResult {
  const channelId = notice.channelId || ctx.channelId;
  const user = notice.user;
  const attached =
    notice.text && user
      ? html`<div class="notice-message">
          <span part="meta" class="meta">${badgeImages(notice.badges, ctx, channelId)}${name(user, nameColor(user, ctx))}</span><span
            part="separator"
            class="separator"
            >: </span
          ><span part="message" class="message">${parts(withThirdPartyEmotes(notice.parts, ctx, channelId))}</span>
        </div>`
      : nothing;
  return html`<div part="notice-text" class="notice-text">${noticeText(notice)}</div>
    ${attached}`;
}
