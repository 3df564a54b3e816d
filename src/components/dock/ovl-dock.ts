import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AlertEvent, AlertKind } from '../../domain/stream-event.js';
import type { HistoryRecord } from '../../sources/history/history-record.js';
import type { RosterPage } from '../../sources/control/page-roster.js';
import { sendCommand } from './dock-command.js';
import { dockSectionStyles } from './dock-styles.js';
import './ovl-dock-feed.js';
import './ovl-dock-alert-controls.js';
import './ovl-dock-test-buttons.js';
import './ovl-dock-widget-controls.js';
import './ovl-dock-overlays.js';

/**
 * The streamer's control dock, laid out for an OBS Custom Browser Dock (300–500 px wide, any
 * height): the Activity feed, the Alert queue controls, the Test buttons, the subathon timer's
 * and end credits' buttons, the Hide overlays / Show overlays switch, the open Overlays and, slotted in by the page (`slot="chat"`), the
 * On-stream chat. It draws what the page gives it; every button fires `ovl-dock-command`,
 * which the page posts to the overlays.
 *
 * @slot chat - The On-stream chat section (`<ovl-dock-chat>`), when the page shows one.
 * @fires ovl-dock-command - Every command of its sections, and `hide` from the switch.
 */
@customElement('ovl-dock')
export class OvlDock extends LitElement {
  static override styles = [
    dockSectionStyles,
    css`
      :host {
        min-height: 100vh;
        box-sizing: border-box;
        padding: 8px;
        background: #1f202b;
        display: flex;
        flex-direction: column;
        gap: 14px;
        min-width: 0;
      }
      .switch.on {
        background: #7a3b3b;
      }
    `,
  ];

  @property({ attribute: false }) records: readonly HistoryRecord[] = [];
  @property({ attribute: false }) pages: readonly RosterPage[] = [];
  @property({ type: Boolean }) paused = false;
  @property({ type: Boolean }) muted = false;
  /** Every overlay is transparent (Hide overlays). */
  @property({ type: Boolean, attribute: 'overlays-hidden' }) overlaysHidden = false;
  /** Epoch ms of the latest presence round (token days). */
  @property({ type: Number }) now = 0;
  @property({ attribute: false }) sampleEvent: ((kind: AlertKind) => Promise<AlertEvent>) | null = null;

  protected override render() {
    const boxes = this.pages.filter((page) => !page.gone && page.report.alerts);
    const waiting = boxes.reduce((sum, page) => sum + (page.report.alerts?.waiting ?? 0), 0);
    return html`<ovl-dock-feed .records=${this.records}></ovl-dock-feed>
      <ovl-dock-alert-controls .paused=${this.paused} .muted=${this.muted} .waiting=${waiting} .boxes=${boxes.length}></ovl-dock-alert-controls>
      <ovl-dock-test-buttons .sampleEvent=${this.sampleEvent}></ovl-dock-test-buttons>
      <ovl-dock-widget-controls></ovl-dock-widget-controls>
      <section aria-labelledby="hide-title">
        <h2 id="hide-title">On stream</h2>
        <button class="switch ${this.overlaysHidden ? 'on' : ''}" @click=${() => sendCommand(this, { kind: 'hide', hidden: !this.overlaysHidden })}>
          ${this.overlaysHidden ? 'Show overlays' : 'Hide overlays'}
        </button>
        <span class="muted" role="status">${this.overlaysHidden ? 'Every overlay is transparent, also one opened now.' : ''}</span>
      </section>
      <ovl-dock-overlays .pages=${this.pages} .now=${this.now}></ovl-dock-overlays>
      <slot name="chat"></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-dock': OvlDock;
  }
}
