import { css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import type { ChatEventMap, ChatMessage, ChatNotice } from '../../sources/tmi/chat-events.js';
import type { EmotePart } from '../../domain/message-parts.js';
import { imageUrl } from '../../core/safe-values.js';
import { realSchedule, type Schedule } from '../../core/schedule.js';
import { SourceElement } from '../../controllers/source-element.js';
import { leavesOut } from '../chat/line-filter.js';
import { pickSource } from '../chat/image-templates.js';
import { listConverter } from '../shared/list-converter.js';
import { ComboTracker, type Combo } from './combo-tracker.js';

/** The chat events the combos listen to; a ChatSource provides them. */
export type ComboFeed = TypedEventTarget<Pick<ChatEventMap, 'message' | 'notice'>>;

/** The size emote images are made for at 1x. */
const NATIVE_SIZE = 28;

/**
 * Emote combos: when `min-users` different chatters send the same emote within `window`
 * seconds, a combo appears ("KEKW ×12") and grows with each further message that uses it; it
 * leaves `window` seconds after the last one, with an exit animation. Several stack (the
 * newest at the bottom), `max-combos` at most. The counting is in `ComboTracker`, per chatter,
 * so one chatter spamming makes no combo. Animations are transforms and opacity only. Lines
 * from `hide-bots` and commands (`!…`) are left out; while `paused` (OBS hides the source) chat
 * is not counted. Viewer text (emote codes) goes in as text; an image URL is checked first.
 *
 * @csspart base - The stack of combos.
 * @csspart combo - One combo; `data-emote` is its emote (`provider:id`).
 * @csspart leaving - A combo playing its exit animation (with `combo`).
 * @csspart emote - The emote's image (its code is the `alt`).
 * @csspart code - The emote's code, e.g. `KEKW`.
 * @csspart count - The count, e.g. `×12`.
 * @cssprop --ovl-combo-font - Font family.
 * @cssprop --ovl-combo-color - Text colour.
 * @cssprop --ovl-combo-background - Background of a combo.
 * @cssprop --ovl-combo-accent - Colour of the count.
 */
@customElement('ovl-emote-combo')
export class OvlEmoteCombo extends SourceElement<ComboFeed> {
  static override styles = css`
    :host {
      --_size: 56px;
      display: block;
      height: 100%;
      pointer-events: none;
      font-family: var(--ovl-combo-font, 'Inter', 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
      color: var(--ovl-combo-color, #ffffff);
    }
    .base {
      display: flex;
      flex-direction: column;
      justify-content: flex-end;
      align-items: flex-start;
      gap: 8px;
      height: 100%;
      overflow: hidden;
    }
    .combo {
      display: flex;
      align-items: center;
      gap: 0.4em;
      padding: 6px 14px 6px 8px;
      border-radius: 999px;
      background: var(--ovl-combo-background, rgba(16, 16, 20, 0.72));
      font-size: calc(var(--_size) * 0.42);
      font-weight: 800;
      text-shadow: 0 1px 3px rgba(0, 0, 0, 0.7);
      animation: ovl-combo-in 420ms cubic-bezier(0.2, 1.4, 0.4, 1) both;
    }
    .combo.leaving {
      animation: ovl-combo-out 350ms ease-in forwards;
    }
    img {
      width: var(--_size);
      height: var(--_size);
      object-fit: contain;
    }
    .count {
      color: var(--ovl-combo-accent, #ffd166);
      font-size: 1.3em;
      display: inline-block;
    }
    @keyframes ovl-combo-in {
      from {
        transform: translateX(-40%) scale(0.6);
        opacity: 0;
      }
    }
    @keyframes ovl-combo-out {
      to {
        transform: translateX(-30%) scale(0.8);
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .combo {
        animation-duration: 1ms;
      }
      .combo.leaving {
        animation-duration: 1ms;
      }
    }
  `;

  /** Different chatters who must send the same emote for a combo. */
  @property({ type: Number, attribute: 'min-users' }) minUsers = 3;
  /** Seconds within which they must send it; a combo ends this long after its last use. */
  @property({ type: Number }) window = 10;
  /** Combos at once at most. */
  @property({ type: Number, attribute: 'max-combos' }) maxCombos = 3;
  /** Emote size in pixels. */
  @property({ type: Number }) size = 56;
  /** Logins whose lines are left out (bots), case-insensitive. */
  @property({ attribute: 'hide-bots', converter: listConverter }) hideBots: readonly string[] = [];
  /** While true (OBS hides the source) chat is not counted. */
  @property({ type: Boolean }) paused = false;
  /** Runs the end of combos; tests step it by hand. */
  @property({ attribute: false }) schedule: Schedule = realSchedule;
  /** Epoch ms now (default Date.now); tests set it. */
  @property({ attribute: false }) clock: () => number = Date.now;

  private tracker = this.newTracker();
  /** The stack, from the first render on. */
  private base!: HTMLElement;
  private readonly rows = new Map<string, HTMLElement>();
  private cancelEnd: (() => void) | null = null;
  private endsAt: number | null = null;

  /** The combos on screen (not those leaving), oldest first. */
  get combos(): readonly Combo[] {
    return this.tracker.active;
  }

  protected listen(feed: ComboFeed, signal: AbortSignal): void {
    feed.addEventListener('message', (e) => this.take(e.detail), { signal });
    feed.addEventListener('notice', (e) => this.take(e.detail), { signal });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelEnd?.();
    this.cancelEnd = null;
    this.endsAt = null;
  }

  protected override render() {
    return html`<div class="base" part="base" @animationend=${this.onAnimationEnd}></div>`;
  }

  protected override firstUpdated(): void {
    this.base = this.renderRoot.querySelector('.base')!;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('size')) this.style.setProperty('--_size', `${this.size}px`);
    if (changed.has('minUsers') || changed.has('window') || changed.has('maxCombos')) {
      // New rules count afresh.
      for (const combo of this.tracker.active) this.leave(combo);
      this.tracker = this.newTracker();
    }
  }

  private newTracker(): ComboTracker {
    return new ComboTracker({ minUsers: this.minUsers, windowMs: this.window * 1000, maxCombos: this.maxCombos });
  }

  private take(line: ChatMessage | ChatNotice): void {
    if (this.paused || !line.user || leavesOut(line, { hideBots: this.hideBots, hideCommands: true })) return;
    const emotes = line.parts.filter((part): part is EmotePart => part.type === 'emote');
    if (emotes.length === 0) return;
    const { changed, ended } = this.tracker.use(line.user.id || line.user.login, emotes, this.clock());
    for (const combo of ended) this.leave(combo);
    for (const combo of changed) this.show(combo);
    this.planEnd();
  }

  /** Draws a combo that started, or its new count. */
  private show(combo: Combo): void {
    let row = this.rows.get(combo.key);
    if (!row) {
      row = this.makeRow(combo);
      this.rows.set(combo.key, row);
      this.base.append(row);
    } else {
      // A bump per use: the count grows visibly.
      row.querySelector('.count')!.animate([{ transform: 'scale(1.35)' }, { transform: 'scale(1)' }], { duration: 220, easing: 'ease-out' });
    }
    row.querySelector('.count')!.textContent = `×${combo.count}`;
  }

  private makeRow(combo: Combo): HTMLElement {
    const row = document.createElement('div');
    row.className = 'combo';
    row.setAttribute('part', 'combo');
    row.dataset.emote = combo.key;
    const img = document.createElement('img');
    img.setAttribute('part', 'emote');
    img.alt = combo.emote.code;
    const source = imageUrl(pickSource(combo.emote.srcset, combo.emote.url, (globalThis.devicePixelRatio || 1) * (this.size / NATIVE_SIZE)));
    if (source) img.src = source;
    const code = document.createElement('span');
    code.setAttribute('part', 'code');
    code.textContent = combo.emote.code;
    const count = document.createElement('span');
    count.className = 'count';
    count.setAttribute('part', 'count');
    row.append(img, code, count);
    return row;
  }

  /** A combo that ended plays its exit animation, then goes. */
  private leave(combo: Combo): void {
    const row = this.rows.get(combo.key);
    if (!row) return;
    this.rows.delete(combo.key);
    row.classList.add('leaving');
    row.setAttribute('part', 'combo leaving');
  }

  private onAnimationEnd(event: AnimationEvent): void {
    if (event.animationName === 'ovl-combo-out') (event.target as HTMLElement).remove();
  }

  /** One timer, for the next combo to end; none while nothing runs. */
  private planEnd(): void {
    const next = this.tracker.nextEnd();
    if (next === this.endsAt) return;
    this.cancelEnd?.();
    this.cancelEnd = null;
    this.endsAt = next;
    if (next === null) return;
    this.cancelEnd = this.schedule(() => {
      this.cancelEnd = null;
      this.endsAt = null;
      for (const combo of this.tracker.expire(this.clock())) this.leave(combo);
      this.planEnd();
    }, Math.max(0, next - this.clock()));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-emote-combo': OvlEmoteCombo;
  }
}
