import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { fillFields } from '../alerts/alert-fields.js';
import type { LabelFields } from './label-tally.js';

/**
 * One line of text for a stream: the latest follower, the top cheerer, a count, shaped by a
 * template (`{name} – {amount} bits`). The page hands it the fields (LabelTally); the element
 * only draws them, as text, never HTML. When the text changes it pops in (a fade under
 * `prefers-reduced-motion`; no motion with `animation="none"`), and nothing else runs: an idle
 * label costs no frames.
 *
 * @attr template - The text, with `{name}`, `{amount}` and the label's other fields.
 * @attr empty - The text while there is nothing to show (default: nothing).
 * @attr animation - `pop` (default) or `none`.
 * @csspart label - The text.
 * @cssprop --ovl-label-font - Font family.
 * @cssprop --ovl-label-font-size - Text size (default 32px).
 * @cssprop --ovl-label-color - Text colour (default white).
 */
@customElement('ovl-label')
export class OvlLabel extends LitElement {
  static override styles = css`
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

  @property() template = '{name}';
  @property() empty = '';
  @property() animation: 'pop' | 'none' = 'pop';
  /** The label's fields now; null while there is nothing to show. */
  @property({ attribute: false }) fields: LabelFields | null = null;
  /** Set while OBS hides the source: changes then come without motion. */
  @property({ type: Boolean, reflect: true }) paused = false;

  /** The text shown now. */
  get text(): string {
    return this.fields ? fillFields(this.template, this.fields) : this.empty;
  }

  /** The first text is drawn still: only a change pops. */
  private drawn = false;

  protected override render() {
    const text = this.text;
    if (!text) return nothing;
    const pop = this.drawn && this.animation === 'pop' && !this.paused;
    this.drawn = true;
    return keyed(text, html`<span part="label" class=${pop ? 'pop' : ''}>${text}</span>`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-label': OvlLabel;
  }
}
