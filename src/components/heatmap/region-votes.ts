/**
 * Splits the screen into columns × rows zones and counts clicks as votes: one per user per
 * zone per window (a new window starts every `windowMs`), so a viewer clicking wildly counts
 * once. For "click where the boss should go" style interactions.
 */
export class RegionVotes {
  private voters = new Set<string>();
  private counts: number[];
  private windowStart: number;

  constructor(
    readonly columns: number,
    readonly rows: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.counts = new Array<number>(columns * rows).fill(0);
    this.windowStart = now();
  }

  /** Records a click; returns the zone index, or -1 if this user already voted there this window. */
  vote(userId: string, x: number, y: number): number {
    this.roll();
    const column = Math.min(this.columns - 1, Math.max(0, Math.floor(x * this.columns)));
    const row = Math.min(this.rows - 1, Math.max(0, Math.floor(y * this.rows)));
    const zone = row * this.columns + column;
    const key = `${zone}:${userId}`;
    if (this.voters.has(key)) return -1;
    this.voters.add(key);
    this.counts[zone]! += 1;
    return zone;
  }

  /** Votes per zone in the current window, row by row. */
  tally(): readonly number[] {
    this.roll();
    return [...this.counts];
  }

  private roll(): void {
    if (this.now() - this.windowStart < this.windowMs) return;
    this.windowStart = this.now();
    this.voters = new Set();
    this.counts = this.counts.map(() => 0);
  }
}
