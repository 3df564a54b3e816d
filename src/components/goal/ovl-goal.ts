import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { fire } from '../../core/element-events.js';
import { realSchedule, type Schedule } from '../../core/schedule.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import type { GoalEvent, StreamEvent } from '../../domain/stream-event.js';
import { SourceElement } from '../../controllers/source-element.js';
import { applyGoalEvent, goalLabel, goalPercent, type GoalView } from './goal-state.js';
import { goalStyles } from './ovl-goal.styles.js';

/** What the element listens to: normalised stream events (StreamEventSource); it reads the goal ones. */
export type GoalFeed = TypedEventTarget<{ event: StreamEvent }>;

const n = (value: number) => value.toLocaleString('en-US');

/**
 * A progress bar for the channel's creator goal: its kind ("Follower goal"), the streamer's
 * description, the amount against the target and the percentage, moved by every
 * `channel.goal.*` event. Set `goal` to start from the goal Twitch reports now (Helix), so the
 * bar is right before the first event. When the goal ends the bar shows the result for
 * `hide-after` seconds, then hides; with no goal nothing shows. The description is text, never HTML.
 *
 * @attr hide-after - Seconds the bar stays after its goal ends (default 10); 0: hides at once.
 * @attr paused - Set while OBS hides the source: the bar jumps instead of sliding.
 * @fires ovl-goal-change - the goal shown changed, moved or went (detail: the GoalView, or null when hidden). Not bubbling, not composed.
 * @csspart goal - The whole bar with its heading; `data-state` is `active`, `achieved` or `ended`.
 * @csspart label - The goal's kind ("Follower goal", "Sub goal", …).
 * @csspart description - The streamer's description of the goal.
 * @csspart percent - The percentage reached (may pass 100%).
 * @csspart bar - The bar's track.
 * @csspart fill - The filled part of the bar.
 * @csspart amount - "current / target" on the bar.
 * @cssprop --ovl-goal-font - Font family.
 * @cssprop --ovl-goal-font-size - Text size (default 24px).
 * @cssprop --ovl-goal-color - Text colour (default white).
 * @cssprop --ovl-goal-bar-color - The filled part's colour (default #9147ff).
 * @cssprop --ovl-goal-achieved-color - The filled part's colour once the goal is reached (default gold).
 * @cssprop --ovl-goal-bar-background - The track's colour (default translucent dark).
 * @cssprop --ovl-goal-bar-height - The bar's height (default 1.6em).
 * @cssprop --ovl-goal-radius - The bar's corner radius.
 */
@customElement('ovl-goal')
export class OvlGoal extends SourceElement<GoalFeed> {
  static override styles = goalStyles;

  /** The goal shown; null hides the bar. Set it to the goal Helix reports at start. */
  @property({ attribute: false }) goal: GoalView | null = null;
  /** Goal types followed (`follow`, `subscription`, `new_bit`, …); empty for any. */
  @property({ attribute: false }) types: readonly string[] = [];
  /** Seconds the bar stays, with the result, after its goal ends; 0 hides it at once. */
  @property({ type: Number, attribute: 'hide-after' }) hideAfter = 10;
  /** While true (OBS hides the source) the bar jumps to each new amount instead of sliding. */
  @property({ type: Boolean, reflect: true }) paused = false;

  /** Runs the hide-after timer; tests step it by hand. */
  @property({ attribute: false }) schedule: Schedule = realSchedule;

  /** The phase of the last event applied to `goal` (null: set from outside, e.g. Helix). */
  private phase: GoalEvent['phase'] | null = null;
  /** The last goal that ended: its late deliveries change nothing. */
  private ended: string | null = null;
  private cancelHide: (() => void) | null = null;

  protected listen(feed: GoalFeed, signal: AbortSignal): void {
    feed.addEventListener('event', (e) => e.detail.kind === 'goal' && this.apply(e.detail), { signal });
  }

  /** Moves the bar with a goal event, as if it had arrived from the source. */
  apply(event: GoalEvent): void {
    if (this.types.length > 0 && !this.types.includes(event.goalType)) return;
    const next = applyGoalEvent({ goal: this.goal, phase: this.phase, ended: this.ended }, event);
    if (next.goal === this.goal) return;
    this.cancelHide?.();
    this.cancelHide = null;
    this.phase = next.phase;
    this.ended = next.ended;
    this.show(next.goal);
    if (next.goal?.state !== 'active') this.hideLater(next.goal);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelHide?.();
    this.cancelHide = null;
  }

  private show(goal: GoalView | null): void {
    this.goal = goal;
    fire(this, 'ovl-goal-change', goal);
  }

  private hideLater(ended: GoalView | null): void {
    const hide = () => this.goal === ended && this.show(null);
    if (this.hideAfter <= 0) hide();
    else this.cancelHide = this.schedule(hide, this.hideAfter * 1000);
  }

  protected override render() {
    const goal = this.goal;
    if (!goal) return nothing;
    const percent = goalPercent(goal);
    const fill = styleMap({ width: `${Math.min(100, percent)}%` });
    return html`<div part="goal" class="goal" data-state=${goal.state}>
      <div class="top">
        <span part="label" class="label">${goalLabel(goal.type)}</span>
        <span part="description" class="description">${goal.description}</span>
        <span part="percent" class="percent">${percent}%</span>
      </div>
      <div part="bar" class="bar" role="progressbar" aria-valuemin="0" aria-valuemax=${goal.target} aria-valuenow=${goal.current} aria-label=${goal.description || goalLabel(goal.type)}>
        <div part="fill" class="fill" style=${fill}></div>
        <span part="amount" class="amount">${n(goal.current)} / ${n(goal.target)}</span>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-goal': OvlGoal;
  }
  interface HTMLElementEventMap {
    /** detail: the goal shown now, or null once the bar hides. */
    'ovl-goal-change': CustomEvent<GoalView | null>;
  }
}
