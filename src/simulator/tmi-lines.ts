/**
 * Builders for Twitch IRC lines in the exact wire format (tags escaped per IRCv3, §1.8).
 * The simulator feeds these to the real parser; tests use them as fixtures.
 */
let serial = 0;

export function escapeTagValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\:').replace(/ /g, '\\s').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

function tagString(tags: Record<string, string>): string {
  return Object.entries(tags)
    .map(([k, v]) => `${k}=${escapeTagValue(v)}`)
    .join(';');
}

/** A fresh message id shaped like Twitch's UUIDs. */
export function nextMessageId(): string {
  serial += 1;
  return `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
}

/**
 * The `emotes` tag for `text`: every whole word found in `emotes` (code → id), with
 * inclusive code-point ranges as Twitch sends them (§1.7).
 */
export function emotesTag(text: string, emotes: Readonly<Record<string, string>>): string {
  const ranges = new Map<string, string[]>();
  let index = 0;
  for (const token of text.split(/(\s+)/)) {
    const length = Array.from(token).length;
    const id = emotes[token];
    if (id) ranges.set(id, [...(ranges.get(id) ?? []), `${index}-${index + length - 1}`]);
    index += length;
  }
  return [...ranges].map(([id, spans]) => `${id}:${spans.join(',')}`).join('/');
}

export interface PrivmsgOptions {
  id?: string;
  login?: string;
  displayName?: string;
  userId?: string;
  color?: string;
  badges?: string;
  badgeInfo?: string;
  emotes?: string;
  roomId?: string;
  sentAt?: number;
  extraTags?: Record<string, string>;
}

export function privmsg(channel: string, text: string, options: PrivmsgOptions = {}): string {
  const login = options.login ?? 'viewer';
  const tags: Record<string, string> = {
    'badge-info': options.badgeInfo ?? '',
    badges: options.badges ?? '',
    color: options.color ?? '#1E90FF',
    'display-name': options.displayName ?? login,
    emotes: options.emotes ?? '',
    'first-msg': '0',
    flags: '',
    id: options.id ?? nextMessageId(),
    mod: options.badges?.includes('moderator/') ? '1' : '0',
    'room-id': options.roomId ?? '12345',
    subscriber: options.badges?.includes('subscriber/') ? '1' : '0',
    'tmi-sent-ts': String(options.sentAt ?? 1_700_000_000_000 + serial),
    turbo: '0',
    'user-id': options.userId ?? String(5000 + (serial % 97)),
    'user-type': '',
    ...options.extraTags,
  };
  return `@${tagString(tags)} :${login}!${login}@${login}.tmi.twitch.tv PRIVMSG #${channel} :${text}`;
}

export interface UsernoticeOptions {
  msgId: string;
  login: string;
  displayName?: string;
  userId?: string;
  color?: string;
  badges?: string;
  systemMsg: string;
  params?: Record<string, string>;
  roomId?: string;
  text?: string;
  sentAt?: number;
}

export function usernotice(channel: string, options: UsernoticeOptions): string {
  const tags: Record<string, string> = {
    'badge-info': '',
    badges: options.badges ?? '',
    color: options.color ?? '',
    'display-name': options.displayName ?? options.login,
    emotes: '',
    flags: '',
    id: nextMessageId(),
    login: options.login,
    mod: '0',
    'msg-id': options.msgId,
    ...Object.fromEntries(Object.entries(options.params ?? {}).map(([k, v]) => [`msg-param-${k}`, v])),
    'room-id': options.roomId ?? '12345',
    subscriber: '0',
    'system-msg': options.systemMsg,
    'tmi-sent-ts': String(options.sentAt ?? Date.now()),
    'user-id': options.userId ?? '1',
    'user-type': '',
  };
  return `@${tagString(tags)} :tmi.twitch.tv USERNOTICE #${channel}${options.text ? ` :${options.text}` : ''}`;
}

export function clearmsg(channel: string, login: string, targetId: string, text: string): string {
  return `@login=${login};room-id=;target-msg-id=${targetId};tmi-sent-ts=${Date.now()} :tmi.twitch.tv CLEARMSG #${channel} :${text}`;
}

export function timeout(channel: string, roomId: string, login: string, userId: string, seconds: number | null): string {
  const duration = seconds === null ? '' : `ban-duration=${seconds};`;
  return `@${duration}room-id=${roomId};target-user-id=${userId};tmi-sent-ts=${Date.now()} :tmi.twitch.tv CLEARCHAT #${channel} :${login}`;
}
