const MASK = '••••••••';

/**
 * `url` as it may be shown on screen: every value after the `#` (tokens, stream keys) replaced
 * by dots, names kept so the streamer sees what the link carries. One screenshot or one stream
 * of the setup page then leaks nothing.
 */
export function maskSecrets(url: string): string {
  const hash = url.indexOf('#');
  if (hash < 0) return url;
  const names = [...new URLSearchParams(url.slice(hash + 1)).keys()];
  return `${url.slice(0, hash)}#${names.map((name) => `${encodeURIComponent(name)}=${MASK}`).join('&')}`;
}

/** Whether `url` carries anything after the `#`. */
export function hasSecrets(url: string): boolean {
  return /#./.test(url);
}
