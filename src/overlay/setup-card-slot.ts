import type { OvlSetupCard } from '../components/status/ovl-setup-card.js';

/**
 * The place on an overlay page where the setup card appears and goes: at start for a bad
 * link, and at any later time a source needs the streamer. The card's code loads only the
 * first time it is needed; most pages never show it.
 */
export class SetupCardSlot {
  private card: OvlSetupCard | null = null;
  private shown: readonly string[] = [];

  constructor(
    private readonly root: HTMLElement,
    /** e.g. "Chat overlay". */
    private readonly overlay: string,
    private readonly builderUrl: string,
  ) {}

  /** What the card says now; empty when no card is shown. */
  get items(): readonly string[] {
    return this.shown;
  }

  /** Shows the card with `items`, or removes it when there are none. Resolves once on the page. */
  async show(items: readonly string[]): Promise<void> {
    this.shown = items;
    if (items.length === 0) {
      this.card?.remove();
      this.card = null;
      return;
    }
    await import('../components/status/ovl-setup-card.js');
    if (this.shown !== items) return; // a later call decided
    this.card ??= Object.assign(document.createElement('ovl-setup-card'), { overlay: this.overlay, builderUrl: this.builderUrl });
    this.card.items = items;
    // Last on the page, above the overlay that stays mounted beneath it.
    if (this.card.parentNode !== this.root) this.root.append(this.card);
  }
}
