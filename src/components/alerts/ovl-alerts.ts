import { css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { hexColor } from '../../core/safe-values.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import type { Redemption } from '../../sources/redemptions/redemption.js';
import { SourceElement } from '../../controllers/source-element.js';
import { fire } from '../../core/element-events.js';
import { AlertQueue } from './alert-queue.js';
import { fillTemplate, rewardListed, ruleFor, type RewardRules } from './alert-rules.js';

export type RedemptionFeed = TypedEventTarget<{ redemption: Redemption }>;

/**
 * Channel-point redemption alerts, one at a time: the reward's image and colour, a line from
 * a per-reward template, and the viewer's input. Optional sound and speech per reward.
 *
 * @fires ovl-alert-show - an alert appears (detail: the Redemption). Not bubbling.
 * @fires ovl-alert-hide - it leaves. Not bubbling.
 * @fires ovl-alert-drop - an alert was dropped because too many were waiting (detail: total dropped). Not bubbling.
 * @csspart alert - The alert box. @csspart image - The reward image. @csspart text - The templated line.
 * @csspart input - The viewer's input. @csspart cost - The cost.
 * @cssprop --ovl-alert-font, --ovl-alert-font-size, --ovl-alert-color, --ovl-alert-background, --ovl-alert-radius, --ovl-alert-image-size
 */
@customElement('ovl-alerts')
export class OvlAlerts extends SourceElement<RedemptionFeed> {
  static override styles = css`
    :host {
      --_font: var(--ovl-alert-font, 'Inter', 'Segoe UI', Roboto, sans-serif);
      --_font-size: var(--ovl-alert-font-size, 32px);
      --_color: var(--ovl-alert-color, #ffffff);
      --_radius: var(--ovl-alert-radius, 16px);
      --_image: var(--ovl-alert-image-size, 2.5em);
      display: grid;
      place-items: center;
      height: 100%;
    }
    .alert {
      display: flex;
      align-items: center;
      gap: 0.6em;
      max-width: 90%;
      padding: 0.6em 1em;
      border-radius: var(--_radius);
      background: var(--ovl-alert-background, var(--_reward-color, #9146ff));
      color: var(--_color);
      font: 700 var(--_font-size) / 1.25 var(--_font);
      text-shadow: 0 1px 3px rgba(0, 0, 0, 0.6);
      animation: ovl-alert-in 300ms ease-out;
      overflow-wrap: anywhere;
    }
    img {
      width: var(--_image);
      height: var(--_image);
      flex: none;
    }
    .input {
      font-weight: 400;
      font-size: 0.75em;
    }
    .cost {
      font-weight: 400;
      font-size: 0.6em;
      opacity: 0.85;
    }
    @keyframes ovl-alert-in {
      from {
        opacity: 0;
        transform: scale(0.9);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .alert {
        animation: none;
      }
    }
  `;

  /** Seconds each alert stays. */
  @property({ type: Number }) duration = 6;
  /** Alerts that may wait; beyond this the oldest waiting is dropped. */
  @property({ type: Number, attribute: 'max-waiting' }) maxWaiting = 20;
  /** Text for rewards without their own template. */
  @property() template = '{user} redeemed {reward}';
  /** Per-reward templates (see parseRewardRules). */
  @property({ attribute: false }) templates: RewardRules = new Map();
  /** Per-reward sound URLs. */
  @property({ attribute: false }) sounds: RewardRules = new Map();
  /** Sound for rewards without their own; '' for none. */
  @property() sound = '';
  /** 0–1. */
  @property({ type: Number }) volume = 0.8;
  /** Rewards (titles or ids, `*` for all) whose viewer input is read aloud. */
  @property({ attribute: false }) speak: readonly string[] = [];
  /** Only these rewards (titles or ids) alert; empty for all. */
  @property({ attribute: false }) rewards: readonly string[] = [];
  /** While true (OBS hides the source) the queue waits. */
  @property({ type: Boolean }) paused = false;

  @state() private showing: Redemption | null = null;
  private readonly queue = this.makeQueue();
  protected listen(feed: RedemptionFeed, signal: AbortSignal): void {
    feed.addEventListener('redemption', (e) => rewardListed(this.rewards, e.detail) && this.queue.push(e.detail), { signal });
  }

  /** Alerts dropped because too many were waiting. */
  get dropped(): number {
    return this.queue.droppedCount;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.queue.options.durationMs = this.duration * 1000;
    this.queue.options.maxWaiting = this.maxWaiting;
    if (changed.has('paused')) {
      if (this.paused) this.queue.pause();
      else this.queue.resume();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.queue.clear();
  }

  private makeQueue(): AlertQueue<Redemption> {
    const queue = new AlertQueue<Redemption>({ durationMs: this.duration * 1000, maxWaiting: this.maxWaiting });
    queue.addEventListener('show', (e) => this.onShow(e.detail));
    queue.addEventListener('hide', (e) => {
      this.showing = null;
      fire(this, 'ovl-alert-hide', e.detail);
    });
    queue.addEventListener('drop', (e) => fire(this, 'ovl-alert-drop', e.detail));
    return queue;
  }

  private onShow(redemption: Redemption): void {
    this.showing = redemption;
    fire(this, 'ovl-alert-show', redemption);
    const sound = ruleFor(this.sounds, redemption) ?? this.sound;
    if (sound) {
      const audio = new Audio(sound);
      audio.volume = Math.min(1, Math.max(0, this.volume));
      // A sound that cannot play (autoplay policy, bad URL) must not stop the alert.
      audio.play().catch(() => undefined);
    }
    if (redemption.userInput && this.speak.length > 0 && rewardListed(this.speak, redemption) && 'speechSynthesis' in window) {
      const utterance = new SpeechSynthesisUtterance(redemption.userInput);
      utterance.volume = this.volume;
      speechSynthesis.speak(utterance);
    }
  }

  protected override render() {
    const r = this.showing;
    if (!r) return nothing;
    return html`<div part="alert" class="alert" style=${styleMap({ '--_reward-color': hexColor(r.backgroundColor) ?? undefined })} role="status">
      ${r.image ? html`<img part="image" src=${r.image.url4x} alt="" />` : nothing}
      <div>
        <div part="text" class="text">${fillTemplate(ruleFor(this.templates, r) ?? this.template, r)}</div>
        ${r.userInput ? html`<div part="input" class="input">${r.userInput}</div>` : nothing}
        <div part="cost" class="cost">${r.rewardCost.toLocaleString()} points</div>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-alerts': OvlAlerts;
  }
  interface HTMLElementEventMap {
    'ovl-alert-show': CustomEvent<Redemption>;
    'ovl-alert-hide': CustomEvent<Redemption>;
    /** detail: how many alerts were dropped in all. */
    'ovl-alert-drop': CustomEvent<number>;
  }
}
