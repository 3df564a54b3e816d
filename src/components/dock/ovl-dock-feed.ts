import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { EVENT_KINDS, isAlertEvent, type EventKind } from '../../domain/stream-event.js';
import type { HistoryRecord } from '../../sources/history/history-record.js';
import { KIND_COLORS } from '../alerts/alert-settings.js';
import { eventIcon } from '../event-list/event-icons.js';
import { rowText } from '../event-list/event-rows.js';
import { sendCommand } from './dock-command.js';
import { dockSectionStyles } from './dock-styles.js';

const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** When an event arrived: the time today, the day before that. */
function when(receivedAt: number, now: number): string {
  const date = new Date(receivedAt);
  return new Date(now).toDateString() === date.toDateString() ? time.format(date) : day.format(date);
}

/**
 * The dock's Activity feed: every event it is given, newest first, one row each with its kind's
 * icon, who did what and how much, and when; a filter by kind; and Replay per row, which asks
 * every alert box to show that event again (the stream going live or offline is a plain row). Names and titles are text, never HTML.
 *
 * @fires ovl-dock-command - `replay` with the row's event.
 * @csspart rows - The list of rows.
 * @csspart row - One event; `data-kind` is its kind.
 * @csspart text - Who did what and how much.
 */
@customElement('ovl-dock-feed')
export class OvlDockFeed extends LitElement {
  static override styles = [
    dockSectionStyles,
    css`
      .icon {
        width: 16px;
        height: 16px;
        flex: none;
      }
      .icon svg {
        width: 100%;
        height: 100%;
        fill: currentColor;
      }
      /* The rows scroll inside the section, so the sections below stay in reach. */
      .rows {
        max-height: 40vh;
        overflow-y: auto;
      }
    `,
  ];

  /** The events to list, newest first (the page keeps them bounded). */
  @property({ attribute: false }) records: readonly HistoryRecord[] = [];
  /** The kind shown; empty: every kind. */
  @state() private kind: EventKind | '' = '';

  protected override render() {
    const now = Date.now();
    const shown = this.kind ? this.records.filter((record) => record.event.kind === this.kind) : this.records;
    return html`<section aria-labelledby="feed-title">
      <h2 id="feed-title">Activity feed</h2>
      <label class="muted"
        >Show
        <select @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as EventKind | '')}>
          <option value="">every kind</option>
          ${EVENT_KINDS.map((kind) => html`<option value=${kind} ?selected=${kind === this.kind}>${kind}</option>`)}
        </select></label
      >
      <ul part="rows" class="rows">
        ${shown.map(
          ({ event, receivedAt }) =>
            html`<li part="row" class="row" data-kind=${event.kind}>
              <span class="icon" style=${styleMap({ color: KIND_COLORS[event.kind] })}>${eventIcon(event.kind)}</span>
              <span part="text" class="grow">${rowText(event)}</span>
              <time class="muted" datetime=${new Date(receivedAt).toISOString()}>${when(receivedAt, now)}</time>
              ${isAlertEvent(event) ? html`<button @click=${() => sendCommand(this, { kind: 'replay', event })}>Replay</button>` : nothing}
            </li>`,
        )}
      </ul>
      ${shown.length === 0 ? html`<p class="muted">No events yet.</p>` : ''}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-dock-feed': OvlDockFeed;
  }
}
