import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ALERT_KINDS, type AlertEvent, type AlertKind } from '../../domain/stream-event.js';
import { sendCommand } from './dock-command.js';
import { dockSectionStyles } from './dock-styles.js';

/**
 * The dock's Test buttons, one per alert kind (Test follow, Test cheer, …): each plays a made-up
 * event of its kind on every open alert box, with that box's own templates.
 *
 * @fires ovl-dock-command - `test` with the made-up event.
 */
@customElement('ovl-dock-test-buttons')
export class OvlDockTestButtons extends LitElement {
  static override styles = dockSectionStyles;

  /** Makes the made-up event (the page hands the simulator's); a button does nothing without it. */
  @property({ attribute: false }) sampleEvent: ((kind: AlertKind) => Promise<AlertEvent>) | null = null;

  private async test(kind: AlertKind): Promise<void> {
    if (this.sampleEvent) sendCommand(this, { kind: 'test', event: await this.sampleEvent(kind) });
  }

  protected override render() {
    return html`<section aria-labelledby="test-title">
      <h2 id="test-title">Test</h2>
      <div class="buttons">${ALERT_KINDS.map((kind) => html`<button @click=${() => void this.test(kind)}>Test ${kind}</button>`)}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-dock-test-buttons': OvlDockTestButtons;
  }
}
