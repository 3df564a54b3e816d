import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { MAX_TIMER_MINUTES } from '../../domain/widget-commands.js';
import { sendCommand } from './dock-command.js';
import { dockSectionStyles } from './dock-styles.js';


/**
 * A fresh id for one press of Add time: every timer page hears it, and their shared state counts
 * each id once. Not `crypto.randomUUID()`, which OBS's local-file pages (`http://absolute/`,
 * not a secure context) do not have.
 */
function pressId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The dock's buttons for the subathon timer (Start timer, Pause timer, Resume timer, Add time,
 * Reset timer) and the end credits (Roll credits). A page that is not open does not answer;
 * the timer's own page keeps its state, so a press reaches every timer page of the origin.
 *
 * @fires ovl-dock-command - `timer` with its action, `credits-roll`.
 */
@customElement('ovl-dock-widget-controls')
export class OvlDockWidgetControls extends LitElement {
  static override styles = dockSectionStyles;

  /** Minutes Add time adds (negative: takes off). */
  @state() private minutes = 5;

  private addTime(): void {
    if (this.minutes !== 0) sendCommand(this, { kind: 'timer', action: 'add', minutes: this.minutes, id: pressId() });
  }

  private readMinutes(input: HTMLInputElement): void {
    const minutes = Math.round(Number(input.value));
    this.minutes = Number.isFinite(minutes) ? Math.max(-MAX_TIMER_MINUTES, Math.min(MAX_TIMER_MINUTES, minutes)) : 0;
  }

  protected override render() {
    const timer = (action: 'start' | 'pause' | 'resume' | 'reset') => () => sendCommand(this, { kind: 'timer', action });
    return html`<section aria-labelledby="widgets-title">
      <h2 id="widgets-title">Timer and credits</h2>
      <div class="buttons">
        <button @click=${timer('start')}>Start timer</button>
        <button @click=${timer('pause')}>Pause timer</button>
        <button @click=${timer('resume')}>Resume timer</button>
        <button @click=${timer('reset')}>Reset timer</button>
      </div>
      <div class="buttons">
        <label>Minutes <input type="number" min=${-MAX_TIMER_MINUTES} max=${MAX_TIMER_MINUTES} step="1" .value=${String(this.minutes)} @input=${(e: Event) => this.readMinutes(e.target as HTMLInputElement)} /></label>
        <button @click=${() => this.addTime()}>Add time</button>
        <button @click=${() => sendCommand(this, { kind: 'credits-roll' })}>Roll credits</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-dock-widget-controls': OvlDockWidgetControls;
  }
}
