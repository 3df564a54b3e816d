import { buildParts } from '../../domain/message-parts.js';
import { withEmotes, type WordEmotes } from './normalize.js';
import type { ChatMessage, ChatSelfState } from './chat-events.js';

export interface OwnMessageContext {
  /** e.g. `local-3`: Twitch does not echo our own messages back, so they get local ids. */
  readonly id: string;
  readonly channel: string;
  readonly channelId: string;
  readonly login: string;
  /** Our USERSTATE in the channel (name, colour, badges), once Twitch sent it. */
  readonly self: ChatSelfState | null;
  readonly emoteTheme?: 'dark' | 'light';
  readonly emotes?: WordEmotes;
}

/** The message event for a line we sent, shown locally with `self: true`. Loaded with the sending code. */
export function ownMessage(text: string, context: OwnMessageContext): ChatMessage {
  const { self, login } = context;
  return {
    type: 'message',
    id: context.id,
    channel: context.channel,
    channelId: context.channelId,
    sentAt: Date.now(),
    user: { id: self?.userId ?? '', login, displayName: self?.displayName ?? login, color: self?.color ?? null },
    badges: self?.badges ?? [],
    badgeInfo: [],
    text,
    parts: withEmotes(buildParts(text, [], { theme: context.emoteTheme }), context.emotes, context.channelId),
    isAction: false,
    reply: null,
    firstMessage: false,
    returningChatter: false,
    bits: 0,
    rewardId: null,
    msgId: null,
    animationId: null,
    sourceChannelId: null,
    sourceMessageId: null,
    sourceBadges: null,
    self: true,
  };
}
