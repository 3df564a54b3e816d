/**
 * Checks for values that come from Twitch or a third-party API and end up in a style or an
 * image request. Such values are data, not CSS: a reward colour of
 * `#00C7AC;background-image:url(https://evil.example/x)` once made an alert fetch that URL.
 */

/** `#rgb`, `#rrggbb` or `#rrggbbaa` (the forms Twitch's APIs use); else null. */
export function hexColor(value: unknown): string | null {
  return typeof value === 'string' && /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(value.trim()) ? value.trim() : null;
}

/**
 * An absolute http(s) URL with no white space or comma (either would add candidates to a
 * `srcset`), normalised by the URL parser; else null.
 */
export function imageUrl(value: unknown): string | null {
  if (typeof value !== 'string' || /[\s,]/.test(value)) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * A CSS `url("…")` for an image URL that passes `imageUrl` and, once normalised, holds only
 * URL characters (RFC 3986), so nothing in it can close the string or the function; else null.
 */
export function cssUrl(value: unknown): string | null {
  const url = imageUrl(value);
  return url && /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+;=%]+$/.test(url) ? `url("${url}")` : null;
}
