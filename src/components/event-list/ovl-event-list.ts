import { html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import type { EventKind, StreamEvent } from '../../domain/stream-event.js';
import { SourceElement } from '../../controllers/source-element.js';
import { KIND_COLORS } from '../alerts/alert-settings.js';
import { eventIcon } from './event-icons.js';
import { SeenMessages } from '../../sources/eventsub/seen-messages.js';
import { isListed, withEvent, type EventRow } from './event-rows.js';
import { eventListStyles } from './ovl-event-list.styles.js';

/** What the element listens to: normalised stream events (StreamEventSource). */
export type EventListFeed = TypedEventTarget<{ event: StreamEvent }>;

export type EventListMode = 'sidebar' | 'ticker';

/**
 * The latest stream events, newest first: one row per event with its kind's icon and a short
 * line ("Cool_User cheered 100 bits"). A burst of follows folds into one "N new followers"
 * row. Progress updates of hype trains, polls, predictions and goals are left out (their begin
 * and end are listed). The list never holds more than `max` rows, however many events arrive.
 * An event comes once, however often it is given (by id: the page fills the list from the event
 * history, and Twitch may deliver that event again live). Names and titles are shown as text,
 * never as HTML.
 *
 * @attr mode - `sidebar` (a column) or `ticker` (one scrolling line).
 * @attr max - The most rows shown (default 10).
 * @attr follow-burst - Seconds within which follows fold into the newest follow row; 0: never.
 * @attr paused - Set while OBS hides the source: the ticker stands still.
 * @csspart list - The list of rows (a column, or the ticker's moving line).
 * @csspart row - One event; also has the class of its kind (`follow`, `raid`, …) and `data-kind`.
 * @csspart icon - The kind's icon, drawn in the kind's colour.
 * @csspart text - The event's line.
 * @cssprop --ovl-events-font - Font family.
 * @cssprop --ovl-events-font-size - Text size (default 24px).
 * @cssprop --ovl-events-color - Text colour (default white).
 * @cssprop --ovl-events-background - A row's background (default translucent dark).
 * @cssprop --ovl-events-radius - A row's corner radius.
 * @cssprop --ovl-events-gap - Space between rows.
 * @cssprop --ovl-events-icon-size - An icon's size (default 1.2em).
 * @cssprop --ovl-events-ticker-duration - Time the ticker takes to scroll its line once (default 30s).
 */
@customElement('ovl-event-list')
export class OvlEventList extends SourceElement<EventListFeed> {
  static override styles = eventListStyles;

  /** `sidebar`: one event per row; `ticker`: one line scrolling sideways. */
  @property({ reflect: true }) mode: EventListMode = 'sidebar';
  /** The most rows kept and shown. */
  @property({ type: Number }) max = 10;
  /** Kinds listed; empty for all. */
  @property({ attribute: false }) kinds: readonly EventKind[] = [];
  /** Follows within this many seconds of the newest row's first follow fold into it; 0: never. */
  @property({ type: Number, attribute: 'follow-burst' }) followBurst = 10;
  /** While true (OBS hides the source) the ticker stands still. */
  @property({ type: Boolean, reflect: true }) paused = false;

  @state() private rows: readonly EventRow[] = [];
  /**
   * Ids of the events listed in the last 10 minutes (at most 1,000), folded ones included: an
   * event comes twice within moments (from the history read at load, then live), and a longer
   * memory only fills over the hours of a stream.
   */
  private readonly listed = new SeenMessages();

  protected listen(feed: EventListFeed, signal: AbortSignal): void {
    feed.addEventListener('event', (e) => this.add(e.detail), { signal });
  }

  /** Lists `event` as if it had arrived from the source (the event history, the demo page's buttons, tests), unless it is listed already. */
  add(event: StreamEvent): void {
    if (!isListed(event, this.kinds) || !this.listed.firstTime(event.id)) return;
    this.rows = withEvent(this.rows, event, { kinds: this.kinds, max: this.max, followBurstMs: this.followBurst * 1000 });
  }

  /** The rows shown, newest first. */
  get events(): readonly StreamEvent[] {
    return this.rows.map((row) => row.event);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('max') && this.rows.length > this.max) this.rows = this.rows.slice(0, Math.max(0, this.max));
  }

  protected override render() {
    // Not keyed: the rows are at most `max` nodes that take the new texts, so the DOM stays
    // the same size however many events pass through (repeat() leaks a comment node per
    // removed item in Lit 3.3.1+, toolchain.md).
    const rows = this.rows.map(
      ({ event, text }) =>
        html`<li part="row" class="row ${event.kind}" data-kind=${event.kind} style=${styleMap({ '--_accent': KIND_COLORS[event.kind] })}>
          <span part="icon" class="icon">${eventIcon(event.kind)}</span><span part="text" class="text">${text}</span>
        </li>`,
    );
    const list = html`<ul part="list" class="list" aria-live="polite">${rows}</ul>`;
    return this.mode === 'ticker' ? html`<div class="ticker">${list}</div>` : list;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-event-list': OvlEventList;
  }
}
