import type { IrcMessage } from './irc-message.js';
import type {
  BadgeRef,
  ChatEvent,
  ChatMessage,
  ChatNotice,
  ChatRoomState,
  ChatUser,
  NoticeDetails,
  ReplyParent,
  SubPlan,
} from './chat-events.js';
import { parseEmotesTag } from './message-parts.js';
import { buildParts, type MessagePart } from '../../domain/message-parts.js';

type Tags = IrcMessage['tags'];

/** Third-party emotes by word (an EmoteLookup): whole words of the text become emote parts. */
export interface WordEmotes {
  expand(parts: readonly MessagePart[], channelId: string): readonly MessagePart[];
}

export interface NormalizeOptions {
  /** Fallback for `sentAt` when a line has no `tmi-sent-ts`. */
  readonly now?: number;
  readonly emoteTheme?: 'dark' | 'light';
  /** Third-party emotes found in the text as it is split into parts, so the parts are final. */
  readonly emotes?: WordEmotes;
  /** The channel's id (from ROOMSTATE) for a line without `room-id`: its emotes are the channel's. */
  readonly channelId?: string;
}

/**
 * A line's parts with third-party emotes, split once here rather than by whoever draws it. A
 * Shared Chat line uses the emotes of the channel it was sent in.
 */
export function withEmotes(parts: readonly MessagePart[], emotes: WordEmotes | undefined, channelId: string): readonly MessagePart[] {
  return emotes ? emotes.expand(parts, channelId) : parts;
}

/** The channel whose emotes a line uses: the one it was sent in (Shared Chat), else its own. */
function emoteChannel(sourceChannelId: string | null, channelId: string, options: NormalizeOptions): string {
  return sourceChannelId ?? (channelId || options.channelId || '');
}

// `/me` arrives as CTCP ACTION; emote indices count from the text inside it (§1.7).
const ACTION = /^\u0001ACTION ([^\u0001]*)\u0001?$/;
// Twitch's own gift account, used when a gifter is anonymous (§1.6).
const ANONYMOUS_GIFTER_LOGIN = 'ananonymousgifter';
// `jtv` posts legacy host notices as PRIVMSG; host mode is gone (§1.4), they are not chat.
const SYSTEM_SENDERS = new Set(['jtv']);

/** `"42"` → 42; anything else (absent, empty, not a number) → null. Never a boolean (§1.10 pitfall 3). */
function int(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function flag(value: string | null | undefined): boolean {
  return value === '1';
}

function text(value: string | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : value;
}

/** `broadcaster/1,subscriber/12` → refs, split at the first `/` of each entry. */
export function parseBadges(tag: string | null | undefined): BadgeRef[] {
  if (!tag) return [];
  return tag
    .split(',')
    .filter(Boolean)
    .map((entry) => {
      const slash = entry.indexOf('/');
      return slash === -1 ? { set: entry, version: '' } : { set: entry.slice(0, slash), version: entry.slice(slash + 1) };
    });
}

function channelOf(msg: IrcMessage): string {
  return (msg.params[0] ?? '').replace(/^#/, '').toLowerCase();
}

function sentAt(tags: Tags, options: NormalizeOptions): number {
  return int(tags['tmi-sent-ts']) ?? options.now ?? Date.now();
}

function userFrom(tags: Tags, login: string): ChatUser {
  return {
    id: tags['user-id'] ?? '',
    login,
    // Some names arrive with a trailing escaped space (corpus: "Riot\sGames", "CarvedTaleare\s"): keep inner spaces, trim the ends.
    displayName: text(tags['display-name']?.trim()) ?? login,
    color: text(tags['color']),
  };
}

function replyFrom(tags: Tags): ReplyParent | null {
  const messageId = text(tags['reply-parent-msg-id']);
  if (!messageId) return null;
  const login = tags['reply-parent-user-login'] ?? '';
  return {
    messageId,
    user: {
      id: tags['reply-parent-user-id'] ?? '',
      login,
      displayName: text(tags['reply-parent-display-name']?.trim()) ?? login,
    },
    text: tags['reply-parent-msg-body'] ?? '',
    threadMessageId: text(tags['reply-thread-parent-msg-id']),
  };
}

/** Shared Chat tags (§1.5): the source channel when it is not this one, and the message's id there. */
function sharedSource(tags: Tags, channelId: string): { sourceChannelId: string | null; sourceMessageId: string | null } {
  const source = text(tags['source-room-id']);
  return { sourceChannelId: source && source !== channelId ? source : null, sourceMessageId: text(tags['source-id']) };
}

function unwrapAction(raw: string): { text: string; isAction: boolean } {
  const match = ACTION.exec(raw);
  return match ? { text: match[1]!, isAction: true } : { text: raw, isAction: false };
}

function privmsg(msg: IrcMessage, options: NormalizeOptions): ChatMessage | null {
  // A prefix without "!" names the sender alone (`:nick PRIVMSG …`).
  const login = msg.prefix?.nick ?? msg.prefix?.host ?? '';
  // A PRIVMSG without a sender or text is malformed; it is not a chat line.
  if (!login || msg.params.length < 2 || SYSTEM_SENDERS.has(login)) return null;
  const { tags } = msg;
  const { text: body, isAction } = unwrapAction(msg.params[1] ?? '');
  const bits = int(tags['bits']) ?? 0;
  const channelId = tags['room-id'] ?? '';
  const shared = sharedSource(tags, channelId);
  return {
    type: 'message',
    id: tags['id'] ?? '',
    channel: channelOf(msg),
    channelId,
    sentAt: sentAt(tags, options),
    user: userFrom(tags, login),
    badges: parseBadges(tags['badges']),
    badgeInfo: parseBadges(tags['badge-info']),
    text: body,
    parts: withEmotes(buildParts(body, parseEmotesTag(tags['emotes']), { bits, theme: options.emoteTheme }), options.emotes, emoteChannel(shared.sourceChannelId, channelId, options)),
    isAction,
    reply: replyFrom(tags),
    firstMessage: flag(tags['first-msg']),
    returningChatter: flag(tags['returning-chatter']),
    bits,
    rewardId: text(tags['custom-reward-id']),
    msgId: text(tags['msg-id']),
    animationId: text(tags['animation-id']),
    ...shared,
    // A line from another channel is drawn with the badges its sender has there.
    sourceBadges: shared.sourceChannelId && 'source-badges' in tags ? parseBadges(tags['source-badges']) : null,
    self: false,
  };
}

function plan(tags: Tags): SubPlan {
  return { plan: tags['msg-param-sub-plan'] ?? '', planName: text(tags['msg-param-sub-plan-name']) };
}

function noticeDetails(msgId: string, tags: Tags): NoticeDetails {
  const p = (name: string) => tags[`msg-param-${name}`];
  const anonymous = msgId.startsWith('anon') || tags['login'] === ANONYMOUS_GIFTER_LOGIN;
  switch (msgId) {
    case 'sub':
    case 'resub':
      return {
        kind: msgId,
        ...plan(tags),
        cumulativeMonths: int(p('cumulative-months')) ?? int(p('months')) ?? 1,
        streakMonths: flag(p('should-share-streak')) ? int(p('streak-months')) : null,
        multiMonth: int(p('multimonth-duration')),
      };
    case 'subgift':
    case 'anonsubgift': {
      const login = p('recipient-user-name') ?? p('recipient-name') ?? '';
      return {
        kind: 'subgift',
        ...plan(tags),
        anonymous,
        recipient: { id: p('recipient-id') ?? '', login, displayName: text(p('recipient-display-name')) ?? login },
        cumulativeMonths: int(p('months')),
        giftMonths: int(p('gift-months')) ?? 1,
      };
    }
    case 'submysterygift':
    case 'anonsubmysterygift':
      return {
        kind: 'submysterygift',
        ...plan(tags),
        anonymous,
        count: int(p('mass-gift-count')) ?? 0,
        senderTotal: int(p('sender-count')),
      };
    case 'giftpaidupgrade':
    case 'anongiftpaidupgrade':
      return { kind: 'giftpaidupgrade', anonymous, gifterLogin: text(p('sender-login')), gifterName: text(p('sender-name')) };
    case 'primepaidupgrade':
      return { kind: 'primepaidupgrade', ...plan(tags) };
    case 'raid': {
      const login = p('login') ?? tags['login'] ?? '';
      return {
        kind: 'raid',
        viewerCount: int(p('viewerCount')) ?? 0,
        login,
        displayName: text(p('displayName')) ?? login,
        profileImageUrl: text(p('profileImageURL')),
      };
    }
    case 'unraid':
      return { kind: 'unraid' };
    case 'announcement':
      return { kind: 'announcement', color: p('color') ?? 'PRIMARY' };
    case 'ritual':
      return { kind: 'ritual', ritual: p('ritual-name') ?? '' };
    case 'bitsbadgetier':
      return { kind: 'bitsbadgetier', threshold: int(p('threshold')) ?? 0 };
    case 'viewermilestone':
      return { kind: 'viewermilestone', category: p('category') ?? '', value: int(p('value')) ?? 0 };
    default:
      return { kind: 'other', msgId };
  }
}

function usernotice(msg: IrcMessage, options: NormalizeOptions): ChatNotice {
  const { tags } = msg;
  // A Shared Chat notice from another channel arrives as `sharedchatnotice`; its kind is in `source-msg-id`.
  const msgId = (tags['msg-id'] === 'sharedchatnotice' && text(tags['source-msg-id'])) || (tags['msg-id'] ?? '');
  const login = tags['login'] ?? '';
  const channelId = tags['room-id'] ?? '';
  const shared = sharedSource(tags, channelId);
  let body = msg.params[1] ?? '';
  let ranges = parseEmotesTag(tags['emotes']);
  // A /me attached to a USERNOTICE has emote ranges counted from "ACTION …" with only the
  // \u0001 removed (twitchdev/issues#175), so shift them by the length of "ACTION ".
  const action = ACTION.exec(body);
  if (action) {
    body = action[1]!;
    ranges = ranges.map((r) => ({ ...r, start: r.start - 7, end: r.end - 7 })).filter((r) => r.start >= 0);
  }
  return {
    type: 'notice',
    id: tags['id'] ?? '',
    msgId,
    channel: channelOf(msg),
    channelId,
    sentAt: sentAt(tags, options),
    ...shared,
    details: noticeDetails(msgId, tags),
    systemMessage: tags['system-msg'] ?? '',
    user: login ? userFrom(tags, login) : null,
    badges: parseBadges(tags['badges']),
    badgeInfo: parseBadges(tags['badge-info']),
    text: body,
    parts: withEmotes(buildParts(body, ranges, { theme: options.emoteTheme }), options.emotes, emoteChannel(shared.sourceChannelId, channelId, options)),
    isAction: action !== null,
  };
}

function roomstate(msg: IrcMessage, options: NormalizeOptions): ChatRoomState {
  const { tags } = msg;
  const bool = (name: string) => (name in tags ? flag(tags[name]) : undefined);
  const followers = int(tags['followers-only']);
  const slow = int(tags['slow']);
  return {
    type: 'roomstate',
    channel: channelOf(msg),
    channelId: tags['room-id'] ?? '',
    sentAt: sentAt(tags, options),
    ...(bool('emote-only') !== undefined && { emoteOnly: bool('emote-only') }),
    ...(followers !== null && { followersOnly: followers < 0 ? false : followers }),
    ...(bool('r9k') !== undefined && { r9k: bool('r9k') }),
    ...(slow !== null && { slowSeconds: slow }),
    ...(bool('subs-only') !== undefined && { subsOnly: bool('subs-only') }),
  };
}

/**
 * Turns one parsed IRC line into a chat event, or null for lines that are not chat
 * (PING, numerics, JOIN/PART, whispers, retired commands). Never throws.
 */
export function normalizeIrc(msg: IrcMessage, options: NormalizeOptions = {}): ChatEvent | null {
  const { tags } = msg;
  switch (msg.command) {
    case 'PRIVMSG':
      return privmsg(msg, options);
    case 'USERNOTICE':
      return usernotice(msg, options);
    case 'CLEARMSG': {
      const { text: body, isAction } = unwrapAction(msg.params[1] ?? '');
      return {
        type: 'delete',
        channel: channelOf(msg),
        channelId: tags['room-id'] ?? '',
        sentAt: sentAt(tags, options),
        messageId: tags['target-msg-id'] ?? '',
        login: tags['login'] ?? '',
        text: body,
        isAction,
      };
    }
    case 'CLEARCHAT': {
      const base = { channel: channelOf(msg), channelId: tags['room-id'] ?? '', sentAt: sentAt(tags, options) };
      const login = msg.params[1];
      if (!login) return { type: 'clear', ...base };
      return { type: 'clear-user', ...base, login, userId: tags['target-user-id'] ?? '', durationSeconds: int(tags['ban-duration']) };
    }
    case 'ROOMSTATE':
      return roomstate(msg, options);
    case 'NOTICE': {
      const target = msg.params[0] ?? '*';
      return {
        type: 'server-notice',
        channel: target.startsWith('#') ? target.slice(1).toLowerCase() : null,
        msgId: text(tags['msg-id']),
        text: msg.params[1] ?? '',
      };
    }
    case 'USERSTATE':
    case 'GLOBALUSERSTATE': {
      const badges = parseBadges(tags['badges']);
      return {
        type: 'self',
        channel: msg.command === 'USERSTATE' ? channelOf(msg) : null,
        userId: text(tags['user-id']),
        displayName: text(tags['display-name']?.trim()),
        color: text(tags['color']),
        badges,
        privileged: flag(tags['mod']) || badges.some((b) => b.set === 'broadcaster' || b.set === 'moderator'),
      };
    }
    default:
      return null;
  }
}
