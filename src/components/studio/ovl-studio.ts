import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Studio } from '../../video/studio.js';
import { studioStatsRows } from './studio-stats.js';
import { fire } from '../../core/element-events.js';

/**
 * The studio's controls: a live preview of the generated stream, the WHIP endpoint and stream
 * key (held in this page only: never written to the URL or to storage), Start/Stop for
 * publishing and for the local recording, and the live numbers.
 *
 * @csspart preview - The preview frame.
 * @csspart publish - The publish button.
 * @csspart record - The record button.
 * @csspart download - The link to the last recording.
 * @csspart stats - The numbers table.
 * @csspart status - The state line.
 * @csspart error - The last error.
 * @fires ovl-studio-chat - (demo) text typed as if said in chat; detail: the text. Not bubbling.
 */
@customElement('ovl-studio')
export class OvlStudio extends LitElement {
  static override styles = css`
    /* A control page, in a browser tab or a narrow OBS dock (400 px wide, say): everything
       wraps to the width and the page scrolls (overlays/studio/index.html lets it). */
    :host {
      display: grid;
      gap: 12px;
      max-width: 980px;
      margin: 0 auto;
      padding: 12px;
      box-sizing: border-box;
      font: 14px/1.45 system-ui, sans-serif;
      color: #efeff1;
      background: #18181b;
      border-radius: 10px;
    }
    .preview {
      background: #000;
      border-radius: 6px;
      overflow: hidden;
      line-height: 0;
    }
    /* At most half the window tall, so the controls and numbers are never far below. */
    .preview canvas {
      display: block;
      margin: 0 auto;
      width: auto;
      height: auto;
      max-width: 100%;
      max-height: 50vh;
    }
    form,
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: end;
    }
    label {
      display: grid;
      gap: 2px;
      flex: 1 1 260px;
      min-width: 0;
    }
    input {
      font: inherit;
      padding: 6px 8px;
      border-radius: 6px;
      border: 1px solid #53535f;
      background: #0e0e10;
      color: inherit;
    }
    button,
    a.button {
      font: inherit;
      font-weight: 600;
      padding: 7px 14px;
      border: 0;
      border-radius: 6px;
      background: #9146ff;
      color: #fff;
      cursor: pointer;
      text-decoration: none;
    }
    button.stop {
      background: #eb0400;
    }
    button:disabled {
      opacity: 0.5;
      cursor: default;
    }
    table {
      border-collapse: collapse;
    }
    td,
    .error,
    .warning {
      overflow-wrap: anywhere;
    }
    @media (min-width: 720px) {
      :host {
        margin: 16px auto;
        padding: 16px;
      }
    }
    th {
      text-align: left;
      font-weight: 400;
      color: #adadb8;
      padding-right: 16px;
    }
    .error {
      color: #ffb3a7;
    }
    .warning {
      color: #ffe08a;
    }
  `;

  @property({ attribute: false }) studio: Studio | null = null;
  /** Prefilled from the `#fragment`; edited here; never stored. */
  @property({ attribute: false }) endpoint = '';
  @property({ attribute: false }) key = '';
  /** Shows a box to type chat commands into (the demo has no real chat). */
  @property({ type: Boolean }) demo = false;
  /** Set when OBS hides the source. Ignored on purpose: a live stream must not stop with it. */
  paused = false;
  // The studio's numbers and state are its own, not this element's properties: redraw on `change`.
  private readonly refresh = () => this.requestUpdate();
  private listened: Studio | null = null;

  protected override willUpdate(): void {
    if (this.listened === this.studio) return;
    this.listened?.removeEventListener('change', this.refresh);
    this.studio?.addEventListener('change', this.refresh);
    this.listened = this.studio;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.listened?.removeEventListener('change', this.refresh);
    this.listened = null;
  }

  protected override render() {
    const studio = this.studio;
    if (!studio) return nothing;
    const publisher = studio.publisher;
    const streaming = publisher?.status.state ?? 'idle';
    const recording = studio.recorder?.recording ?? false;
    // The error is the current state's (`status.error`), not `lastError`: once connected again,
    // an old failure is history, not something to fix.
    return html`
      <div class="preview" part="preview">${studio.video.canvas}</div>
      <form @submit=${this.onPublish}>
        <label>WHIP endpoint <input name="endpoint" type="url" placeholder="Twitch (https://g.webrtc.live-video.net:4443/v2/offer)" .value=${this.endpoint} @input=${(e: Event) => (this.endpoint = (e.target as HTMLInputElement).value)} /></label>
        <label>Stream key <input name="key" type="password" autocomplete="off" .value=${this.key} @input=${(e: Event) => (this.key = (e.target as HTMLInputElement).value)} /></label>
        ${publisher
          ? html`<button part="publish" class="stop" type="button" @click=${() => studio.unpublish()}>Stop streaming</button>`
          : html`<button part="publish" type="submit" ?disabled=${!this.key && !this.endpoint}>Start streaming</button>`}
      </form>
      <div class="row">
        ${studio.recorder
          ? recording
            ? html`<button part="record" class="stop" @click=${() => void studio.stopRecording()}>Stop recording (${Math.round(studio.recorder.seconds)} s)</button>`
            : html`<button part="record" @click=${() => studio.startRecording()}>Record locally</button>`
          : html`<span class="warning">This browser cannot record in the chosen format.</span>`}
        ${studio.recordingUrl && !recording
          ? html`<a part="download" class="button" href=${studio.recordingUrl} download=${`studio-recording.${studio.recorder?.extension ?? 'webm'}`}>Download recording</a>`
          : nothing}
        ${this.demo
          ? html`<form @submit=${this.onSimulateChat}><label>Say in chat (try red, green, blue or 660) <input name="chat" /></label></form>`
          : nothing}
      </div>
      <div part="status">Streaming: ${streaming}${publisher?.status.retryInMs !== undefined && streaming === 'reconnecting' ? `, next try in ${Math.round(publisher.status.retryInMs / 1000)} s` : ''}</div>
      ${publisher?.status.error ? html`<div part="error" class="error">${publisher.status.error.message}</div>` : nothing}
      ${studio.setupProblem ? html`<div class="warning">${studio.setupProblem}</div>` : nothing}
      ${studio.warnings.map((warning) => html`<div class="warning">${warning}</div>`)}
      <table part="stats">
        ${studioStatsRows(studio).map(([name, value]) => html`<tr><th>${name}</th><td>${value}</td></tr>`)}
      </table>
    `;
  }

  private onPublish(event: Event): void {
    event.preventDefault();
    // Twitch needs the stream key; another WHIP server may take none.
    if (this.key || this.endpoint) this.studio?.publish(this.endpoint.trim(), this.key.trim());
  }

  private onSimulateChat(event: Event): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('chat') as HTMLInputElement;
    if (!input.value.trim()) return;
    fire(this, 'ovl-studio-chat', input.value);
    input.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-studio': OvlStudio;
  }
  interface HTMLElementEventMap {
    'ovl-studio-chat': CustomEvent<string>;
  }
}
