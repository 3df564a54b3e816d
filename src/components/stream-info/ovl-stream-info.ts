import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import { realSchedule, type Schedule } from '../../core/schedule.js';
import type { StreamState } from '../../sources/helix/stream-info.js';
import { SourceElement } from '../../controllers/source-element.js';
import { ClockController } from '../../controllers/clock-controller.js';
import { formatUptime, formatViewers } from './format.js';

export type StreamInfoPiece = 'viewers' | 'title' | 'game' | 'uptime';
export type TitleOverflow = 'ellipsis' | 'marquee';
export type StreamInfoFeed = TypedEventTarget<{ change: StreamState }>;

/**
 * A channel's stream at a glance: viewer count, title, game and uptime, or an offline line.
 * Uptime ticks every second between polls while the element is in the page, and not at all
 * while OBS hides the source.
 *
 * @csspart base - The row of pieces.
 * @csspart viewers - The viewer count.
 * @csspart live-dot - The dot before the viewer count.
 * @csspart uptime - The time live.
 * @csspart game - The game.
 * @csspart title - The title.
 * @csspart offline - The offline text.
 * @cssprop --ovl-info-font - Font family.
 * @cssprop --ovl-info-font-size - Text size (default 24px).
 * @cssprop --ovl-info-color - Text colour.
 * @cssprop --ovl-info-gap - Space between the pieces.
 * @cssprop --ovl-info-live-color - Colour of the live dot.
 * @cssprop --ovl-info-text-shadow - Shadow behind the text.
 */
@customElement('ovl-stream-info')
export class OvlStreamInfo extends SourceElement<StreamInfoFeed> {
  static override styles = css`
    :host {
      --_font: var(--ovl-info-font, 'Inter', 'Segoe UI', Roboto, sans-serif);
      --_font-size: var(--ovl-info-font-size, 24px);
      --_color: var(--ovl-info-color, #ffffff);
      --_gap: var(--ovl-info-gap, 0.9em);
      --_live: var(--ovl-info-live-color, #eb0400);
      --_shadow: var(--ovl-info-text-shadow, 0 1px 3px rgba(0, 0, 0, 0.8));
      display: block;
    }
    /* One row: the title gives way (ellipsis or marquee), never a half-cut second row. */
    .base {
      display: flex;
      align-items: baseline;
      white-space: nowrap;
      gap: 0.2em var(--_gap);
      font: 600 var(--_font-size) / 1.3 var(--_font);
      color: var(--_color);
      text-shadow: var(--_shadow);
    }
    .dot {
      display: inline-block;
      width: 0.55em;
      height: 0.55em;
      border-radius: 50%;
      background: var(--_live);
      margin-right: 0.35em;
    }
    .viewers,
    .uptime,
    .game {
      flex: none;
    }
    .title {
      flex: 1 1 auto;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      font-weight: 400;
    }
    .title.marquee {
      text-overflow: clip;
    }
    .title.marquee.overflowing > span {
      display: inline-block;
      animation: title-scroll var(--_scroll-time, 10s) linear infinite alternate;
    }
    /* Pauses at both ends, then scrolls at about 60 px/s. */
    @keyframes title-scroll {
      0%,
      15% {
        transform: translateX(0);
      }
      85%,
      100% {
        transform: translateX(calc(-1 * var(--_overflow, 0px)));
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .title.marquee {
        text-overflow: ellipsis;
      }
      .title.marquee.overflowing > span {
        animation: none;
      }
    }
    .offline {
      opacity: 0.75;
    }
  `;

  /** Which pieces to show, in this order. */
  @property({ attribute: false }) show: readonly StreamInfoPiece[] = ['viewers', 'uptime', 'game', 'title'];
  /** Text while the channel is offline; '' shows nothing. */
  @property({ attribute: 'offline-text' }) offlineText = 'Offline';
  /** A title too long for the row: cut with an ellipsis, or scrolled back and forth. */
  @property({ attribute: 'title-overflow' }) titleOverflow: TitleOverflow = 'ellipsis';
  /** While true (OBS hides the source) the uptime does not tick. */
  @property({ type: Boolean }) paused = false;
  /** Runs the uptime's timer (default: setTimeout); tests step it by hand. */
  @property({ attribute: false }) schedule: Schedule = realSchedule;
  /** Epoch ms now (default: Date.now); tests set it. */
  @property({ attribute: false }) clock: () => number = Date.now;

  @state() private stream: StreamState | null = null;
  /** The uptime's clock: it ticks while the channel is live, the source shown and the element in the page. */
  private readonly time = new ClockController(this, {
    schedule: () => this.schedule,
    now: () => this.clock(),
    wanted: () => Boolean(this.stream?.live) && !this.paused,
    nextDeadline: () => null,
  });
  private readonly resizes = new ResizeObserver(() => this.measureTitle());
  protected listen(feed: StreamInfoFeed, signal: AbortSignal): void {
    feed.addEventListener('change', (e) => (this.stream = e.detail), { signal });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizes.disconnect();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('stream') || changed.has('titleOverflow') || changed.has('show')) this.measureTitle();
  }

  /**
   * The marquee scrolls only a title that overflows, by exactly its overflow. A layout read,
   * so only when the title or the size changes, never per tick.
   */
  private measureTitle(): void {
    const title = this.renderRoot.querySelector<HTMLElement>('.title.marquee');
    if (!title) return;
    this.resizes.observe(title);
    const overflow = title.scrollWidth - title.clientWidth;
    title.classList.toggle('overflowing', overflow > 0);
    title.style.setProperty('--_overflow', `${overflow}px`);
    title.style.setProperty('--_scroll-time', `${(overflow / 60 / 0.7 + 1).toFixed(1)}s`);
  }

  private piece(name: StreamInfoPiece) {
    const stream = this.stream!.stream!;
    switch (name) {
      case 'viewers':
        return html`<span part="viewers" class="viewers"><span part="live-dot" class="dot"></span>${formatViewers(stream.viewerCount)}</span>`;
      case 'uptime':
        return html`<span part="uptime" class="uptime">${formatUptime(Math.max(this.time.value, this.stream!.eventTime) - stream.startedAt)}</span>`;
      case 'game':
        return stream.gameName ? html`<span part="game" class="game">${stream.gameName}</span>` : nothing;
      case 'title':
        return html`<span part="title" class="title ${this.titleOverflow}"><span>${stream.title}</span></span>`;
    }
  }

  protected override render() {
    if (!this.stream) return nothing;
    if (!this.stream.live) return this.offlineText ? html`<div part="base" class="base"><span part="offline" class="offline">${this.offlineText}</span></div>` : nothing;
    return html`<div part="base" class="base">${this.show.map((name) => this.piece(name))}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-stream-info': OvlStreamInfo;
  }
}
