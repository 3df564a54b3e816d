import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import { realSchedule, type Schedule } from '../../core/schedule.js';
import type { HypeTrainContribution, StreamEvent } from '../../domain/stream-event.js';
import { SourceElement } from '../../controllers/source-element.js';
import { PresenceController } from '../../controllers/presence-controller.js';
import { formatUptime } from '../stream-info/format.js';
import { HypeTrainTracker } from './hype-train-tracker.js';
import { hypeTrainStyles } from './ovl-hype-train.styles.js';

/** What the element listens to: the channel's stream events (only hype trains count). */
export type HypeTrainFeed = TypedEventTarget<{ event: StreamEvent }>;

/** The train types Twitch names, as the class on `part="base"` and the heading. */
const TRAIN_NAMES: Readonly<Record<string, { className: string; title: string }>> = {
  regular: { className: 'regular', title: 'Hype Train' },
  golden_kappa: { className: 'golden-kappa', title: 'Golden Kappa Train' },
  treasure: { className: 'treasure', title: 'Treasure Train' },
};

/**
 * The channel's hype train while one runs: its type, level, progress to the next level as a
 * bar, a countdown to its expiry and the top contributors; nothing while none runs. It copes
 * with notifications out of order and with a missing end (see HypeTrainTracker). The
 * countdown does not tick while OBS hides the source.
 *
 * @csspart base - The card; also has the train type as a class (`regular`, `golden-kappa`, `treasure`) and `in` or `out` while it enters or leaves.
 * @csspart title - The heading ("Hype Train", "Golden Kappa Train", "Treasure Train").
 * @csspart level - "Level N".
 * @csspart countdown - Time left before the train expires (m:ss).
 * @csspart track - The bar's background.
 * @csspart fill - The bar: progress towards the next level.
 * @csspart points - "progress / goal" in points.
 * @csspart contributors - The list of top contributors.
 * @csspart contributor - One top contributor.
 * @csspart contributor-name - A contributor's name.
 * @csspart contributor-amount - What they gave ("500 bits", "1,000 points").
 * @cssprop --ovl-hype-font - Font family.
 * @cssprop --ovl-hype-font-size - Text size (default 28px).
 * @cssprop --ovl-hype-color - Text colour.
 * @cssprop --ovl-hype-background - Card background (default translucent dark).
 * @cssprop --ovl-hype-radius - Card corner radius.
 * @cssprop --ovl-hype-bar-color - The bar's colour (default by train type).
 * @cssprop --ovl-hype-track-color - The bar's background colour.
 * @attr contributors - How many top contributors to show (0 for none; default 3).
 * @attr active - Present while a train is shown (read it, do not set it).
 */
@customElement('ovl-hype-train')
export class OvlHypeTrain extends SourceElement<HypeTrainFeed> {
  static override styles = hypeTrainStyles;

  /** How many top contributors to show; 0 for none. */
  @property({ type: Number }) contributors = 3;
  /** While true (OBS hides the source) the countdown does not tick and nothing animates out. */
  @property({ type: Boolean }) paused = false;
  /** Runs the countdown's timer (default: setTimeout); tests step it by hand. */
  @property({ attribute: false }) schedule: Schedule = realSchedule;
  /** Epoch ms now (default: Date.now); tests set it. */
  @property({ attribute: false }) clock: () => number = Date.now;

  private readonly tracker = new HypeTrainTracker();
  /** The train on screen (leaving or not), the countdown's clock and its timer. */
  private readonly presence = new PresenceController(this, {
    tracker: this.tracker,
    schedule: () => this.schedule,
    now: () => this.clock(),
    paused: () => this.paused,
  });

  protected listen(feed: HypeTrainFeed, signal: AbortSignal): void {
    feed.addEventListener(
      'event',
      (e) => {
        if (e.detail.kind !== 'hype-train' || !this.tracker.apply(e.detail)) return;
        this.presence.refresh();
        this.requestUpdate();
      },
      { signal },
    );
  }

  private contributor(contribution: HypeTrainContribution) {
    const amount = contribution.type === 'bits' ? `${contribution.total.toLocaleString()} bits` : `${contribution.total.toLocaleString()} points`;
    return html`<li part="contributor" class="contributor"><span part="contributor-name">${contribution.user.name}</span> <span part="contributor-amount" class="amount">${amount}</span></li>`;
  }

  protected override render() {
    const train = this.presence.visible;
    if (!train) return nothing;
    const name = TRAIN_NAMES[train.trainType] ?? TRAIN_NAMES.regular!;
    const share = train.goal > 0 ? Math.min(1, train.progress / train.goal) : 0;
    const left = formatUptime((train.expiresAt ?? 0) - this.presence.now);
    const top = train.topContributions.slice(0, Math.max(0, this.contributors));
    return html`<div part="base" class="base ${name.className} ${this.presence.shown ? 'in' : 'out'}" @animationend=${this.presence.onAnimationEnd}>
      <div class="header">
        <span part="title" class="title">${name.title}</span>
        <span part="level" class="level">Level ${train.level}</span>
        <span part="countdown" class="countdown">${left}</span>
      </div>
      <div part="track" class="track" role="progressbar" aria-valuemin="0" aria-valuemax=${train.goal} aria-valuenow=${train.progress}>
        <div part="fill" class="fill" style=${styleMap({ '--_share': String(share) })}></div>
      </div>
      <div part="points" class="points">${train.progress.toLocaleString()} / ${train.goal.toLocaleString()}</div>
      ${top.length > 0 ? html`<ol part="contributors" class="contributors">${top.map((c) => this.contributor(c))}</ol>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-hype-train': OvlHypeTrain;
  }
}
