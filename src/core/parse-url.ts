/** `new URL(text)`, or null when it is not one. (URL.canParse needs Chromium 120; OBS may embed 103.) */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
