import { css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import type { ChatEventMap, ChatMessage, ChatNotice } from '../../sources/tmi/chat-events.js';
import type { EmotePart } from '../../domain/message-parts.js';
import { imageUrl } from '../../core/safe-values.js';
import { SourceElement } from '../../controllers/source-element.js';
import { leavesOut } from '../chat/line-filter.js';
import { pickSource } from '../chat/image-templates.js';
import { listConverter } from '../shared/list-converter.js';
import { burstOrigin, runOf, type EmoteMotion, type Point, type Run, type Stage } from './emote-motion.js';
import { SpritePool } from './sprite-pool.js';

/** The chat events the wall listens to; a ChatSource provides them. */
export type EmoteFeed = TypedEventTarget<Pick<ChatEventMap, 'message' | 'notice'>>;

/** Images one sprite draws at most: the emote and up to three zero-width emotes on it. */
const MAX_LAYERS = 4;
/** The size emote images are made for at 1x (Twitch's 1.0, the services' 1x). */
const NATIVE_SIZE = 28;
/** Image sources chosen, by emote URL; past this many the table starts over. */
const SOURCES_KEPT = 2000;

/** One emote on the wall: a box that moves, scales and fades, and its images. Reused. */
interface Sprite {
  readonly box: HTMLElement;
  readonly images: HTMLImageElement[];
  animation: Animation | null;
}

/** An emote waiting for the next frame, with the message it came in. */
interface Launch {
  readonly emote: EmotePart;
  readonly message: number;
}

/**
 * Every emote used in chat flying across a transparent full-screen page: Twitch, 7TV, BTTV and
 * FFZ emotes, zero-width ones drawn on their base. Each moves as `motion` says for `lifetime`
 * seconds, animated by the compositor alone (transform and opacity): the main thread only
 * starts runs. At most `max-on-screen` are out at once, the oldest leaving first, so an
 * emote-only raid can never grow the page. The sprites (boxes and images) are made once and
 * reused, so the DOM stays the same size however long chat runs; emotes of a burst of chat are
 * started once a frame, only as many as can be on screen. Lines from `hide-bots` and commands
 * (`!…`) are left out; while `paused` (OBS hides the source) emotes are dropped, not queued.
 * With the system's reduced motion setting emotes fade in and out where they appear.
 *
 * @csspart base - The wall.
 * @csspart emote - One emote's image (the emote's code is its `alt`).
 * @csspart overlay - A zero-width emote drawn on it (with `emote`).
 * @cssprop --ovl-emote-wall-filter - A CSS filter on the emotes, e.g. `drop-shadow(0 2px 4px black)` (default none).
 */
@customElement('ovl-emote-wall')
export class OvlEmoteWall extends SourceElement<EmoteFeed> {
  static override styles = css`
    :host {
      display: block;
      width: 100%;
      height: 100%;
      pointer-events: none;
    }
    .stage {
      position: relative;
      width: 100%;
      height: 100%;
      overflow: hidden;
      contain: strict;
    }
    .sprite {
      position: absolute;
      left: 0;
      top: 0;
      width: var(--_size);
      height: var(--_size);
      opacity: 0;
      will-change: transform, opacity;
    }
    .sprite[hidden] {
      display: none;
    }
    img {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: contain;
      filter: var(--ovl-emote-wall-filter, none);
    }
    img[hidden] {
      display: none;
    }
  `;

  /** How emotes move: `rise`, `fall`, `bounce` or `burst` (a message's emotes fly out from one point). */
  @property() motion: EmoteMotion = 'rise';
  /** Emote size in pixels. */
  @property({ type: Number }) size = 64;
  /** Seconds an emote is on screen. */
  @property({ type: Number }) lifetime = 5;
  /** Emotes taken from one message at most. */
  @property({ type: Number, attribute: 'per-message' }) perMessage = 3;
  /** Emotes on screen at most; past it the oldest leave first. */
  @property({ type: Number, attribute: 'max-on-screen' }) maxOnScreen = 100;
  /** Logins whose lines are left out (bots), case-insensitive. */
  @property({ attribute: 'hide-bots', converter: listConverter }) hideBots: readonly string[] = [];
  /** While true (OBS hides the source) emotes are dropped. */
  @property({ type: Boolean }) paused = false;

  private readonly pool = new SpritePool<Sprite>(
    () => this.makeSprite(),
    (sprite) => this.stop(sprite),
  );
  /** The list the sprites live in, from the first render on. */
  private stage!: HTMLElement;
  /** The wall's size, measured after layout (never read while starting runs); null until then. */
  private area: { readonly width: number; readonly height: number } | null = null;
  private queued: Launch[] = [];
  private messages = 0;
  private frame = 0;
  private readonly sources = new Map<string, string | null>();
  private readonly reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  /** Emotes on screen now. */
  get onScreen(): number {
    return this.pool.size;
  }

  /** Sprites ever made: at most the largest `max-on-screen`, however many emotes were shown. */
  get spritesMade(): number {
    return this.pool.made;
  }

  protected listen(feed: EmoteFeed, signal: AbortSignal): void {
    feed.addEventListener('message', (e) => this.take(e.detail), { signal });
    feed.addEventListener('notice', (e) => this.take(e.detail), { signal });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.queued = [];
  }

  protected override render() {
    return html`<div class="stage" part="base"></div>`;
  }

  protected override firstUpdated(): void {
    this.stage = this.renderRoot.querySelector('.stage')!;
    new ResizeObserver(([entry]) => (this.area = entry!.contentRect)).observe(this.stage);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('size')) return;
    this.style.setProperty('--_size', `${this.size}px`);
    // The image chosen for an emote depends on its size.
    this.sources.clear();
  }

  private take(line: ChatMessage | ChatNotice): void {
    if (this.paused || leavesOut(line, { hideBots: this.hideBots, hideCommands: true })) return;
    const emotes = line.parts.filter((part): part is EmotePart => part.type === 'emote').slice(0, Math.max(0, this.perMessage));
    if (emotes.length === 0) return;
    const message = ++this.messages;
    for (const emote of emotes) this.queued.push({ emote, message });
    // Only the newest can be on screen after the frame: older ones of a burst are never started.
    if (this.queued.length > this.maxOnScreen) this.queued.splice(0, this.queued.length - this.maxOnScreen);
    this.frame ||= requestAnimationFrame(() => this.launchQueued());
  }

  private launchQueued(): void {
    this.frame = 0;
    const stage: Stage = { width: this.area?.width || innerWidth, height: this.area?.height || innerHeight, size: this.size };
    // A burst's emotes fly out from one point per message.
    const origins = new Map<number, Point>();
    const originOf = (message: number) => origins.get(message) ?? origins.set(message, burstOrigin(stage, Math.random)).get(message)!;
    const reduced = this.reducedMotion.matches;
    for (const { emote, message } of this.queued.splice(0)) {
      this.launch(emote, runOf(this.motion, stage, Math.random, this.motion === 'burst' ? originOf(message) : undefined, reduced));
    }
  }

  private launch(emote: EmotePart, run: Run): void {
    const layers = [emote, ...(emote.overlays ?? [])].slice(0, MAX_LAYERS);
    const sources = layers.map((layer) => this.sourceOf(layer));
    if (!sources[0]) return;
    const sprite = this.pool.take(this.maxOnScreen);
    // Only what changed is written: each write makes the browser restyle the sprite.
    sprite.images.forEach((img, i) => {
      const source = sources[i];
      if (img.hidden !== !source) img.hidden = !source;
      if (!source) return;
      if (img.getAttribute('src') !== source) img.src = source;
      if (img.alt !== layers[i]!.code) img.alt = layers[i]!.code;
    });
    if (sprite.box.hidden) sprite.box.hidden = false;
    sprite.animation = sprite.box.animate(run, this.lifetime * 1000);
    sprite.animation.onfinish = () => {
      this.pool.give(sprite);
      sprite.box.hidden = true;
    };
  }

  /**
   * The URL drawn for an emote at this size on this screen (a checked http(s) URL; null for
   * anything else), chosen once per emote.
   */
  private sourceOf(emote: EmotePart): string | null {
    let source = this.sources.get(emote.url);
    if (source === undefined) {
      if (this.sources.size >= SOURCES_KEPT) this.sources.clear();
      const density = (globalThis.devicePixelRatio || 1) * (this.size / NATIVE_SIZE);
      source = imageUrl(pickSource(emote.srcset, emote.url, density));
      this.sources.set(emote.url, source);
    }
    return source;
  }

  private makeSprite(): Sprite {
    const box = document.createElement('div');
    box.className = 'sprite';
    const images = Array.from({ length: MAX_LAYERS }, (_, i) => {
      const img = document.createElement('img');
      img.setAttribute('part', i === 0 ? 'emote' : 'emote overlay');
      img.decoding = 'async';
      img.hidden = true;
      return img;
    });
    box.append(...images);
    this.stage.append(box);
    return { box, images, animation: null };
  }

  /** Ends a sprite's run; one taken back at the cap is reused at once, so it is hidden only when its run ends. */
  private stop(sprite: Sprite): void {
    sprite.animation?.cancel();
    sprite.animation = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-emote-wall': OvlEmoteWall;
  }
}
