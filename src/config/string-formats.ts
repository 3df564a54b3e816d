import { isUserId, normalizeLogin } from '../twitch/login.js';
import type { StringFormat } from './schema.js';

/** Channels one `logins` parameter may name (a co-stream of a handful, not a wall of chats). */
const MAX_CHANNELS = 10;

const notChannel = (given: string) =>
  ({ ok: false, reason: `is not a Twitch channel: "${given}". Give its login (letters, digits and _, e.g. \`shroud\`) or its link (\`twitch.tv/shroud\`)` }) as const;

/** A Twitch login, normalised from what streamers paste (`@Name`, `twitch.tv/name`); anything else is refused. */
export const LOGIN: StringFormat = {
  name: 'login',
  read(raw) {
    const login = normalizeLogin(raw);
    return login !== null ? { ok: true, value: login } : notChannel(raw);
  },
};

/** One or more channel logins (or links), comma-separated; the value is the logins joined with `,`, repeats dropped. */
export const LOGINS: StringFormat = {
  name: 'logins',
  read(raw) {
    const logins: string[] = [];
    for (const item of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
      const login = normalizeLogin(item);
      if (login === null) return notChannel(item);
      if (!logins.includes(login)) logins.push(login);
    }
    if (logins.length > MAX_CHANNELS) return { ok: false, reason: `names ${logins.length} channels; at most ${MAX_CHANNELS} fit in one overlay` };
    return { ok: true, value: logins.join(',') };
  },
};

/** A numeric Twitch user id (a channel's id, a broadcaster id). */
export const USER_ID: StringFormat = {
  name: 'user-id',
  read(raw) {
    const value = raw.trim();
    return isUserId(value) ? { ok: true, value } : { ok: false, reason: `must be a numeric Twitch user id, got "${raw}"` };
  },
};
