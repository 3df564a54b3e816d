import { fillFields } from '../alerts/alert-fields.js';
import type { LabelFields } from './label-tally.js';

const STYLES = `
  :host {
    display: block;
    font: 700 var(--ovl-label-font-size, 32px) / 1.2 var(--ovl-label-font, 'Inter', 'Segoe UI', Roboto, sans-serif);
    color: var(--ovl-label-color, #ffffff);
    text-shadow: 0 1px 3px rgba(0, 0, 0, 0.7);
    white-space: nowrap;
  }
  .pop {
    display: inline-block;
    animation: ovl-label-pop 400ms cubic-bezier(0.2, 1.4, 0.4, 1) both;
  }
  @keyframes ovl-label-pop {
    from {
      opacity: 0;
      transform: scale(0.6);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .pop {
      animation: ovl-label-fade 300ms ease-out both;
    }
    @keyframes ovl-label-fade {
      from {
        opacity: 0;
      }
    }
  }
`;

type LabelAnimation = 'pop' | 'none';

/**
 * One line of text for a stream: the latest follower, the top cheerer, a count, shaped by a
 * template (`{name} – {amount} bits`). The page hands it the fields (LabelTally); the element
 * only draws them, as text, never HTML. When the text changes it pops in (a fade under
 * `prefers-reduced-motion`; no motion with `animation="none"`), and nothing else runs: an idle
 * label costs no frames.
 *
 * The one element of the kit not built on Lit: it draws one text node, and a label is a
 * Browser Source a streamer adds many times, each page loading its own copy of what it imports;
 * Lit would be the largest part of the label page (issue 21, README "Benchmarks"). Its API is a
 * Lit element's: properties or attributes, drawn together in a microtask, `updateComplete`.
 *
 * @attr template - The text, with `{name}`, `{amount}` and the label's other fields.
 * @attr empty - The text while there is nothing to show (default: nothing).
 * @attr animation - `pop` (default) or `none`.
 * @attr paused - Set while OBS hides the source: changes then come without motion.
 * @csspart label - The text.
 * @cssprop --ovl-label-font - Font family.
 * @cssprop --ovl-label-font-size - Text size (default 32px).
 * @cssprop --ovl-label-color - Text colour (default white).
 */
export class OvlLabel extends HTMLElement {
  static readonly observedAttributes = ['template', 'empty', 'animation'];

  private readonly root = this.attachShadow({ mode: 'open' });
  private state = { template: '{name}', empty: '', animation: 'pop' as LabelAnimation, fields: null as LabelFields | null };
  /** The text on screen ('' for none). */
  private shown = '';
  /** A text was shown once: the first is drawn still, only a change pops. */
  private everShown = false;
  private pending: Promise<boolean> | null = null;

  constructor() {
    super();
    this.root.append(Object.assign(document.createElement('style'), { textContent: STYLES }));
  }

  get template(): string {
    return this.state.template;
  }
  set template(value: string) {
    this.change({ template: value });
  }

  get empty(): string {
    return this.state.empty;
  }
  set empty(value: string) {
    this.change({ empty: value });
  }

  get animation(): LabelAnimation {
    return this.state.animation;
  }
  set animation(value: LabelAnimation) {
    this.change({ animation: value });
  }

  /** The label's fields now; null while there is nothing to show. */
  get fields(): LabelFields | null {
    return this.state.fields;
  }
  set fields(value: LabelFields | null) {
    this.change({ fields: value });
  }

  get paused(): boolean {
    return this.hasAttribute('paused');
  }
  set paused(value: boolean) {
    this.toggleAttribute('paused', value);
  }

  /** The text shown now. */
  get text(): string {
    return this.state.fields ? fillFields(this.state.template, this.state.fields) : this.state.empty;
  }

  /** Settles once the last change is drawn (true), as a Lit element's does. */
  get updateComplete(): Promise<boolean> {
    return this.pending ?? Promise.resolve(true);
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null): void {
    if (name === 'template') this.template = value ?? '{name}';
    else if (name === 'empty') this.empty = value ?? '';
    else if (name === 'animation') this.animation = value === 'none' ? 'none' : 'pop';
  }

  /** Takes the change and draws once, in a microtask, however many properties a caller sets together. */
  private change(values: Partial<typeof this.state>): void {
    this.state = { ...this.state, ...values };
    this.pending ??= Promise.resolve().then(() => {
      this.pending = null;
      this.draw();
      return true;
    });
  }

  private draw(): void {
    const text = this.text;
    if (text === this.shown) return;
    const pop = this.everShown && this.animation === 'pop' && !this.paused;
    this.root.querySelector('[part="label"]')?.remove();
    if (text) {
      // A new span for each text, so that each change pops.
      const span = document.createElement('span');
      span.setAttribute('part', 'label');
      if (pop) span.className = 'pop';
      span.textContent = text;
      this.root.append(span);
      this.everShown = true;
    }
    this.shown = text;
  }
}

customElements.define('ovl-label', OvlLabel);

declare global {
  interface HTMLElementTagNameMap {
    'ovl-label': OvlLabel;
  }
}
