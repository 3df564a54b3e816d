import { adoptStyles, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TypedEventTarget } from '../../core/typed-event-target.js';
import type { ChatEventMap, ChatMessage, ChatNotice, ChatUser } from '../../sources/tmi/chat-events.js';
import type { BadgeLookup } from '../../chat-lookups/badges/badge-lookup.js';
import { SourceElement } from '../../controllers/source-element.js';
import { fillMessageLine, fillNoticeLine, type LineContext } from './chat-line.js';
import { chatStyles } from './ovl-chat.styles.js';
import { fire } from '../../core/element-events.js';
import { ImageTemplates } from './image-templates.js';
import type { ChatDecorations } from './chat-decorations.js';
import { leavesOut } from './line-filter.js';
import { listConverter } from '../shared/list-converter.js';

/** The events `<ovl-chat>` listens to. A ChatSource provides them; so can anything else. */
export type ChatFeedEventMap = Pick<ChatEventMap, 'message' | 'notice' | 'delete' | 'clear-user' | 'clear' | 'roomstate' | 'history'>;
export type ChatFeed = TypedEventTarget<ChatFeedEventMap>;

type LineEvent = ChatMessage | ChatNotice;

interface Row {
  readonly element: HTMLElement;
  readonly userId: string;
  /** The channel the line was read in: timeouts and clears apply per channel. */
  readonly channel: string;
  /** Ids of the message in each channel it arrived in, when the row is keyed by its Shared Chat source id instead. */
  readonly aliases: string[];
  /** Built while its chatter's lookups were still out: decorated when they answer. */
  lateUser?: ChatUser;
  /** A line of a recent history: its time. History lines stay above live ones, in time order. */
  historyAt?: number;
}

/** Message kinds a line is marked with (`msg-id`), as class and part names. */
const MESSAGE_KINDS: Readonly<Record<string, string>> = {
  'highlighted-message': 'highlighted',
  'gigantified-emote-message': 'gigantified',
  'animated-message': 'animated',
};

/** The class and part names after `line`, each with a leading space: `notice`, `action`, `highlighted`, `first` … */
function lineKinds(event: LineEvent): string {
  if (event.type === 'notice') return ' notice';
  let kinds = event.isAction ? ' action' : '';
  const kind = event.msgId ? MESSAGE_KINDS[event.msgId] : undefined;
  if (kind) kinds += ` ${kind}`;
  if (event.firstMessage) kinds += ' first';
  return kinds;
}

/**
 * A line's key: one message seen in several joined channels of a Shared Chat session carries
 * the same `source-id` in each (and the origin channel's copy has it as its own id), so it is
 * drawn once.
 */
function lineKey(event: LineEvent): string {
  return event.sourceMessageId || event.id;
}

/**
 * Twitch chat as a bounded list of lines, newest at the bottom.
 *
 * Rendering: events are queued and drawn once per animation frame. Of a burst, only the
 * newest lines that can be on screen after the frame are built: as many as the list's height
 * holds of its shortest possible line (a hidden one-row probe line), both measured by a
 * ResizeObserver, never read in the frame. Older lines of the burst are skipped, since they
 * would be pushed out of sight before being seen; `skippedLines` counts them and a
 * `ovl-chat-skipped` event reports the count (shown in `?debug`). So when chat outruns the
 * overlay it jumps to the newest lines and lag stays bounded. Each line is built once with
 * DOM calls (emote and badge images are cloned from one template per image) and removed as a
 * whole; lines are never re-rendered. (This also keeps clear of Lit's `repeat()` over a
 * rolling window, which leaks a comment node per removed item in lit-html 3.3.1+, lit/lit#5010.)
 *
 * A feed's `history` event (a channel's recent chat, `history=N`) is drawn in one frame,
 * without the entry animation, above the live lines and in time order with the history lines
 * of other channels already drawn: it may come after the first live lines.
 *
 * The element never opens a connection: give it a source and it listens while connected.
 *
 * @fires ovl-chat-skipped - when more lines were skipped to keep up; detail: how many in all (`skippedLines`). At most once a frame; not bubbling.
 * @csspart base - The scrolling column of lines.
 * @csspart line - One line; also `notice` (sub, raid, announcement …; announcements have `data-color`), `action` (/me), `highlighted`, `first` (a first-time chatter), `gigantified`, `animated` (`data-animation`), `emote-only` (with `big-emotes`), `history` (from before the overlay started). Has `data-id` = message id.
 * @csspart name - The sender's display name.
 * @csspart login - The login after a localized name.
 * @csspart badge - A badge image; `data-badge` is its set.
 * @csspart emote - An emote image; `alt` is the emote's code.
 * @csspart message - The message text.
 * @csspart reply - The message being replied to.
 * @csspart cheer - A cheer such as `Cheer100`.
 * @csspart cheermote - A cheer's image (with a token); `alt` is the cheer, e.g. `Cheer100`.
 * @csspart channel - With `show-channel`: the channel a line was read in (lines also carry `data-channel`).
 * @csspart source - Shared Chat: the marker of the channel a line was sent in (its name, or ⇄ until known); `data-channel-id`.
 * @csspart source-avatar - The source channel's avatar in that marker.
 * @csspart pronouns - The chatter's pronouns after the name (`pronouns`).
 * @csspart notice-text - The headline of a notice line.
 * @cssprop --ovl-chat-font - Font family.
 * @cssprop --ovl-chat-font-size - Text size (default 20px).
 * @cssprop --ovl-chat-text-color - Text colour.
 * @cssprop --ovl-chat-text-shadow - Shadow behind the text.
 * @cssprop --ovl-chat-outline-width - Outline around the text (default 0: none).
 * @cssprop --ovl-chat-outline-color - Colour of the outline.
 * @cssprop --ovl-chat-line-background - Background behind each line.
 * @cssprop --ovl-chat-line-padding - Padding of each line.
 * @cssprop --ovl-chat-line-gap - Space between lines.
 * @cssprop --ovl-chat-line-radius - Corner radius of each line.
 * @cssprop --ovl-chat-name-weight - Font weight of names.
 * @cssprop --ovl-chat-emote-size - Height of emotes.
 * @cssprop --ovl-chat-badge-size - Height of badges.
 * @cssprop --ovl-chat-cheer-color - Colour of cheers.
 * @cssprop --ovl-chat-notice-background - Background of notice lines (subs, raids, announcements).
 * @cssprop --ovl-chat-notice-accent - Accent bar of notice lines.
 * @cssprop --ovl-chat-reply-color - Colour of the replied-to message.
 * @cssprop --ovl-chat-highlight-background - Background of highlighted messages (channel points).
 * @cssprop --ovl-chat-first-accent - Accent bar of a first-time chatter's message.
 * @cssprop --ovl-chat-enter-duration - Length of the entry animation.
 * @cssprop --ovl-chat-fade-duration - Length of the fade-out.
 * @cssprop --ovl-chat-exit-duration - Length of the exit of a line a moderator removed (`animate-exit`).
 * @cssprop --ovl-chat-font-weight - Font weight of the text.
 * @cssprop --ovl-chat-line-height - Line height (default 1.35).
 * @cssprop --ovl-chat-align - Text alignment: start, center, right …
 */
@customElement('ovl-chat')
export class OvlChat extends SourceElement<ChatFeed> {
  static override styles = chatStyles;

  /** Lines kept on screen; the oldest leave first. */
  @property({ type: Number, attribute: 'max-messages' }) maxMessages = 50;
  /** New lines slide in. Off by default: it costs main-thread time where OBS has no GPU compositing. */
  @property({ type: Boolean, attribute: 'animate-entry' }) animateEntry = false;
  /** Lines removed by a moderator (deleted, timed out, cleared) fade out briefly instead of vanishing. */
  @property({ type: Boolean, attribute: 'animate-exit' }) animateExit = false;
  /** Seconds after which a line fades out; 0 keeps lines until pushed out. */
  @property({ type: Number, attribute: 'fade-after' }) fadeAfter = 0;
  /** Logins whose messages are not shown (bots), case-insensitive. */
  @property({ attribute: 'hide-bots', converter: listConverter }) hideBots: readonly string[] = [];
  /** Hide messages starting with `!` (bot commands). */
  @property({ type: Boolean, attribute: 'hide-commands' }) hideCommands = false;
  /** Hide sub, raid and other notices. */
  @property({ type: Boolean, attribute: 'hide-notices' }) hideNotices = false;
  /** Name colours are adjusted to be readable on this colour (the scene behind the overlay). */
  @property({ attribute: 'contrast-background' }) contrastBackground = '#18181b';
  /** Start each line with the channel it was read in (for a feed of several channels). */
  @property({ type: Boolean, attribute: 'show-channel' }) showChannel = false;
  /** Emote-only messages drawn with large emotes. */
  @property({ type: Boolean, attribute: 'big-emotes' }) bigEmotes = false;
  /** Emotes drawn per line at most (against emote spam); 0 for no cap. */
  @property({ type: Number, attribute: 'max-emotes' }) maxEmotes = 0;
  /**
   * Lines from the other channels of a Shared Chat session: `show` them with a marker of their
   * channel, `hide` the marker (one chat), or show `own-only` the lines sent in this channel.
   */
  @property() shared: 'show' | 'hide' | 'own-only' = 'show';
  /** While true (OBS hides the source) lines queue up, bounded, and are drawn when it turns false. */
  @property({ type: Boolean }) paused = false;
  /** Badge images; without them badges are left out. */
  @property({ attribute: false }) badges?: BadgeLookup;
  /** Third-party badges, 7TV name paints, pronouns and cheermote images, from optional services. */
  @property({ attribute: false }) decorations?: ChatDecorations;

  /** The list, from the first render on. */
  private base!: HTMLElement;

  private pending: LineEvent[] = [];
  /** History lines waiting for a frame, and the module that draws them (loaded with the first). */
  private historyQueue: LineEvent[] = [];
  private historyRows?: typeof import('./history-rows.js');
  private readonly rows = new Map<string, Row>();
  /** Chatters whose decoration lookups are out, and those of them with lines drawn meanwhile. */
  private readonly lookups = new Set<string>();
  private readonly lateUsers = new Set<string>();
  /** Line id → row key, for rows keyed by their Shared Chat source id. */
  private readonly aliases = new Map<string, string>();
  private readonly images = new ImageTemplates();
  private channelId = '';
  private readonly hiddenUsers = new Set<string>();
  private autoIds = 0;
  private skipped = 0;
  private reportedSkips = 0;
  private listHeight = 0;
  private probeHeight = 0;
  /** How many lines can be on screen at once; unknown (Infinity) until first measured. */
  private fits = Infinity;

  /** Lines currently drawn. */
  get lineCount(): number {
    return this.rows.size;
  }

  /** Lines never drawn because newer ones filled the screen in the same frame. */
  get skippedLines(): number {
    return this.skipped;
  }

  protected listen(feed: ChatFeed, signal: AbortSignal): void {
    const options = { signal };
    feed.addEventListener('message', (e) => this.enqueue(e.detail), options);
    feed.addEventListener('notice', (e) => this.enqueue(e.detail), options);
    feed.addEventListener('delete', (e) => this.removeLine(e.detail.messageId), options);
    feed.addEventListener('clear-user', (e) => this.removeUser(e.detail.userId, e.detail.channel), options);
    feed.addEventListener('clear', (e) => this.clear(e.detail.channel), options);
    feed.addEventListener('roomstate', (e) => (this.channelId = e.detail.channelId || this.channelId), options);
    feed.addEventListener('history', (e) => this.enqueueHistory(e.detail), options);
  }

  /** Takes a chatter's lines off, in every channel, and keeps their next ones off (the dock's Hide this user). */
  hideUser(userId: string): void {
    this.hiddenUsers.add(userId);
    this.removeUser(userId);
  }

  /** Shows the hidden chatters' next lines again (the stream ended). */
  unhideUsers(): void {
    this.hiddenUsers.clear();
  }

  /** Removes every line, shown or queued; with a channel, only the lines read in it. */
  clear(channel?: string): void {
    this.filterQueued((event) => channel !== undefined && event.channel !== channel);
    for (const [key, row] of this.rows) if (channel === undefined || row.channel === channel) this.drop(key, row, true);
  }

  // Updates wait for the next animation frame, so a burst of messages costs one render.
  protected override async scheduleUpdate(): Promise<void> {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    super.scheduleUpdate();
  }

  protected override render() {
    return html`<div part="base" class=${this.animateEntry ? 'base animate' : 'base'} role="log" aria-live="polite" @animationend=${this.onAnimationEnd}>
      <div class="line probe" aria-hidden="true">&nbsp;</div>
    </div>`;
  }

  protected override firstUpdated(): void {
    this.base = this.renderRoot.querySelector('.base')!;
    // Sizes arrive after layout, outside the frame that draws lines: the hot path reads no
    // layout. (The observer follows the element through moves; it goes with it when dropped.)
    const observer = new ResizeObserver((entries) => this.measure(entries));
    observer.observe(this.base);
    observer.observe(this.base.firstElementChild!); // the probe
    // The rarer line kinds' styles arrive in their own chunk, just after the page is up.
    void import('./ovl-chat-kinds.styles.js').then(({ kindStyles }) => adoptStyles(this.renderRoot as ShadowRoot, [chatStyles, kindStyles]));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('maxMessages')) this.trim();
    if (!this.paused) this.flush();
  }

  private measure(entries: readonly ResizeObserverEntry[]): void {
    for (const entry of entries) {
      if (entry.target === this.base) this.listHeight = entry.contentRect.height;
      else this.probeHeight = entry.borderBoxSize[0]!.blockSize; // the probe's padding counts
    }
    const gap = parseFloat(getComputedStyle(this.base).rowGap) || 0;
    // Every line is at least one row high, so no more than this many can show even in part.
    this.fits = this.listHeight > 0 && this.probeHeight > 0 ? Math.floor((this.listHeight + gap) / (this.probeHeight + gap)) + 1 : Infinity;
  }

  /** The most lines one frame can usefully build. */
  private get room(): number {
    return Math.min(this.maxMessages, this.fits);
  }

  /** Whether a line is to be drawn; if so its chatter's lookups start. */
  private admit(event: LineEvent): boolean {
    if (!this.shows(event)) return false;
    if (event.user) this.lookUp(event.user);
    return true;
  }

  private enqueue(event: LineEvent): void {
    if (!this.admit(event)) return;
    this.pending.push(event);
    // Only the newest lines of a burst can be on screen after it; drop the rest as they pile up.
    const room = this.room;
    if (this.pending.length > room * 2) this.skip(this.pending.length - room);
    this.requestUpdate();
  }

  private enqueueHistory(lines: readonly LineEvent[]): void {
    this.historyQueue.push(...lines.filter((line) => this.admit(line)));
    void import('./history-rows.js').then((module) => {
      this.historyRows = module;
      this.requestUpdate();
    });
  }

  /** Keeps the queued lines, live and history, that `keep` accepts. */
  private filterQueued(keep: (event: LineEvent) => boolean): void {
    this.pending = this.pending.filter(keep);
    this.historyQueue = this.historyQueue.filter(keep);
  }

  /** Drops the oldest `count` queued lines, unseen. */
  private skip(count: number): void {
    this.pending.splice(0, count);
    this.skipped += count;
  }

  private shows(event: LineEvent): boolean {
    if (this.shared === 'own-only' && event.sourceChannelId) return false;
    if (event.user && this.hiddenUsers.has(event.user.id)) return false;
    if (event.type === 'notice') return !this.hideNotices;
    return !leavesOut(event, this);
  }

  private flush(): void {
    const room = this.room;
    if (this.pending.length > room) this.skip(this.pending.length - room);
    if (this.reportedSkips !== this.skipped) {
      this.reportedSkips = this.skipped;
      fire(this, 'ovl-chat-skipped', this.skipped);
    }
    const history = this.historyRows ? this.historyQueue.splice(0) : [];
    if (this.pending.length + history.length === 0) return;
    const context: LineContext = {
      badges: this.badges,
      channelId: this.channelId,
      contrastBackground: this.contrastBackground,
      images: this.images,
      markShared: this.shared === 'show',
      markChannel: this.showChannel,
      maxEmotes: this.maxEmotes,
      bigEmotes: this.bigEmotes,
      decorations: this.decorations,
    };
    if (history.length > 0) this.historyRows!.drawHistory(history, this.room, this.rows, this.base, (line) => this.addRow(line, context));
    const fragment = document.createDocumentFragment();
    for (const event of this.pending.splice(0)) {
      const row = this.addRow(event, context);
      if (row) fragment.append(row.element);
    }
    this.base.append(fragment);
    this.trim();
  }

  /**
   * The row of a line not drawn yet; null for one drawn already: a repeated delivery, or
   * another channel's copy of a Shared Chat line, is drawn once and deleted by any of its ids.
   */
  private addRow(event: LineEvent, context: LineContext): Row | null {
    const id = event.id || `auto-${++this.autoIds}`;
    const key = lineKey(event) || id;
    const shown = this.rows.get(key);
    if (shown) {
      if (id !== key && !shown.aliases.includes(id)) this.alias(shown, id, key);
      return null;
    }
    const row = this.createRow(id, event, context);
    if (event.user && this.lookups.has(event.user.id)) {
      row.lateUser = event.user;
      this.lateUsers.add(event.user.id);
    }
    this.rows.set(key, row);
    if (id !== key) this.alias(row, id, key);
    return row;
  }

  private createRow(id: string, event: LineEvent, context: LineContext): Row {
    const element = document.createElement('div');
    const kinds = lineKinds(event);
    element.className = `line${kinds}`;
    element.setAttribute('part', `line${kinds}`);
    element.dir = 'auto';
    element.dataset.id = id;
    if (this.showChannel) element.dataset.channel = event.channel;
    if (event.user) element.dataset.login = event.user.login;
    if (event.type === 'notice') {
      element.dataset.kind = event.details.kind;
      // Announcements in their colour (PRIMARY, BLUE, GREEN, ORANGE, PURPLE), as the styles draw them.
      if (event.details.kind === 'announcement') element.dataset.color = event.details.color.toLowerCase();
    } else if (event.animationId) element.dataset.animation = event.animationId;
    if (this.fadeAfter > 0) {
      element.classList.add('fading');
      element.style.setProperty('--_fade-delay', `${this.fadeAfter}s`);
    }
    if (event.type === 'notice') fillNoticeLine(element, event, context);
    else fillMessageLine(element, event, context);
    return { element, userId: event.user?.id ?? '', channel: event.channel, aliases: [] };
  }

  private trim(): void {
    for (const [key, row] of this.rows) {
      if (this.rows.size <= this.maxMessages) break;
      this.drop(key, row);
      this.images.recycle(row.element);
    }
  }

  /**
   * Starts the decorations' lookups for a chatter (7TV, pronouns). Most answer before the
   * line's frame (known chatters at once); a line built while they are out is decorated once
   * they answer: a one-off per new chatter, never per line.
   */
  private lookUp(user: ChatUser): void {
    const running = this.decorations?.notice?.(user);
    if (!running || !user.id || this.lookups.has(user.id)) return;
    this.lookups.add(user.id);
    void running.then(() => {
      this.lookups.delete(user.id);
      if (!this.lateUsers.delete(user.id)) return;
      for (const row of this.rows.values()) {
        if (row.lateUser?.id !== user.id) continue;
        row.lateUser = undefined;
        this.decorateLate(row.element, user);
      }
    });
  }

  /** Adds what the decorations found to a line already drawn: badges before the name, a paint, pronouns after it. */
  private decorateLate(line: HTMLElement, user: ChatUser): void {
    const name = line.querySelector<HTMLElement>('[part="name"]');
    const decorations = this.decorations;
    if (!name || !decorations) return;
    const before = document.createElement('span');
    decorations.badges?.(before, user, this.images);
    name.before(...before.childNodes);
    decorations.name?.(name, user);
    const after = document.createElement('span');
    decorations.afterName?.(after, user);
    name.after(...after.childNodes);
  }

  private alias(row: Row, id: string, key: string): void {
    row.aliases.push(id);
    this.aliases.set(id, key);
  }

  /** Takes a row out; `leave` lets it fade out first (with `animate-exit`), removed when its animation ends. */
  private drop(key: string, row: Row, leave = false): void {
    if (leave && this.animateExit) {
      row.element.classList.remove('fading');
      row.element.classList.add('leaving');
    } else row.element.remove();
    this.rows.delete(key);
    for (const id of row.aliases) this.aliases.delete(id);
  }

  /**
   * Takes a line off: a moderator's deletion, or the dock's Remove from overlay. It is named by
   * its id in the channel (or, in Shared Chat, its source id); `leave` lets it fade out (`animate-exit`).
   */
  removeLine(id: string, leave = true): void {
    this.filterQueued((event) => event.id !== id && event.sourceMessageId !== id);
    const key = this.aliases.get(id) ?? id;
    const row = this.rows.get(key);
    if (row) this.drop(key, row, leave);
  }

  /** A timeout or ban removes everything that user said in that channel; hiding them, in every channel. */
  private removeUser(userId: string, channel?: string): void {
    if (!userId) return;
    const theirs = (of: { readonly channel: string }) => channel === undefined || of.channel === channel;
    this.filterQueued((event) => event.user?.id !== userId || !theirs(event));
    for (const [key, row] of this.rows) if (row.userId === userId && theirs(row)) this.drop(key, row, true);
  }

  private onAnimationEnd(event: AnimationEvent): void {
    if (event.animationName === 'ovl-leave') (event.target as HTMLElement).remove();
    if (event.animationName !== 'ovl-fade') return;
    const id = (event.target as HTMLElement).dataset.id;
    if (id) this.removeLine(id, false); // faded out already
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-chat': OvlChat;
  }
  interface HTMLElementEventMap {
    /** detail: lines skipped to keep up, in all. */
    'ovl-chat-skipped': CustomEvent<number>;
  }
}
