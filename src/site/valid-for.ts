const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const count = (n: number, unit: string) => `${n} more ${unit}${n === 1 ? '' : 's'}`;

/** How long a token with `ms` left is still valid, in the words the setup page uses: "58 more days". */
export function validFor(ms: number): string {
  if (ms >= DAY) return count(Math.floor(ms / DAY), 'day');
  if (ms >= HOUR) return count(Math.floor(ms / HOUR), 'hour');
  return count(Math.max(0, Math.floor(ms / 60_000)), 'minute');
}
