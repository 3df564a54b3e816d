/**
 * A bounded set of reusable things (the emote wall's sprites): at most `limit` out at once, the
 * oldest taken back first when one more is asked for; one given back is reused before another
 * is made, so no more are ever made than the largest limit asked for.
 */
export class SpritePool<T> {
  /** Out now, oldest first (a Set keeps insertion order). */
  private readonly out = new Set<T>();
  private readonly spare: T[] = [];
  private madeCount = 0;

  constructor(
    private readonly make: () => T,
    /** Stops one taken back. */
    private readonly reclaim: (item: T) => void,
  ) {}

  /** How many are out. */
  get size(): number {
    return this.out.size;
  }

  /** How many were ever made. */
  get made(): number {
    return this.madeCount;
  }

  /** One to use: a spare, a new one, or (at `limit`) the oldest out, taken back. */
  take(limit: number): T {
    for (const oldest of this.out) {
      if (this.out.size < Math.max(1, limit)) break;
      this.give(oldest);
    }
    let item = this.spare.pop();
    if (item === undefined) {
      item = this.make();
      this.madeCount += 1;
    }
    this.out.add(item);
    return item;
  }

  /** Takes one back (its run ended); a second call for it does nothing. */
  give(item: T): void {
    if (!this.out.delete(item)) return;
    this.reclaim(item);
    this.spare.push(item);
  }
}
