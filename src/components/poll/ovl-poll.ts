import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import { realSchedule, type Schedule } from '../../core/schedule.js';
import type { StreamEvent } from '../../domain/stream-event.js';
import { SourceElement } from '../../controllers/source-element.js';
import { PresenceController } from '../../controllers/presence-controller.js';
import { formatUptime, formatViewers } from '../stream-info/format.js';
import { ContestTracker, type Contest, type ContestOption } from './contest-tracker.js';
import { pollStyles } from './ovl-poll.styles.js';

/** What the element listens to: the channel's stream events (only polls and predictions count). */
export type PollFeed = TypedEventTarget<{ event: StreamEvent }>;
export type ContestKind = Contest['kind'];

/** The line beside the label once the countdown is over. */
const STATE_TEXT: Readonly<Record<string, string>> = { locked: 'Locked', completed: 'Result', resolved: 'Result', terminated: 'Ended', canceled: 'Canceled' };

/**
 * The channel's live poll or prediction: its title, a bar per choice or outcome (votes, or
 * predictors and channel points), its countdown (to the poll's end or the prediction's lock),
 * "Locked" while a prediction waits for its result, then the result with the winner
 * highlighted for `result-seconds`, then nothing. Titles are shown as text, never markup.
 * The countdown does not tick while OBS hides the source.
 *
 * @csspart base - The card; also has the kind (`poll`, `prediction`) and state (`open`, `locked`, `ended`) as classes, and `in` or `out` while it enters or leaves.
 * @csspart label - "Poll" or "Prediction".
 * @csspart countdown - Time left (m:ss), then "Locked", "Result", "Ended" or "Canceled".
 * @csspart title - The question.
 * @csspart options - The list of choices or outcomes.
 * @csspart option - One choice or outcome; `option winner` for the winner; a prediction's outcome also has its colour as a class (`blue`, `pink`).
 * @csspart fill - An option's bar: its share of the votes (poll) or channel points (prediction).
 * @csspart option-title - An option's title.
 * @csspart votes - An option's numbers ("12 votes · 63%", "10 · 10K points · 71%").
 * @cssprop --ovl-poll-font - Font family.
 * @cssprop --ovl-poll-font-size - Text size (default 28px).
 * @cssprop --ovl-poll-color - Text colour.
 * @cssprop --ovl-poll-background - Card background (default translucent dark).
 * @cssprop --ovl-poll-radius - Card corner radius.
 * @cssprop --ovl-poll-bar-color - A poll's bars.
 * @cssprop --ovl-poll-blue-color - A prediction's blue outcome.
 * @cssprop --ovl-poll-pink-color - A prediction's pink outcome.
 * @cssprop --ovl-poll-winner-color - The winner's bar and outline.
 * @cssprop --ovl-poll-track-color - The background behind each bar.
 * @attr result-seconds - How long the result stays, seconds (default 10).
 * @attr active - Present while a poll or prediction is shown (read it, do not set it).
 */
@customElement('ovl-poll')
export class OvlPoll extends SourceElement<PollFeed> {
  static override styles = pollStyles;

  /** Which to show: polls, predictions or both. */
  @property({ attribute: false }) kinds: readonly ContestKind[] = ['poll', 'prediction'];
  /** How long the result stays, seconds; a result already on screen keeps the time it had. */
  @property({ type: Number, attribute: 'result-seconds' }) resultSeconds = 10;
  /** While true (OBS hides the source) the countdown does not tick and nothing animates out. */
  @property({ type: Boolean }) paused = false;
  /** Runs the countdown's timer (default: setTimeout); tests step it by hand. */
  @property({ attribute: false }) schedule: Schedule = realSchedule;
  /** Epoch ms now (default: Date.now); tests set it. */
  @property({ attribute: false }) clock: () => number = Date.now;

  private readonly tracker = new ContestTracker({ resultMs: this.resultSeconds * 1000 });
  /** The contest on screen (leaving or not), the countdown's clock and its timer. */
  private readonly presence = new PresenceController(this, {
    tracker: this.tracker,
    schedule: () => this.schedule,
    now: () => this.clock(),
    paused: () => this.paused,
  });

  protected listen(feed: PollFeed, signal: AbortSignal): void {
    feed.addEventListener(
      'event',
      (e) => {
        const event = e.detail;
        if ((event.kind !== 'poll' && event.kind !== 'prediction') || !this.kinds.includes(event.kind)) return;
        this.presence.refresh();
        if (this.tracker.apply(event, this.presence.now)) this.requestUpdate();
      },
      { signal },
    );
  }

  // Before the presence controller asks the tracker what to show (controllers update after willUpdate).
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('resultSeconds')) this.tracker.options.resultMs = this.resultSeconds * 1000;
  }

  private countdown(contest: Contest): string {
    // An open one with no end time from Twitch has nothing to count down.
    if (contest.state === 'open') return contest.deadline === null ? '' : formatUptime(contest.deadline - this.presence.now);
    return STATE_TEXT[contest.state === 'locked' ? 'locked' : contest.status] ?? 'Ended';
  }

  private option(contest: Contest, option: ContestOption, sum: number) {
    const amount = contest.kind === 'poll' ? option.votes : option.points;
    const share = sum > 0 ? amount / sum : 0;
    const percent = `${Math.round(share * 100)}%`;
    const numbers = contest.kind === 'poll' ? `${formatViewers(option.votes)} ${option.votes === 1 ? 'vote' : 'votes'} · ${percent}` : `${formatViewers(option.votes)} · ${formatViewers(option.points)} points · ${percent}`;
    const winner = contest.winners.includes(option.id);
    // Only Twitch's two outcome colours become a class; anything else is a plain bar.
    const color = option.color === 'blue' || option.color === 'pink' ? option.color : '';
    return html`<li part="option${winner ? ' winner' : ''}" class="option ${color}${winner ? ' winner' : ''}">
      <div part="fill" class="fill" style=${styleMap({ '--_share': String(share) })}></div>
      <span part="option-title" class="option-title">${option.title}</span>
      <span part="votes" class="votes">${numbers}</span>
    </li>`;
  }

  protected override render() {
    const contest = this.presence.visible;
    if (!contest) return nothing;
    const sum = contest.options.reduce((total, o) => total + (contest.kind === 'poll' ? o.votes : o.points), 0);
    return html`<div part="base" class="base ${contest.kind} ${contest.state} ${this.presence.shown ? 'in' : 'out'}" @animationend=${this.presence.onAnimationEnd}>
      <div class="header">
        <span part="label" class="label">${contest.kind === 'poll' ? 'Poll' : 'Prediction'}</span>
        <span part="countdown" class="countdown">${this.countdown(contest)}</span>
      </div>
      <div part="title" class="title">${contest.title}</div>
      <ol part="options" class="options">${contest.options.map((o) => this.option(contest, o, sum))}</ol>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-poll': OvlPoll;
  }
}
