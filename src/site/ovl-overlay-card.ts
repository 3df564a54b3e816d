import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { paramName } from '../config/schema.js';
import { overlayUrl } from '../config/overlay-url.js';
import type { GuidedOverlay } from '../registry/overlay-guide.js';
import { fire } from '../core/element-events.js';
import { checkFields } from './builder-values.js';
import type { OverlayDraft } from './overlay-draft.js';
import { obsDropUrl, overlayLink, overlayPage } from './overlay-link.js';
import type { TextClipboard } from './copy-text.js';
import { controlStyles, panelStyles } from './site-styles.js';
import './ovl-scaled-preview.js';
import './ovl-link-actions.js';

/**
 * One overlay in the gallery: its live `?demo` preview at its OBS size (started once it scrolls
 * into view), its title and what it does, a "Mine" switch, and, once picked, its link to copy or
 * drag into OBS, or what it still needs.
 *
 * @fires ovl-pick - `boolean`: the streamer switched "Mine" on or off
 * @fires ovl-open - the streamer opened the overlay's settings (a plain click; others follow the link)
 * @csspart mine - The "Mine" switch.
 * @csspart need - What the link still needs.
 * @csspart link - The URL actions (`ovl-link-actions`).
 * @csspart settings - The link to the overlay's settings.
 */
@customElement('ovl-overlay-card')
export class OvlOverlayCard extends LitElement {
  static override styles = [
    controlStyles,
    panelStyles,
    css`
      :host {
        padding: 12px;
        min-width: 0;
        --preview-max-height: 180px;
      }
      /* Every card's preview takes the same room, whatever the overlay's shape. */
      .stage {
        height: var(--preview-max-height);
        display: flex;
        align-items: center;
      }
      .stage ovl-scaled-preview {
        flex: 1;
      }
      :host([picked]) {
        border-color: #9146ff;
      }
      h3 {
        font-size: 16px;
        margin: 10px 0 2px;
      }
      p {
        margin: 0 0 8px;
        color: #c8c8d0;
      }
      .mine {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        font-weight: 600;
      }
      [part='need'] {
        color: #ffe08a;
        margin-top: 6px;
      }
      [part='settings'] {
        display: inline-block;
        margin-top: 8px;
        color: #d1b3ff;
      }
    `,
  ];

  @property({ attribute: false }) overlay!: GuidedOverlay;
  @property({ attribute: false }) draft!: OverlayDraft;
  /** Where the links point (the folder holding `overlays/`); empty: this page's own folder. */
  @property() base = '';
  @property({ type: Boolean, reflect: true }) picked = false;
  /** The address of the overlay's settings view. */
  @property() settingsHref = '';
  @property({ attribute: false }) clipboard: TextClipboard | undefined = navigator.clipboard;

  private watched: OverlayDraft | null = null;
  private readonly onDraftChange = () => this.requestUpdate();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watched?.removeEventListener('change', this.onDraftChange);
    this.watched = null;
  }

  protected override willUpdate(): void {
    if (this.watched === this.draft) return;
    this.watched?.removeEventListener('change', this.onDraftChange);
    this.watched = this.draft;
    this.draft.addEventListener('change', this.onDraftChange);
  }

  /** The overlay's link, or '' while it needs something. */
  get url(): string {
    return overlayLink(this.overlay.schema, this.draft.texts, `overlays/${this.overlay.name}/`, this.base);
  }

  /** What the link still needs, in a sentence; '' when it is ready. */
  private need(): string {
    const { problems } = checkFields(this.overlay.schema, this.draft.texts);
    const [first] = problems;
    if (!first) return '';
    const missing = (key: string) => problems.some((problem) => problem.missing && problem.param === paramName(key));
    if (missing('token')) return 'Connect with Twitch above to put its token in the link.';
    if (missing('channel')) return 'Connect with Twitch above, or type its channel in its settings.';
    return `Open its settings to fix: ${first.message}`;
  }

  private onOpen(event: MouseEvent): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    fire(this, 'ovl-open', undefined);
  }

  private renderLink() {
    const url = this.url;
    const need = this.need();
    const { title, obs } = this.overlay;
    return html`${need ? html`<div part="need">${need}</div>` : nothing}
      <ovl-link-actions part="link" compact url=${url} dropUrl=${url && !obs.dock ? obsDropUrl(url, title, obs) : ''} label=${title} placeholder="No link yet"
        .clipboard=${this.clipboard}></ovl-link-actions>`;
  }

  protected override render() {
    const { name, title, about, obs } = this.overlay;
    const demo = overlayUrl(overlayPage(`overlays/${name}/`, ''), {}, {}, { demo: '' });
    return html`<div class="stage">
        <ovl-scaled-preview lazy src=${demo} .width=${obs.width} .height=${obs.height} label=${`Preview of the ${title} on the simulator`}></ovl-scaled-preview>
      </div>
      <h3 id="title">${title}</h3>
      <p>${about}</p>
      <label class="mine"
        ><input part="mine" type="checkbox" role="switch" .checked=${this.picked} aria-describedby="title"
          @change=${(e: Event) => fire(this, 'ovl-pick', (e.target as HTMLInputElement).checked)} />
        Mine: make its link<span class="visually-hidden"> (the ${title})</span></label
      >
      ${this.picked ? this.renderLink() : nothing}
      <div><a part="settings" href=${this.settingsHref} @click=${this.onOpen}>Settings and preview<span class="visually-hidden"> of the ${title}</span></a></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-overlay-card': OvlOverlayCard;
  }
  interface HTMLElementEventMap {
    'ovl-pick': CustomEvent<boolean>;
    'ovl-open': CustomEvent<undefined>;
  }
}
