/**
 * The last `size` ids seen, oldest forgotten first: enough to drop a repeated delivery without
 * growing for the life of a stream.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly size: number) {}

  /** True the first time `id` is offered (and remembers it); false for a repeat. */
  add(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.size) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}
