import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { realSchedule, type Schedule } from '../../core/schedule.js';
import { remainingAt, type SubathonState } from './subathon-clock.js';

/** `H:MM:SS` for a whole number of seconds. */
export function clockText(seconds: number): string {
  const s = Math.max(0, seconds);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** `+5:00`, `−1:30`, `+1:02:00` for an extension in ms. */
export function extensionText(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  const text = s >= 3600 ? clockText(s) : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return `${ms < 0 ? '−' : '+'}${text}`;
}

/** How long "+5:00" shows beside the clock. */
const EXTENSION_SHOWN_MS = 3000;

/**
 * A subathon countdown (`H:MM:SS`) drawn from its shared state (SubathonState): one text update
 * a second, on the second, and nothing else drawn while it counts; no timer at all while it
 * waits, is paused or over, or while OBS hides the source. When the state's length grows (an
 * event, Add time), the difference shows briefly beside the clock. At zero it shows the ending
 * text.
 *
 * @attr ending-text - What shows at zero (default "Subathon over!").
 * @csspart clock - The countdown, with `data-phase` `waiting`, `running`, `paused` or `over`.
 * @csspart extension - "+5:00" beside the clock, for a few seconds after an extension.
 * @csspart ending - The ending text.
 * @cssprop --ovl-subathon-font - Font family.
 * @cssprop --ovl-subathon-font-size - Text size (default 64px).
 * @cssprop --ovl-subathon-color - Text colour (default white).
 * @cssprop --ovl-subathon-extension-color - The "+5:00" colour (default #7cf29c).
 */
@customElement('ovl-subathon')
export class OvlSubathon extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 800 var(--ovl-subathon-font-size, 64px) / 1.1 var(--ovl-subathon-font, 'Inter', 'Segoe UI', Roboto, sans-serif);
      color: var(--ovl-subathon-color, #ffffff);
      text-shadow: 0 2px 4px rgba(0, 0, 0, 0.7);
      white-space: nowrap;
      contain: layout paint;
    }
    [part='clock'] {
      font-variant-numeric: tabular-nums;
    }
    [part='clock'][data-phase='paused'] {
      opacity: 0.6;
    }
    [part='extension'] {
      margin-left: 0.3em;
      font-size: 0.5em;
      vertical-align: middle;
      color: var(--ovl-subathon-extension-color, #7cf29c);
      display: inline-block;
      animation: ovl-subathon-up 3s ease-out forwards;
    }
    @keyframes ovl-subathon-up {
      from {
        opacity: 0;
        transform: translateY(0.6em);
      }
      15%,
      80% {
        opacity: 1;
        transform: none;
      }
      to {
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      [part='extension'] {
        animation: none;
      }
    }
  `;

  /** The timer's state; the page that owns it sets it anew on every change. */
  @property({ attribute: false }) state: SubathonState | null = null;
  @property({ attribute: 'ending-text' }) endingText = 'Subathon over!';
  /** Set while OBS hides the source: no ticks. */
  @property({ type: Boolean, reflect: true }) paused = false;
  /** Runs the ticks; tests step it by hand. */
  @property({ attribute: false }) schedule: Schedule = realSchedule;
  @property({ attribute: false }) now: () => number = Date.now;

  /** The extension on show, with its id so a new one replaces it. */
  @state() private extension: { ms: number; key: number } | null = null;
  private cancelTick: (() => void) | null = null;
  private cancelExtension: (() => void) | null = null;
  private extensions = 0;

  /** Whole seconds left now. */
  get seconds(): number {
    return this.state ? Math.ceil(remainingAt(this.state, this.now()) / 1000) : 0;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const before = changed.get('state') as SubathonState | null | undefined;
    if (before && this.state && this.state.totalMs !== before.totalMs) this.showExtension(this.state.totalMs - before.totalMs);
  }

  protected override updated(): void {
    this.tickLater();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelTick?.();
    this.cancelTick = null;
    this.cancelExtension?.();
    this.cancelExtension = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.requestUpdate();
  }

  private showExtension(ms: number): void {
    this.cancelExtension?.();
    this.extension = { ms, key: ++this.extensions };
    this.cancelExtension = this.schedule(() => (this.extension = null), EXTENSION_SHOWN_MS);
  }

  /** One tick when the shown second changes, only while running, visible and connected. */
  private tickLater(): void {
    this.cancelTick?.();
    this.cancelTick = null;
    const state = this.state;
    if (!state || state.phase !== 'running' || this.paused || !this.isConnected) return;
    const left = remainingAt(state, this.now());
    if (left <= 0) return;
    this.cancelTick = this.schedule(() => {
      this.cancelTick = null;
      this.requestUpdate();
    }, left % 1000 || 1000);
  }

  protected override render() {
    const state = this.state;
    if (!state) return nothing;
    const seconds = this.seconds;
    const over = state.phase === 'running' && seconds <= 0;
    if (over) return html`<span part="ending">${this.endingText}</span>`;
    const extension = this.extension;
    return html`<span part="clock" data-phase=${state.phase}>${clockText(seconds)}</span>${extension ? keyed(extension.key, html`<span part="extension">${extensionText(extension.ms)}</span>`) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-subathon': OvlSubathon;
  }
}
