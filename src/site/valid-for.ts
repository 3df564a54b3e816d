const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const count = (n: number, unit: string) => `${n} more ${unit}${n === 1 ? '' : 's'}`;

/** How long a token with `ms` left is still valid, to the nearest unit, in the words the setup page uses: "58 more days". */
export function validFor(ms: number): string {
  if (ms >= DAY) return count(Math.round(ms / DAY), 'day');
  if (ms >= HOUR) return count(Math.round(ms / HOUR), 'hour');
  return count(Math.max(0, Math.round(ms / 60_000)), 'minute');
}
