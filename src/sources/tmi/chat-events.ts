/** Normalised chat events. Everything past the parser is camelCase and free of IRC details. */
import type { MessagePart } from '../../domain/message-parts.js';

export interface ChatUser {
  readonly id: string;
  readonly login: string;
  /** The display name, or the login when Twitch sent none (§1.5). */
  readonly displayName: string;
  /** `#RRGGBB`, or null when the user never chose one. */
  readonly color: string | null;
}

/** A badge as IRC names it: `subscriber/12` → `{ set: 'subscriber', version: '12' }`. */
export interface BadgeRef {
  readonly set: string;
  readonly version: string;
}

export interface ReplyParent {
  readonly messageId: string;
  readonly user: { readonly id: string; readonly login: string; readonly displayName: string };
  readonly text: string;
  /** The first message of the reply thread, when Twitch names it. */
  readonly threadMessageId: string | null;
}

interface ChannelScoped {
  /** Channel login, without `#`. */
  readonly channel: string;
  /** Numeric channel id (`room-id`), or '' when Twitch did not send it. */
  readonly channelId: string;
  /** Twitch's server time (`tmi-sent-ts`), else the time the line arrived; epoch ms. */
  readonly sentAt: number;
}

export interface ChatMessage extends ChannelScoped {
  readonly type: 'message';
  readonly id: string;
  readonly user: ChatUser;
  readonly badges: readonly BadgeRef[];
  /** Extra badge data; in practice `subscriber/<exact months>`. */
  readonly badgeInfo: readonly BadgeRef[];
  /** The text as typed, with the `/me` wrapper removed. */
  readonly text: string;
  readonly parts: readonly MessagePart[];
  readonly isAction: boolean;
  readonly reply: ReplyParent | null;
  readonly firstMessage: boolean;
  readonly returningChatter: boolean;
  /** Bits cheered with this message; 0 when none. */
  readonly bits: number;
  /** Channel-point reward that required this text, or null. */
  readonly rewardId: string | null;
  /**
   * Special kinds from the `msg-id` tag: `highlighted-message`, `gigantified-emote-message`,
   * `animated-message` (power-ups) and others; null for plain chat.
   */
  readonly msgId: string | null;
  /** An animated message's look (`animation-id`, e.g. `simmer`); null otherwise. */
  readonly animationId: string | null;
  /** Shared Chat: the channel id the message was sent in, when it is another channel (§1.5). */
  readonly sourceChannelId: string | null;
  /**
   * Shared Chat: the message's id in the channel it was sent in (`source-id`). Every joined
   * channel's copy carries it, so it names one message across channels; null outside a session.
   */
  readonly sourceMessageId: string | null;
  /** Shared Chat: the sender's badges in the channel it was sent in (`source-badges`); null when not sent. */
  readonly sourceBadges: readonly BadgeRef[] | null;
  /** True for a message this client sent (Twitch does not echo those back). */
  readonly self: boolean;
}

export interface SubPlan {
  /** `Prime`, `1000`, `2000` or `3000`. */
  readonly plan: string;
  readonly planName: string | null;
}

/** USERNOTICE details by `msg-id` (§1.6). Anonymous variants share their named kind with `anonymous: true`. */
export type NoticeDetails =
  | ({ readonly kind: 'sub' | 'resub' } & SubPlan & {
      readonly cumulativeMonths: number;
      /** Only when the viewer chose to share it. */
      readonly streakMonths: number | null;
      /** Months bought at once, for multi-month subs. */
      readonly multiMonth: number | null;
    })
  | ({ readonly kind: 'subgift' } & SubPlan & {
      readonly anonymous: boolean;
      readonly recipient: { readonly id: string; readonly login: string; readonly displayName: string };
      readonly cumulativeMonths: number | null;
      readonly giftMonths: number;
    })
  | ({ readonly kind: 'submysterygift' } & SubPlan & {
      readonly anonymous: boolean;
      readonly count: number;
      readonly senderTotal: number | null;
    })
  | { readonly kind: 'giftpaidupgrade'; readonly anonymous: boolean; readonly gifterLogin: string | null; readonly gifterName: string | null }
  | ({ readonly kind: 'primepaidupgrade' } & SubPlan)
  | { readonly kind: 'raid'; readonly viewerCount: number; readonly login: string; readonly displayName: string; readonly profileImageUrl: string | null }
  | { readonly kind: 'unraid' }
  | { readonly kind: 'announcement'; readonly color: string }
  | { readonly kind: 'ritual'; readonly ritual: string }
  | { readonly kind: 'bitsbadgetier'; readonly threshold: number }
  | { readonly kind: 'viewermilestone'; readonly category: string; readonly value: number }
  /** Any msg-id we do not model: render `systemMessage`. */
  | { readonly kind: 'other'; readonly msgId: string };

export interface ChatNotice extends ChannelScoped {
  readonly type: 'notice';
  readonly id: string;
  /** Twitch's `msg-id` as sent, e.g. `anonsubgift` (for Shared Chat, the kind in the source channel: `source-msg-id`). */
  readonly msgId: string;
  /** Shared Chat: the channel the notice happened in, when it is another channel; null otherwise. */
  readonly sourceChannelId: string | null;
  /** Shared Chat: the notice's id in its own channel (`source-id`), or null. */
  readonly sourceMessageId: string | null;
  readonly details: NoticeDetails;
  /** Twitch's own wording of the event, unescaped; may be ''. */
  readonly systemMessage: string;
  /** Who acted (the subscriber, gifter, raider, announcer); null when Twitch sent no login. */
  readonly user: ChatUser | null;
  readonly badges: readonly BadgeRef[];
  readonly badgeInfo: readonly BadgeRef[];
  /** The viewer's own message attached to the event; '' when none. */
  readonly text: string;
  readonly parts: readonly MessagePart[];
  readonly isAction: boolean;
}

/** CLEARMSG: one message was deleted. */
export interface ChatDelete extends ChannelScoped {
  readonly type: 'delete';
  readonly messageId: string;
  readonly login: string;
  readonly text: string;
  readonly isAction: boolean;
}

/** CLEARCHAT with a user: a timeout (`durationSeconds`) or a ban (null). */
export interface ChatClearUser extends ChannelScoped {
  readonly type: 'clear-user';
  readonly userId: string;
  readonly login: string;
  readonly durationSeconds: number | null;
}

/** CLEARCHAT without a user: the whole chat was cleared. */
export interface ChatClear extends ChannelScoped {
  readonly type: 'clear';
}

/** ROOMSTATE: the full state on join, then only the keys that changed (undefined = unchanged). */
export interface ChatRoomState extends ChannelScoped {
  readonly type: 'roomstate';
  readonly emoteOnly?: boolean;
  /** false when off; otherwise the minimum follow age in minutes (0 = any follower). */
  readonly followersOnly?: number | false;
  readonly r9k?: boolean;
  readonly slowSeconds?: number;
  readonly subsOnly?: boolean;
}

/** NOTICE: a server message such as `msg_banned` or a login failure (`channel` null before login). */
export interface ChatServerNotice {
  readonly type: 'server-notice';
  readonly channel: string | null;
  readonly msgId: string | null;
  readonly text: string;
}

/** USERSTATE / GLOBALUSERSTATE: how this client's own user appears. */
export interface ChatSelfState {
  readonly type: 'self';
  readonly channel: string | null;
  readonly userId: string | null;
  readonly displayName: string | null;
  readonly color: string | null;
  readonly badges: readonly BadgeRef[];
  /** Moderators and the broadcaster get Twitch's higher send limit (§1.9). */
  readonly privileged: boolean;
}

export type ChatEvent =
  | ChatMessage
  | ChatNotice
  | ChatDelete
  | ChatClearUser
  | ChatClear
  | ChatRoomState
  | ChatServerNotice
  | ChatSelfState;

/** Chat events by name, as a ChatSource dispatches them (detail = the event). */
export interface ChatEventMap {
  message: ChatMessage;
  notice: ChatNotice;
  delete: ChatDelete;
  'clear-user': ChatClearUser;
  clear: ChatClear;
  roomstate: ChatRoomState;
  'server-notice': ChatServerNotice;
  self: ChatSelfState;
  /**
   * A channel's recent chat from before the overlay started (`history=N`), oldest first: each
   * line as live chat would have brought it, but timed by when the history service received it.
   */
  history: readonly (ChatMessage | ChatNotice)[];
}
