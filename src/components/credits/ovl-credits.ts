import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { fire } from '../../core/element-events.js';
import type { CreditsSection } from './credits-rows.js';

const n = (value: number) => value.toLocaleString('en-US');

/**
 * End credits: this stream's supporters, section by section, rolled up the screen once (or in
 * a loop) when `roll()` is called, and transparent otherwise. The roll is one Web Animation of
 * the list's `transform`, which the compositor runs: no layout or paint per frame, however many
 * names (the list is laid out once, when it starts). Names are text, never HTML.
 *
 * @attr speed - Pixels per second (default 60).
 * @attr loop - Roll again from the bottom when the last name has left.
 * @fires ovl-credits-end - the roll ended (not in a loop). Not bubbling, not composed.
 * @csspart roll - The whole list that moves.
 * @csspart section - One section, with its name as a class (`followers`, `gifters`, …).
 * @csspart title - A section's title.
 * @csspart row - One row of a section.
 * @csspart name - The viewer's name in a row.
 * @csspart amount - What they gave (bits, subs gifted, raiders), where the section counts it.
 * @cssprop --ovl-credits-font - Font family.
 * @cssprop --ovl-credits-font-size - Text size of the names (default 32px).
 * @cssprop --ovl-credits-color - Text colour (default white).
 * @cssprop --ovl-credits-title-color - Section titles' colour (default #bf94ff).
 */
@customElement('ovl-credits')
export class OvlCredits extends LitElement {
  static override styles = css`
    :host {
      display: block;
      height: 100%;
      overflow: hidden;
      contain: strict;
      font: 600 var(--ovl-credits-font-size, 32px) / 1.4 var(--ovl-credits-font, 'Inter', 'Segoe UI', Roboto, sans-serif);
      color: var(--ovl-credits-color, #ffffff);
      text-shadow: 0 2px 4px rgba(0, 0, 0, 0.7);
      text-align: center;
    }
    .roll {
      will-change: transform;
      transform: translateY(100vh);
    }
    section {
      margin-bottom: 2.5em;
    }
    h2 {
      margin: 0 0 0.5em;
      font-size: 1.3em;
      color: var(--ovl-credits-title-color, #bf94ff);
    }
    [part='amount'] {
      margin-left: 0.6em;
      opacity: 0.75;
      font-weight: 400;
    }
  `;

  /** What rolls; set it before `roll()` (a roll under way keeps the list it started with). */
  @property({ attribute: false }) sections: readonly CreditsSection[] = [];
  @property({ type: Number }) speed = 60;
  @property({ type: Boolean }) loop = false;
  /** Set while OBS hides the source: the roll holds where it is. */
  @property({ type: Boolean, reflect: true }) paused = false;

  @state() private rolled: readonly CreditsSection[] | null = null;
  @query('.roll') private list?: HTMLElement;
  private animation: Animation | null = null;

  /** Whether the credits are rolling now. */
  get rolling(): boolean {
    return this.rolled !== null;
  }

  /** Rolls `sections` from the bottom edge up until the last name has left (again and again with `loop`). */
  roll(): void {
    this.animation?.cancel();
    this.animation = null;
    this.rolled = this.sections;
  }

  /** Ends a roll at once. */
  stop(): void {
    this.animation?.cancel();
    this.animation = null;
    this.rolled = null;
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('rolled') && this.rolled && this.list) this.start(this.list);
    if (changed.has('paused') && this.animation) {
      if (this.paused) this.animation.pause();
      else this.animation.play();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  private start(list: HTMLElement): void {
    // The one layout of the roll: how far the list travels, from below the bottom edge to above the top.
    const from = this.clientHeight;
    const to = -list.offsetHeight;
    const animation = list.animate([{ transform: `translateY(${from}px)` }, { transform: `translateY(${to}px)` }], {
      duration: ((from - to) / Math.max(1, this.speed)) * 1000,
      iterations: this.loop ? Infinity : 1,
      easing: 'linear',
      fill: 'forwards',
    });
    if (this.paused) animation.pause();
    animation.onfinish = () => {
      if (this.animation !== animation) return;
      this.animation = null;
      this.rolled = null;
      fire(this, 'ovl-credits-end', null);
    };
    this.animation = animation;
  }

  protected override render() {
    const sections = this.rolled;
    if (!sections) return nothing;
    return html`<div part="roll" class="roll">
      ${sections.map(
        (section) => html`<section part="section" class=${section.name}>
          <h2 part="title">${section.title}</h2>
          ${section.rows.map((row) => html`<div part="row"><span part="name">${row.name}</span>${row.amount === null ? nothing : html`<span part="amount">${n(row.amount)}</span>`}</div>`)}
        </section>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-credits': OvlCredits;
  }
  interface HTMLElementEventMap {
    'ovl-credits-end': CustomEvent<null>;
  }
}
