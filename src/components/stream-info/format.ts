/** "1:02:03" for an uptime in ms; "2:03" under an hour. */
export function formatUptime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** Viewer counts the way Twitch shows them: 999, 1,234, 12.3K, 1.2M. */
export function formatViewers(count: number, locale?: string): string {
  if (count < 10_000) return count.toLocaleString(locale);
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(count);
}
