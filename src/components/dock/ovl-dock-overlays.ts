import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RosterPage } from '../../sources/control/page-roster.js';
import { dockSectionStyles } from './dock-styles.js';
import { awayText } from '../status/away-text.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The token's days left, as a streamer plans a new link. */
function tokenLeft(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) return '';
  const days = Math.floor((expiresAt - now) / DAY_MS);
  return days < 0 ? 'token expired' : `token: ${days === 1 ? '1 day' : `${days} days`} left`;
}

const ROLES = { owner: 'owns EventSub', follower: 'EventSub via another page', solo: 'EventSub of its own' } as const;

/**
 * The dock's Overlays section: every open page of the origin as its presence says, with its kind,
 * its connections in the words of its `?debug` chips, its part in the shared EventSub connection,
 * its token's days left and what its connections warn of; a page that stopped answering is marked gone.
 *
 * @csspart page - One open page; `data-overlay` is its registry name, `data-gone` whether it stopped answering.
 * @csspart kind - The page's overlay title.
 * @csspart chip - One connection in its `?debug` chip's words (`data-state`) with how long it has been away, or "gone".
 * @csspart eventsub - Its part in the shared EventSub connection.
 * @csspart token - The token's days left.
 * @csspart warning - A warning of one of its connections for the streamer (a token in its last week, a type Twitch retired).
 */
@customElement('ovl-dock-overlays')
export class OvlDockOverlays extends LitElement {
  static override styles = [
    dockSectionStyles,
    css`
      .row {
        flex-wrap: wrap;
      }
      .gone {
        opacity: 0.55;
      }
      .chip {
        border-radius: 3px;
        padding: 0 4px;
        background: #2c2d3b;
      }
      .chip[data-state='connected'] {
        color: #8fe3a1;
      }
      .chip[data-state='error'],
      .chip[data-state='reconnecting'],
      .warning {
        color: #ffb38a;
      }
      .warning {
        flex-basis: 100%;
      }
    `,
  ];

  @property({ attribute: false }) pages: readonly RosterPage[] = [];
  /** Epoch ms the list is drawn at (token days). */
  @property({ type: Number }) now = 0;

  protected override render() {
    return html`<section aria-labelledby="overlays-title">
      <h2 id="overlays-title">Overlays</h2>
      <ul>
        ${this.pages.map(
          ({ report, gone }) =>
            html`<li part="page" class="row ${gone ? 'gone' : ''}" data-overlay=${report.overlay} data-gone=${String(gone)}>
              <strong part="kind">${report.title}</strong>
              ${gone
                ? html`<span part="chip" class="chip" data-state="gone">gone</span>`
                : html`${report.sources.map(
                    (source) =>
                      html`<span part="chip" class="chip" data-state=${source.state} title=${source.error ?? ''}
                        >${source.name} ${source.state}${source.awaySince === undefined ? '' : ` · ${awayText(this.now - source.awaySince)}`}</span
                      >`,
                  )}
                  ${report.eventsub ? html`<span part="eventsub" class="muted">${ROLES[report.eventsub]}</span>` : ''}
                  <span part="token" class="muted">${tokenLeft(report.tokenExpiresAt, this.now)}</span>
                  ${report.sources.flatMap((source) => (source.warning ? [html`<span part="warning" class="warning">⚠ ${source.warning}</span>`] : []))}`}
            </li>`,
        )}
      </ul>
      ${this.pages.length === 0 ? html`<p class="muted">No overlay of this channel is open in this browser.</p>` : ''}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-dock-overlays': OvlDockOverlays;
  }
}
