import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sendCommand } from './dock-command.js';
import { dockSectionStyles } from './dock-styles.js';

/**
 * The dock's Alert queue controls for every open alert box: Pause alerts / Resume alerts (with
 * how many wait meanwhile), Skip alert, Mute alert sounds / Unmute alert sounds, Clear queue.
 *
 * @fires ovl-dock-command - `alert-state` with the new pause and mute, `skip`, `clear-queue`.
 * @csspart queue - How many alerts wait, on how many alert boxes.
 */
@customElement('ovl-dock-alert-controls')
export class OvlDockAlertControls extends LitElement {
  static override styles = dockSectionStyles;

  /** The streamer's pause, as the dock keeps it. */
  @property({ type: Boolean }) paused = false;
  @property({ type: Boolean }) muted = false;
  /** Alerts waiting over every open alert box, as their presence says. */
  @property({ type: Number }) waiting = 0;
  /** Open alert boxes. */
  @property({ type: Number }) boxes = 0;

  private queueText(): string {
    if (this.boxes === 0) return 'No alert box open.';
    return `${this.waiting} waiting${this.paused ? ' (paused)' : ''} on ${this.boxes === 1 ? '1 alert box' : `${this.boxes} alert boxes`}.`;
  }

  protected override render() {
    const state = (paused: boolean, muted: boolean) => () => sendCommand(this, { kind: 'alert-state', paused, muted });
    return html`<section aria-labelledby="alerts-title">
      <h2 id="alerts-title">Alert queue controls</h2>
      <div class="buttons" role="group" aria-labelledby="alerts-title">
        <button class=${this.paused ? 'on' : ''} @click=${state(!this.paused, this.muted)}>${this.paused ? 'Resume alerts' : 'Pause alerts'}</button>
        <button @click=${() => sendCommand(this, { kind: 'skip' })}>Skip alert</button>
        <button class=${this.muted ? 'on' : ''} @click=${state(this.paused, !this.muted)}>${this.muted ? 'Unmute alert sounds' : 'Mute alert sounds'}</button>
        <button @click=${() => sendCommand(this, { kind: 'clear-queue' })}>Clear queue</button>
      </div>
      <p part="queue" class="muted" role="status">${this.queueText()}</p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-dock-alert-controls': OvlDockAlertControls;
  }
}
