import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

/**
 * An overlay page shown at the size it has in OBS, scaled down to fit: the page lays itself out
 * at `width` × `height` as in its Browser Source, and the frame is shrunk to the box (never
 * wider than it, nor taller than `--preview-max-height`). With `lazy`, the page starts only once
 * the preview scrolls into view. It is a picture of the overlay, so it takes no focus or clicks.
 *
 * @csspart frame - The iframe.
 * @cssprop --preview-max-height - The tallest the scaled preview may be (default 520px).
 */
@customElement('ovl-scaled-preview')
export class OvlScaledPreview extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-width: 0;
    }
    .box {
      position: relative;
      overflow: hidden;
      margin: 0 auto;
      border: 1px dashed #4d4d55;
      border-radius: 6px;
      background: repeating-conic-gradient(#26262c 0% 25%, #1f1f23 0% 50%) 50% / 24px 24px;
    }
    iframe {
      position: absolute;
      top: 0;
      left: 0;
      border: 0;
      transform-origin: 0 0;
      background: transparent;
    }
  `;

  @property() src = '';
  /** The overlay's size in OBS, in CSS pixels. */
  @property({ type: Number }) width = 800;
  @property({ type: Number }) height = 600;
  /** Start the page only once the preview is on screen. */
  @property({ type: Boolean }) lazy = false;
  /** Names the frame for assistive technology. */
  @property() label = 'Preview';

  @state() private started = false;
  /** The address whose page has loaded in the frame. */
  private loadedSrc = '';
  @state() private available = { width: 0, height: 0 };

  @query('iframe') private frameElement!: HTMLIFrameElement | null;

  // Only the width matters (the height follows from it); the new size is drawn in the next frame,
  // so the height it gives the host is not observed again within this one.
  private readonly resizes = new ResizeObserver(([entry]) => {
    const width = entry?.contentRect.width ?? 0;
    if (width === this.available.width) return;
    const maxHeight = parseFloat(getComputedStyle(this).getPropertyValue('--preview-max-height')) || 520;
    requestAnimationFrame(() => (this.available = { width, height: maxHeight }));
  });
  private readonly sightings = new IntersectionObserver(([entry]) => {
    if (!entry?.isIntersecting) return;
    this.started = true;
    this.sightings.disconnect();
  });

  /** The frame once the page has started; null before. */
  get frame(): HTMLIFrameElement | null {
    return this.frameElement;
  }

  /** Whether the page now asked for has loaded. */
  get loaded(): boolean {
    return this.frameElement !== null && this.loadedSrc === this.frameElement.src;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizes.observe(this);
    if (this.lazy && !this.started) this.sightings.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizes.disconnect();
    this.sightings.disconnect();
  }

  protected override render() {
    const scale = Math.min(1, this.available.width / this.width || 1, this.available.height / this.height || 1);
    const box = `width:${Math.floor(this.width * scale)}px;height:${Math.floor(this.height * scale)}px`;
    const frame = `width:${this.width}px;height:${this.height}px;transform:scale(${scale})`;
    const running = (this.started || !this.lazy) && this.src && this.available.width > 0;
    return html`<div class="box" style=${box} inert>
      ${running ? html`<iframe part="frame" title=${this.label} tabindex="-1" style=${frame} src=${this.src}
            @load=${() => (this.loadedSrc = this.frameElement?.src ?? '')}></iframe>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-scaled-preview': OvlScaledPreview;
  }
}
