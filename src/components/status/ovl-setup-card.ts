import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { inlineCode } from './inline-code.js';

/**
 * One readable card for a problem the streamer must fix before the overlay can run (no
 * channel given, a token Twitch refuses). Shown on the overlay itself, because at that
 * moment the streamer is looking at it in OBS.
 *
 * @csspart card - The card.
 * @csspart item - One thing to fix.
 */
@customElement('ovl-setup-card')
export class OvlSetupCard extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      display: grid;
      place-items: center;
      font: 16px/1.5 system-ui, sans-serif;
    }
    .card {
      max-width: min(560px, calc(100vw - 32px));
      background: #1f1f23;
      color: #efeff1;
      border-left: 6px solid #e74c3c;
      border-radius: 10px;
      padding: 20px 24px;
      box-shadow: 0 8px 30px rgba(0, 0, 0, 0.5);
    }
    h1 {
      font-size: 20px;
      margin: 0 0 8px;
    }
    ul {
      margin: 8px 0 12px;
      padding-left: 20px;
    }
    a {
      color: #bf94ff;
    }
    code {
      font: 0.9em ui-monospace, monospace;
      background: #0e0e10;
      border-radius: 3px;
      padding: 0 4px;
    }
  `;

  /** e.g. "Chat overlay". */
  @property() overlay = 'This overlay';
  /** What to fix, one sentence each; `code` spans are shown as code. */
  @property({ attribute: false }) items: readonly string[] = [];
  /** Where to make a working URL. */
  @property() builderUrl = '';

  protected override render() {
    return html`<div part="card" class="card" role="alert">
      <h1>${this.overlay} needs setting up</h1>
      <ul>
        ${this.items.map((item) => html`<li part="item">${inlineCode(item)}</li>`)}
      </ul>
      ${this.builderUrl ? html`<a href=${this.builderUrl} target="_blank" rel="noopener">Open the setup page to build a working link</a>` : ''}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-setup-card': OvlSetupCard;
  }
}
