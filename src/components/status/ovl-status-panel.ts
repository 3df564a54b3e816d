import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Source } from '../../core/source.js';
import type { ConfigProblem } from '../../core/config-problem.js';
import { awayText } from './away-text.js';

const STATE_COLORS: Record<string, string> = {
  connected: '#2ecc71',
  connecting: '#f1c40f',
  reconnecting: '#e67e22',
  error: '#e74c3c',
  stopped: '#95a5a6',
  idle: '#95a5a6',
};

/** A recording being made (`?record`): what the panel counts and offers to save. The boot hands it its Recorder. */
export interface SavableRecording {
  /** Frames kept. */
  readonly size: number;
  /** The oldest frames dropped to bound memory. */
  readonly dropped: number;
  readonly fileName: string;
  toBlob(): Blob;
}

/**
 * The `?debug` view: one chip per source (state, retries, last error), the configuration
 * warnings, and free-form notes from the overlay (e.g. which emote services loaded).
 * Never shown without `?debug`, so the stream stays clean.
 *
 * @csspart chip - One source's chip.
 * @csspart problem - One configuration warning.
 * @csspart recording - With `?record`: what is recorded, and the Save recording button.
 */
@customElement('ovl-status-panel')
export class OvlStatusPanel extends LitElement {
  static override styles = css`
    :host {
      position: fixed;
      top: 8px;
      right: 8px;
      z-index: 2147483647;
      max-width: min(520px, calc(100vw - 16px));
      font: 13px/1.4 system-ui, sans-serif;
      color: #fff;
      pointer-events: none;
    }
    .chip,
    .problem,
    .note {
      background: rgba(0, 0, 0, 0.78);
      border-radius: 6px;
      padding: 4px 8px;
      margin-bottom: 4px;
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 50%;
      margin-right: 6px;
    }
    .name {
      font-weight: 700;
    }
    .error {
      color: #ffb3a7;
      display: block;
    }
    .recovered {
      color: #b8b8c0;
    }
    .warning {
      color: #ffe08a;
      display: block;
    }
    .problem {
      color: #ffe08a;
    }
    button {
      pointer-events: auto;
      font: inherit;
      color: inherit;
      background: #9146ff;
      border: 0;
      border-radius: 6px;
      padding: 4px 10px;
      cursor: pointer;
    }
  `;

  @property({ attribute: false }) sources: readonly Source[] = [];
  @property({ attribute: false }) problems: readonly ConfigProblem[] = [];
  /** Extra lines such as "7tv: 312 emotes" or "dropped 3 alerts". */
  @property({ attribute: false }) notes: readonly string[] = [];
  /** `?record`: offers the recording so far as a file. */
  @property({ attribute: false }) recorder: SavableRecording | null = null;

  private abort: AbortController | null = null;
  /** Keeps the recording's frame count current. */
  private ticker: ReturnType<typeof setInterval> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.listen();
    this.ticker = setInterval(() => this.recorder && this.requestUpdate(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
    if (this.ticker !== null) clearInterval(this.ticker);
  }

  private saveRecording(): void {
    const recorder = this.recorder;
    if (!recorder) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(recorder.toBlob());
    link.download = recorder.fileName;
    link.click();
    // The download has its own copy once started.
    setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('sources') && this.isConnected) this.listen();
  }

  private listen(): void {
    this.abort?.abort();
    this.abort = new AbortController();
    // A source's status is its own state, not a property of this element: redraw on its events.
    const refresh = () => this.requestUpdate();
    for (const source of this.sources) {
      source.addEventListener('status', refresh, { signal: this.abort.signal });
      source.addEventListener('error', refresh, { signal: this.abort.signal });
    }
  }

  /** The failure behind the state; once connected again, the last one, muted, as history. */
  private renderError(source: Source) {
    const error = source.lastError;
    if (!error) return nothing;
    const recovered = source.status.state === 'connected';
    return html`<span class=${recovered ? 'error recovered' : 'error'}>${recovered ? 'recovered from ' : ''}${error.code}: ${error.message}</span>`;
  }

  protected override render() {
    return html`${this.sources.map((source) => {
        const { state: current, attempt, retryInMs } = source.status;
        const retry = current === 'reconnecting' ? ` · attempt ${attempt}${retryInMs !== undefined ? `, next in ${Math.round(retryInMs / 100) / 10} s` : ''}` : '';
        // Redrawn with each retry's status, so it stays current while the connection is gone.
        const since = source.awaySince;
        const away = since !== null && (current !== 'connecting' || attempt > 0) ? ` · ${awayText(Date.now() - since)}` : '';
        return html`<div part="chip" class="chip" data-source=${source.name} data-state=${current}>
          <span class="dot" style="background:${STATE_COLORS[current] ?? '#fff'}"></span><span class="name">${source.name}</span> ${current}${retry}${away}
          ${this.renderError(source)}${source.warning ? html`<span class="warning">⚠ ${source.warning}</span>` : nothing}
        </div>`;
      })}
      ${this.problems.map((p) => html`<div part="problem" class="problem">⚠ ${p.message}</div>`)}
      ${this.notes.map((note) => html`<div class="note">${note}</div>`)}
      ${this.recorder
        ? html`<div class="note" part="recording">
            ● recording: ${this.recorder.size} frames${this.recorder.dropped ? ` (${this.recorder.dropped} oldest dropped)` : ''}
            <button @click=${this.saveRecording}>Save recording</button>
          </div>`
        : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-status-panel': OvlStatusPanel;
  }
}
