/** What became of a copy: done, impossible here, or refused by the browser. */
export type CopyOutcome = 'copied' | 'unavailable' | 'refused';

/** The part of the Clipboard API a copy needs; injectable so tests choose the outcome. */
export type TextClipboard = Pick<Clipboard, 'writeText'>;

/**
 * Copies `text` and says what really happened. Browsers expose `navigator.clipboard` only to
 * secure pages (https, or http on localhost): on any other plain-http host there is none,
 * and a write can still be refused (no focus, a denied permission).
 */
export async function copyText(text: string, clipboard: TextClipboard | undefined): Promise<CopyOutcome> {
  if (!clipboard) return 'unavailable';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'refused';
  }
}
