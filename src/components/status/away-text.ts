/** "away 42 s", "away 3 min 5 s", "away 1 h 2 min": how long a connection has been gone (`?debug` and the dock say it alike). */
export function awayText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `away ${s} s`;
  if (s < 3600) return `away ${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `away ${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}
