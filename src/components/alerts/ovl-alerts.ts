import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { styleMap } from 'lit/directives/style-map.js';
import { hexColor } from '../../core/safe-values.js';
import { fire } from '../../core/element-events.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import type { Redemption } from '../../domain/redemption.js';
import { isAlertEvent, type AlertEvent, type AlertKind, type FollowEvent, type StreamEvent } from '../../domain/stream-event.js';
import { SourceElement } from '../../controllers/source-element.js';
import { AlertQueue } from './alert-queue.js';
import { rewardListed, ruleFor, type RewardRules } from './alert-rules.js';
import { alertContent, fillFields, isAlertMoment, type AlertContent } from './alert-fields.js';
import { DEFAULT_KIND_SETTINGS, DEFAULT_PRIORITIES, KIND_COLORS, KIND_LABELS, lookFor, type AlertLook, type KindSettings } from './alert-settings.js';
import { KitSounds } from './alert-sounds.js';
import { alertStyles } from './ovl-alerts.styles.js';
import { viewerMessage } from './viewer-message-view.js';

/** What the element listens to: stream events (StreamEventSource, and either redemptions source). */
export type AlertFeed = TypedEventTarget<{ event: StreamEvent }>;

/** An alert on screen: the event, what it shows and how. */
interface Shown {
  readonly event: AlertEvent;
  readonly content: AlertContent;
  readonly look: AlertLook;
  readonly text: string;
  readonly serial: number;
  /** Shown again from the dock: marked, so nobody takes it for a new event. */
  readonly replay: boolean;
}

/** The exit animation's length (ovl-alerts.styles.ts); it ends as the alert's time is up. */
const EXIT_MS = 400;
const VIDEO = /\.(webm|mp4|m4v|mov)(?:[?#]|$)/i;

/**
 * The alert box: one alert at a time for every stream event (follows, subs, gifts, cheers,
 * raids, …, channel-point redemptions), the most important first. Each kind has its own
 * text, sound, image or video, duration and minimum amount, with variations by amount.
 * Viewer messages show with their emotes as images. A follow burst folds into one
 * "N new followers" alert, counting up while it is on screen. The streamer's controls (the
 * dock): `held` keeps the next alerts waiting, `skip()` ends the one on screen with its sound,
 * `muted` silences sounds and speech, `clearQueue()` drops the waiting ones, `replay()` shows an
 * event again marked "Replay", and `playTestEvent()` plays a made-up one. While OBS hides the
 * box (`paused`), the alerts that arrive wait for it to be shown, or with `while-hidden="drop"`
 * are dropped and counted; the dock's Test and Replay still wait, as the streamer asked for them.
 *
 * @fires ovl-alert-show - an alert appears (detail: the AlertEvent). Not bubbling, not composed.
 * @fires ovl-alert-update - the alert on screen took in more follows of a burst (detail: the folded FollowEvent). Not bubbling, not composed.
 * @fires ovl-alert-hide - it leaves (detail: the AlertEvent). Not bubbling, not composed.
 * @fires ovl-alert-drop - an alert was dropped because too many were waiting (detail: total dropped). Not bubbling, not composed.
 * @fires ovl-alert-waiting - how many alerts wait changed (detail: the count). Not bubbling, not composed.
 * @fires ovl-alert-hidden-drop - an alert arrived while hidden and was dropped (`while-hidden="drop"`; detail: total dropped so). Not bubbling, not composed.
 * @csspart alert - The alert card; also has the class of its kind (`follow`, `raid`, …).
 * @csspart image - The image or video (the kind's, a variation's, or the reward's).
 * @csspart label - The kind's small heading ("New follower", "Raid", …); none for redemptions.
 * @csspart text - The templated line.
 * @csspart message - The viewer's message (resub, cheer, automatic reward).
 * @csspart input - A redemption's viewer input.
 * @csspart emote - An emote in a message.
 * @csspart cost - A redemption's cost.
 * @csspart replay - The "Replay" mark on an alert shown again from the dock.
 * @cssprop --ovl-alert-font - Font family.
 * @cssprop --ovl-alert-font-size - Text size (default 32px).
 * @cssprop --ovl-alert-color - Text colour.
 * @cssprop --ovl-alert-background - Card background (default: the reward's or the kind's colour).
 * @cssprop --ovl-alert-radius - Card corner radius.
 * @cssprop --ovl-alert-image-size - A reward image's size.
 * @cssprop --ovl-alert-media-size - The largest an alert's image or video gets (default 6em).
 */
@customElement('ovl-alerts')
export class OvlAlerts extends SourceElement<AlertFeed> {
  static override styles = alertStyles;

  /** Seconds each alert stays, unless its kind or variation says otherwise. */
  @property({ type: Number }) duration = 6;
  /** Alerts that may wait; beyond this the oldest of the least important is dropped. */
  @property({ type: Number, attribute: 'max-waiting' }) maxWaiting = 20;
  /** How each kind alerts (see KindSettings); kinds left out alert as by default. */
  @property({ attribute: false }) settings: Readonly<Partial<Record<AlertKind, KindSettings>>> = DEFAULT_KIND_SETTINGS;
  /** Kinds from most to least important; a kind not listed comes after them all. */
  @property({ attribute: false }) priorities: readonly AlertKind[] = DEFAULT_PRIORITIES;
  /** Follows arriving within this many seconds of a waiting follow fold into it; 0: never. */
  @property({ type: Number, attribute: 'follow-burst' }) followBurst = 10;
  /** Per-reward templates (see parseRewardRules), before the redemption kind's template. */
  @property({ attribute: false }) templates: RewardRules = new Map();
  /** Per-reward sound URLs. */
  @property({ attribute: false }) sounds: RewardRules = new Map();
  /** Sound URL for every alert whose kind has none; '' for the kit's own sound per kind; `none` for silence. */
  @property() sound = '';
  /** 0–1. */
  @property({ type: Number }) volume = 0.8;
  /** Rewards (titles or ids, `*` for all) whose viewer input is read aloud. */
  @property({ attribute: false }) speak: readonly string[] = [];
  /** Only these rewards (titles or ids) alert; empty for all. */
  @property({ attribute: false }) rewards: readonly string[] = [];
  /** While true (OBS hides the source) the queue and the animations wait. */
  @property({ type: Boolean, reflect: true }) paused = false;
  /** What happens to the alerts that arrive while `paused`: `queue` keeps them for when the box is shown (up to `max-waiting`), `drop` drops them. */
  @property({ attribute: 'while-hidden' }) whileHidden: 'queue' | 'drop' = 'queue';
  /** The streamer's pause (the dock's Pause alerts): the alert on screen plays out, the next ones wait. Apart from `paused`, which OBS drives. */
  @property({ type: Boolean, reflect: true }) held = false;
  /** No sound and no read-aloud; muting silences what plays now. */
  @property({ type: Boolean, reflect: true }) muted = false;
  /** Makes the made-up event a Test alert plays (the overlay hands the simulator's); without it playTestAlert throws. */
  @property({ attribute: false }) sampleEvent: ((kind: AlertKind) => AlertEvent | Promise<AlertEvent>) | null = null;

  @state() private showing: Shown | null = null;
  private serial = 0;
  /** Alerts asked for now (Test buttons, the dock's Replay): they show before every waiting alert and fold with none. */
  private readonly asked = new WeakSet<AlertEvent>();
  private readonly replays = new WeakSet<AlertEvent>();
  private audio: HTMLAudioElement | null = null;
  /** This element has asked `speechSynthesis` to speak: only then does silencing cancel speech (it is the page's, not the element's). */
  private speaking = false;
  private readonly kitSounds = new KitSounds();
  private readonly queue = this.makeQueue();
  private hiddenDrops = 0;

  protected listen(feed: AlertFeed, signal: AbortSignal): void {
    // The stream's start and end come on the same feed; no alert plays them.
    feed.addEventListener('event', (e) => isAlertEvent(e.detail) && this.arrive(e.detail), { signal });
  }

  /** Alerts dropped because too many were waiting. */
  get dropped(): number {
    return this.queue.droppedCount;
  }

  /** Alerts dropped because they arrived while hidden, with `while-hidden="drop"`. */
  get droppedWhileHidden(): number {
    return this.hiddenDrops;
  }

  /** Alerts waiting to show. */
  get waiting(): number {
    return this.queue.pending;
  }

  /**
   * Plays an alert of `kind` with a made-up viewer (from `sampleEvent`), as the demo page's
   * Test buttons do. It skips the kind's on/off and minimum, and shows as soon as the alert on
   * screen is done, before every waiting one.
   */
  async playTestAlert(kind: AlertKind): Promise<void> {
    if (!this.sampleEvent) throw new Error('<ovl-alerts> plays a test alert only once given `sampleEvent`.');
    this.playTestEvent(await this.sampleEvent(kind));
  }

  /** Plays `event` as a Test alert: whatever its kind's on/off and minimum, before every waiting alert. */
  playTestEvent(event: AlertEvent): void {
    this.asked.add(event);
    this.queue.push(event);
  }

  /**
   * Shows `event` again, marked "Replay" (the dock's Replay): it alerts as it did live (its
   * kind on, its minimum reached), before every waiting alert. The caller gives it an id of its
   * own; a replay counts towards nothing.
   */
  replay(event: AlertEvent): void {
    this.replays.add(event);
    this.asked.add(event);
    this.offer(event);
  }

  /** Ends the alert on screen now, its sound and read-aloud included; the next one follows. */
  skip(): void {
    this.silence();
    this.queue.skip();
  }

  /** Drops every waiting alert (the one on screen stays). */
  clearQueue(): void {
    this.queue.clearWaiting();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.queue.options.durationMs = this.duration * 1000;
    this.queue.options.maxWaiting = this.maxWaiting;
    if (changed.has('paused')) {
      if (this.paused) this.queue.pause();
      else this.queue.resume();
    }
    if (changed.has('held')) this.queue.hold(this.held);
    if (changed.has('muted') && this.muted) this.silence();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.queue.clear();
    this.silence();
    this.kitSounds.close();
  }

  private settingsOf(kind: AlertKind): KindSettings {
    return this.settings[kind] ?? DEFAULT_KIND_SETTINGS[kind];
  }

  /** A live event that alerts: queued, unless it arrives while hidden with `while-hidden="drop"`. */
  private arrive(event: AlertEvent): void {
    if (!this.alerts(event)) return;
    if (this.paused && this.whileHidden === 'drop') {
      this.hiddenDrops += 1;
      fire(this, 'ovl-alert-hidden-drop', this.hiddenDrops);
    } else {
      this.queue.push(event);
    }
  }

  /** Queues the event if it alerts. */
  private offer(event: AlertEvent): void {
    if (this.alerts(event)) this.queue.push(event);
  }

  /** Its kind is on, it is an alerting moment and it reaches the minimum. */
  private alerts(event: AlertEvent): boolean {
    const settings = this.settingsOf(event.kind);
    if (!settings.enabled || !isAlertMoment(event)) return false;
    if (event.kind === 'redemption' && !rewardListed(this.rewards, event.redemption)) return false;
    return settings.min <= 0 || alertContent(event).amount >= settings.min;
  }

  private makeQueue(): AlertQueue<AlertEvent> {
    const queue = new AlertQueue<AlertEvent>({
      durationMs: this.duration * 1000,
      maxWaiting: this.maxWaiting,
      priorityOf: (event) => {
        if (this.asked.has(event)) return Infinity;
        const rank = this.priorities.indexOf(event.kind);
        return rank === -1 ? -1 : this.priorities.length - rank;
      },
      durationOf: (event) => lookFor(this.settingsOf(event.kind), alertContent(event).amount).durationMs,
      merge: (waiting, incoming) =>
        waiting.kind === 'follow' && incoming.kind === 'follow' && !this.asked.has(waiting) && !this.asked.has(incoming) ? this.foldFollows(waiting, incoming) : null,
    });
    queue.addEventListener('show', (e) => this.onShow(e.detail));
    queue.addEventListener('update', (e) => {
      this.showing = this.shownOf(e.detail, this.showing?.serial ?? ++this.serial);
      fire(this, 'ovl-alert-update', e.detail);
    });
    queue.addEventListener('hide', (e) => {
      this.showing = null;
      fire(this, 'ovl-alert-hide', e.detail);
    });
    queue.addEventListener('drop', (e) => fire(this, 'ovl-alert-drop', e.detail));
    queue.addEventListener('waiting', (e) => fire(this, 'ovl-alert-waiting', e.detail));
    return queue;
  }

  /** A follow waiting or on screen takes in the ones arriving within the burst window of its first. */
  private foldFollows(waiting: FollowEvent, incoming: FollowEvent): FollowEvent | null {
    if (this.followBurst <= 0 || incoming.at - waiting.at > this.followBurst * 1000) return null;
    return { ...waiting, count: waiting.count + incoming.count };
  }

  private shownOf(event: AlertEvent, serial: number): Shown {
    const content = alertContent(event);
    const look = lookFor(this.settingsOf(event.kind), content.amount);
    const rule = event.kind === 'redemption' ? ruleFor(this.templates, event.redemption) : undefined;
    return { event, content, look, text: fillFields(rule ?? look.template, content.fields), serial, replay: this.replays.has(event) };
  }

  private onShow(event: AlertEvent): void {
    const shown = this.shownOf(event, ++this.serial);
    this.showing = shown;
    fire(this, 'ovl-alert-show', event);
    this.playSound(event, shown.look);
    if (event.kind === 'redemption') this.speakInput(event.redemption);
  }

  private playSound(event: AlertEvent, look: AlertLook): void {
    const sound = (event.kind === 'redemption' ? ruleFor(this.sounds, event.redemption) : undefined) || look.sound || this.sound;
    if (sound === 'none' || this.muted) return;
    if (!sound) return this.kitSounds.play(event.kind, this.volume);
    this.audio?.pause();
    const audio = (this.audio = new Audio(sound));
    audio.volume = Math.min(1, Math.max(0, this.volume));
    // A sound that cannot play (autoplay policy, bad URL) must not stop the alert.
    audio.play().catch(() => undefined);
  }

  /** Stops every sound and read-aloud this element started. */
  private silence(): void {
    this.kitSounds.stop();
    this.audio?.pause();
    this.audio = null;
    if (this.speaking && 'speechSynthesis' in window) speechSynthesis.cancel();
    this.speaking = false;
  }

  private speakInput(redemption: Redemption): void {
    if (this.muted || !redemption.userInput || this.speak.length === 0 || !rewardListed(this.speak, redemption) || !('speechSynthesis' in window)) return;
    this.speaking = true;
    const utterance = new SpeechSynthesisUtterance(redemption.userInput);
    utterance.volume = this.volume;
    speechSynthesis.speak(utterance);
  }

  private renderMedia(shown: Shown) {
    const url = shown.look.image || (shown.event.kind === 'redemption' ? (shown.event.redemption.image?.url4x ?? '') : '');
    if (!url) return nothing;
    if (VIDEO.test(url)) return html`<video part="image" class="media" src=${url} autoplay muted loop playsinline></video>`;
    return html`<img part="image" class="media" src=${url} alt="" />`;
  }

  protected override render() {
    const shown = this.showing;
    if (!shown) return nothing;
    const { event, content } = shown;
    const durationMs = shown.look.durationMs ?? this.duration * 1000;
    const reward = event.kind === 'redemption' ? event.redemption : null;
    // Per property, and the reward's colour only if it is one: it comes from Twitch, not from us.
    const style = styleMap({
      '--_accent': KIND_COLORS[event.kind],
      '--_exit-delay': `${Math.max(0, durationMs - EXIT_MS)}ms`,
      '--_reward-color': hexColor(reward?.backgroundColor) ?? undefined,
    });
    const message = content.message && content.message.parts.length > 0 ? content.message : null;
    // Keyed: each alert gets fresh nodes, so its entrance animation runs again.
    return keyed(
      shown.serial,
      html`<div part="alert" class="alert ${event.kind}" style=${style} role="status">
        ${this.renderMedia(shown)}
        <div class="body">
          ${shown.replay ? html`<div part="replay" class="replay">Replay</div>` : nothing}
          ${KIND_LABELS[event.kind] ? html`<div part="label" class="label">${KIND_LABELS[event.kind]}</div>` : nothing}
          <div part="text" class="text">${shown.text}</div>
          ${message ? html`<div part=${reward ? 'input' : 'message'} class="message">${viewerMessage(message)}</div>` : nothing}
          ${reward ? html`<div part="cost" class="cost">${reward.rewardCost.toLocaleString()} points</div>` : nothing}
        </div>
      </div>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-alerts': OvlAlerts;
  }
  interface HTMLElementEventMap {
    'ovl-alert-show': CustomEvent<AlertEvent>;
    /** detail: the alert on screen after more of a follow burst folded into it. */
    'ovl-alert-update': CustomEvent<AlertEvent>;
    'ovl-alert-hide': CustomEvent<AlertEvent>;
    /** detail: how many alerts were dropped in all. */
    'ovl-alert-drop': CustomEvent<number>;
    /** detail: how many alerts wait now. */
    'ovl-alert-waiting': CustomEvent<number>;
    /** detail: how many alerts were dropped in all because they arrived while hidden. */
    'ovl-alert-hidden-drop': CustomEvent<number>;
  }
}
