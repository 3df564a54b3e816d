import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { hasSecrets, maskSecrets } from './mask-secrets.js';
import { copyText, type CopyOutcome, type TextClipboard } from './copy-text.js';
import { controlStyles } from './site-styles.js';
import { withoutSecrets } from './overlay-link.js';

const COPY_MESSAGES: Record<CopyOutcome, string> = {
  copied: 'Copied.',
  unavailable: 'This page cannot use the clipboard (browsers allow it only on https:// or on localhost). The URL is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  refused: 'The browser refused to copy. The URL is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
};

const DRAG_HELP = 'Drag this link onto the OBS preview to add the overlay as a Browser Source, named and sized; or use Copy URL.';

/**
 * What the streamer does with an overlay's link: **Copy URL** (the clean URL, whole) and
 * **Drag into OBS**, whose dragged URL also names and sizes the Browser Source OBS makes of it.
 * The drag link's `href` has no secret (it shows in the status bar on hover); the full URL is
 * set when the drag starts. Secrets after the # show as dots unless revealed.
 *
 * @csspart url - The URL (secrets masked unless revealed).
 * @csspart copy - The Copy URL button.
 * @csspart drag - The Drag into OBS link.
 * @csspart copy-status - What became of the last copy, or how to drag.
 * @csspart secret-note - The warning not to show the page on stream, when the URL carries a secret.
 */
@customElement('ovl-link-actions')
export class OvlLinkActions extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      .url {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
        margin: 8px 0 4px;
      }
      [part='url'] {
        flex: 1 1 12em;
        min-width: 0;
      }
      [part='drag'] {
        display: inline-block;
        padding: 5px 12px;
        border: 1px solid #bf94ff;
        border-radius: 4px;
        color: #e5d4ff;
        text-decoration: none;
        cursor: grab;
      }
      .secret-note {
        color: #ffb3a7;
      }
      button:disabled {
        opacity: 0.6;
        cursor: default;
      }
    `,
  ];

  /** The overlay's URL for OBS, whole; empty while its settings have a problem. */
  @property() url = '';
  /** The URL a drag carries into OBS (with `layer-*`); empty: no Drag into OBS link. */
  @property() dropUrl = '';
  /** The overlay's title, naming the controls for assistive technology. */
  @property() label = '';
  /** Shown in place of the URL while there is none. */
  @property() placeholder = 'Fix the settings marked ⚠ to get a URL';
  /** Show the URL only after a copy fails (a gallery card); it is always shown otherwise. */
  @property({ type: Boolean }) compact = false;
  /** Where "Copy URL" writes; none on an insecure page. Tests inject their own. */
  @property({ attribute: false }) clipboard: TextClipboard | undefined = navigator.clipboard;

  @state() private revealed = false;
  @state() private status: string | null = null;
  @state() private showUrl = false;

  @query('[part="url"]') private urlBox!: HTMLInputElement | null;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('url')) this.status = null;
  }

  /** Copies the URL, or says why it could not and selects it for Ctrl+C. */
  async copy(): Promise<CopyOutcome> {
    const outcome = await copyText(this.url, this.clipboard);
    if (outcome !== 'copied') {
      // Selecting dots is no use: show the real URL so it can be copied by hand.
      this.revealed = true;
      this.showUrl = true;
      await this.updateComplete;
      this.urlBox?.focus();
      this.urlBox?.select();
    }
    this.status = COPY_MESSAGES[outcome];
    return outcome;
  }

  private onDragStart(event: DragEvent): void {
    const transfer = event.dataTransfer;
    if (!transfer) return;
    // The link's own href carries no secret; what OBS receives is the whole URL.
    transfer.clearData();
    transfer.setData('text/uri-list', this.dropUrl);
    transfer.setData('text/plain', this.dropUrl);
    transfer.effectAllowed = 'copyLink';
  }

  private onDragClick(event: Event): void {
    event.preventDefault();
    this.status = DRAG_HELP;
  }

  protected override render() {
    const { url } = this;
    const secret = hasSecrets(url);
    const name = this.label ? ` (${this.label})` : '';
    const box =
      !this.compact || this.showUrl || !url
        ? html`<input part="url" type="text" readonly .value=${secret && !this.revealed ? maskSecrets(url) : url} placeholder=${this.placeholder} aria-label=${`URL for OBS${name}`} />`
        : nothing;
    return html`<div class="url">
        ${box}
        <button type="button" part="copy" ?disabled=${!url} aria-label=${`Copy URL${name}`} @click=${this.copy}>Copy URL</button>
        ${url && this.dropUrl
          ? html`<a part="drag" href=${withoutSecrets(url)} draggable="true" title="Drag onto the OBS preview" aria-label=${`Drag into OBS${name}`}
              @dragstart=${this.onDragStart} @click=${this.onDragClick}>Drag into OBS</a>`
          : nothing}
      </div>
      ${secret && (!this.compact || this.showUrl)
        ? html`<label class="doc"><input class="reveal" type="checkbox" .checked=${this.revealed} @change=${(e: Event) => (this.revealed = (e.target as HTMLInputElement).checked)} /> Show
              what follows the #</label>
            <div class="doc secret-note" part="secret-note">This link carries a secret after the #: do not show this page on stream.</div>`
        : nothing}
      <div class="doc" part="copy-status" role="status">${this.status ?? nothing}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-link-actions': OvlLinkActions;
  }
}
