/** Builders for real-shaped Twitch IRC lines, for tests and fixtures. */
let serial = 0;

export interface PrivmsgOptions {
  id?: string;
  login?: string;
  displayName?: string;
  userId?: string;
  color?: string;
  badges?: string;
  emotes?: string;
  roomId?: string;
  extraTags?: Record<string, string>;
}

function escapeTag(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\:').replace(/ /g, '\\s').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

export function privmsg(channel: string, text: string, options: PrivmsgOptions = {}): string {
  serial += 1;
  const login = options.login ?? 'viewer';
  const tags: Record<string, string> = {
    'badge-info': '',
    badges: options.badges ?? '',
    color: options.color ?? '#1E90FF',
    'display-name': options.displayName ?? login,
    emotes: options.emotes ?? '',
    'first-msg': '0',
    flags: '',
    id: options.id ?? `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`,
    mod: '0',
    'room-id': options.roomId ?? '12345',
    subscriber: '0',
    'tmi-sent-ts': String(1_700_000_000_000 + serial),
    turbo: '0',
    'user-id': options.userId ?? String(5000 + (serial % 97)),
    'user-type': '',
    ...options.extraTags,
  };
  const tagText = Object.entries(tags)
    .map(([k, v]) => `${k}=${escapeTag(v)}`)
    .join(';');
  return `@${tagText} :${login}!${login}@${login}.tmi.twitch.tv PRIVMSG #${channel} :${text}`;
}
