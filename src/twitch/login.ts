/**
 * Twitch logins as streamers paste them. A login is 1–25 of `a-z 0-9 _` (§1.2); anything else
 * must never reach an IRC line or a URL, where a space or CR/LF would start a new command
 * (`JOIN #a b`, `\r\nPRIVMSG …`).
 */
const LOGIN = /^[a-z0-9_]{1,25}$/;
/** `twitch.tv/name`, with or without scheme, `www.`/`m.`, and anything after the name. */
const CHANNEL_LINK = /^(?:https?:\/\/)?(?:www\.|m\.)?twitch\.tv\/([^/?#]*)/i;

/**
 * The login in `raw` (`Name`, `@name`, `#name`, `twitch.tv/name`, `https://www.twitch.tv/name`),
 * lower-cased, or null when it is not one.
 */
export function normalizeLogin(raw: string): string | null {
  const trimmed = raw.trim();
  const fromLink = CHANNEL_LINK.exec(trimmed)?.[1] ?? trimmed;
  const login = fromLink.replace(/^[@#]/, '').toLowerCase();
  return LOGIN.test(login) ? login : null;
}

/** Numeric Twitch user ids (a channel's id, a broadcaster id). */
export function isUserId(raw: string): boolean {
  return /^\d{1,20}$/.test(raw);
}
