import { Source, type SourceEventMap, type SourceOptions } from '../../core/source.js';
import { SourceError } from '../../core/errors.js';
import { Watchdog } from '../../core/watchdog.js';
import { createLogger } from '../../core/logger.js';
import { normalizeLogin } from '../../twitch/login.js';
import { parseIrcLine, type IrcMessage } from './irc-message.js';
import { normalizeIrc, type WordEmotes } from './normalize.js';
import type { SendQueue } from './send-queue.js';
import { TWITCH_CHAT_SERVER, TmiTransport, type ChatServer } from './tmi-transport.js';
import { serverAnswers } from '../../core/server-answers.js';
import type { ChatTransport } from './chat-transport.js';
import type { ChatEvent, ChatEventMap, ChatMessage, ChatNotice, ChatSelfState, ChatServerNotice } from './chat-events.js';

export interface ChatSourceEventMap extends SourceEventMap, ChatEventMap {}

export interface ChatSourceOptions extends SourceOptions {
  /** Channel login to read, with or without `#`. */
  readonly channel: string;
  /**
   * A user access token (`chat:read`, plus `chat:edit` to send), or a function that returns
   * the current one; it is read again on every reconnect. Absent: anonymous and read-only.
   */
  readonly token?: string | (() => string | Promise<string>);
  /** The token user's login (from `validateToken`). Required with a token. */
  readonly login?: string;
  /** Defaults to Twitch (`wss://irc-ws.chat.twitch.tv:443`). Tests use a fake server on 127.0.0.1. */
  readonly server?: ChatServer;
  /** Time from connecting to having joined before the attempt is abandoned. Default 20 s. */
  readonly loginTimeoutMs?: number;
  /** Silence on a joined connection before it is presumed dead. tmi.js pings every 60 s, so default 150 s. */
  readonly silenceTimeoutMs?: number;
  /** Emote image variant. Default `dark`. */
  readonly emoteTheme?: 'dark' | 'light';
  /** Replaces tmi.js, e.g. with the simulator. */
  readonly transport?: ChatTransport;
  /** Sees each raw incoming IRC line before it is parsed (`?record`). */
  readonly tap?: (data: string) => void;
}

/** Keeps a recent history and live chat from showing one line twice (see chat-history.ts). */
export interface HistoryGate {
  /** Whether a live event goes on: false for a line the history showed. Notes what it needs meanwhile. */
  admits(event: ChatEvent): boolean;
}

/** Counters for the debug view. */
export interface ChatStats {
  lines: number;
  /** Lines that were not IRC, or that could not be turned into an event. */
  malformed: number;
}

// Phrases tmi.js and Twitch use when a login is refused (§1.2).
const LOGIN_FAILURES = /Login authentication failed|Login unsuccessful|Improperly formatted auth|Error logging in|Invalid NICK/i;
const MAX_MESSAGE_CODE_POINTS = 500;

/**
 * Twitch chat for one channel, as typed events. Reads anonymously when no token is given.
 *
 * @fires message, notice, delete, clear-user, clear, roomstate, server-notice, self — chat events; history — a recent history given to `showHistory`
 * @fires status — on every state change; error — on every failure
 */
export class ChatSource extends Source<ChatSourceEventMap> {
  readonly name = 'chat';
  readonly channel: string;
  readonly stats: ChatStats = { lines: 0, malformed: 0 };
  /**
   * Third-party emotes (an EmoteLookup), found in each line's words as it is read, so the parts
   * a `message` or `notice` carries are final. May be set at any time (the emote services load
   * once the channel id is known): lines read before it keep the parts they had.
   */
  emotes?: WordEmotes;
  /**
   * Set before `start()` when the channel's recent history will be shown (`history=N`): it
   * holds back a live line the history showed, and notes what live chat removes meanwhile.
   */
  history?: HistoryGate;
  private readonly options: ChatSourceOptions;
  private readonly transport: ChatTransport;
  private readonly log = createLogger('chat');
  private readonly watchdog: Watchdog;
  /** Made on the first send, with the sending code: most pages only read chat. */
  private queue: SendQueue | null = null;
  /** Messages per 30 s window Twitch allows this user here (§1.9). */
  private sendLimit = 20;
  private selfState: ChatSelfState | null = null;
  private roomId = '';
  private joined = false;
  private localIds = 0;

  constructor(options: ChatSourceOptions) {
    super(options);
    this.options = options;
    const channel = normalizeLogin(options.channel);
    // Checked here too, not only in the URL schema: the channel is spelled into IRC lines (§1.2).
    if (channel === null) throw new SourceError('config', `"${options.channel}" is not a Twitch channel login.`);
    this.channel = channel;
    if (options.token && !options.login) throw new SourceError('config', 'A chat token needs the login of its user (validateToken gives it).');
    const token = options.token;
    this.transport =
      options.transport ??
      new TmiTransport({
        channel: this.channel,
        server: options.server,
        identity: token && options.login ? { login: options.login, token: typeof token === 'function' ? token : () => token } : undefined,
      });
    this.watchdog = new Watchdog(this.loginTimeoutMs, () => this.onSilence());
  }

  /** The channel's numeric id, known once joined (from ROOMSTATE); '' before. */
  get channelId(): string {
    return this.roomId;
  }

  /** Whether `send()` can work: logged in with a token. */
  get canSend(): boolean {
    return Boolean(this.options.token);
  }

  /**
   * Sends a chat message (or a reply to message `replyTo`), waiting for a free slot under
   * Twitch's rate limit. Text over 500 characters goes out as several messages.
   * Resolves once sent; the message is also emitted locally with `self: true`.
   */
  async send(text: string, options: { replyTo?: string } = {}): Promise<void> {
    if (!this.canSend) throw new SourceError('auth', 'Sending chat needs a token with the chat:edit scope; this overlay reads anonymously.');
    // A line break would end the IRC line and let the rest run as a command.
    const clean = text.replace(/[\r\n\u0000]+/g, ' ').trim();
    if (clean === '') return;
    if (options.replyTo !== undefined && !/^[\w-]+$/.test(options.replyTo)) throw new SourceError('config', 'Not a message id to reply to.');
    const [{ SendQueue, splitMessage }, { ownMessage }] = await Promise.all([import('./send-queue.js'), import('./own-message.js')]);
    const queue = (this.queue ??= new SendQueue({ limit: this.sendLimit }));
    for (const chunk of splitMessage(clean, MAX_MESSAGE_CODE_POINTS)) {
      await queue.acquire();
      const tag = options.replyTo ? `@reply-parent-msg-id=${options.replyTo} ` : '';
      this.transport.send(`${tag}PRIVMSG #${this.channel} :${chunk}`);
      this.localIds += 1;
      const from = { channel: this.channel, channelId: this.roomId, login: this.options.login ?? '', self: this.selfState, emoteTheme: this.options.emoteTheme, emotes: this.emotes };
      this.emit('message', ownMessage(chunk, { id: `local-${this.localIds}`, ...from }));
    }
  }

  /**
   * Emits lines from before the overlay started (`history=N`, read by chat-history.ts) as one
   * `history` event. They never pass the live path: no JOIN to confirm, no notice to fail on.
   */
  showHistory(lines: readonly (ChatMessage | ChatNotice)[]): void {
    this.emit('history', lines);
  }

  protected open(): void {
    this.joined = false;
    this.watchdog.kick(this.loginTimeoutMs);
    this.transport.connect({
      line: (raw, message) => {
        this.options.tap?.(raw);
        this.onLine(raw, message);
      },
      connecting: () => {
        if (this.status.state !== 'connecting') this.setStatus('connecting', { attempt: this.status.attempt });
        this.watchdog.kick(this.loginTimeoutMs);
      },
      loggedIn: () => this.watchdog.kick(this.loginTimeoutMs),
      disconnected: (reason) => this.onDisconnected(reason),
    });
  }

  /** Also ends the sends still waiting: a reconnect keeps them for the next connection. */
  override stop(): void {
    this.queue?.clear('Chat was stopped before this message could be sent.');
    super.stop();
  }

  /** Twitch's chat host, asked over HTTP(S); a transport of the simulator's has no server to ask. */
  protected override probe(): Promise<boolean> | null {
    if (this.options.transport) return null;
    const { host, port, secure } = this.options.server ?? TWITCH_CHAT_SERVER;
    return serverAnswers(new URL(`${secure ? 'wss' : 'ws'}://${host}:${port}/`), this.schedule, this.loginTimeoutMs);
  }

  protected close(): void {
    this.watchdog.stop();
    this.transport.disconnect();
  }

  private get loginTimeoutMs(): number {
    return this.options.loginTimeoutMs ?? 20_000;
  }

  private get silenceTimeoutMs(): number {
    return this.options.silenceTimeoutMs ?? 150_000;
  }

  /** `message` is the transport's parse of `raw`, if it made one: a line is parsed once. */
  private onLine(raw: string, message?: IrcMessage | null): void {
    if (!this.running) return;
    this.stats.lines += 1;
    if (this.joined) this.watchdog.kick(this.silenceTimeoutMs);
    let event: ChatEvent | null;
    try {
      const parsed = message === undefined ? parseIrcLine(raw) : message;
      if (!parsed) {
        this.stats.malformed += 1;
        this.log.debug('ignored a line that is not IRC:', raw.slice(0, 200));
        return;
      }
      if (parsed.command === 'RECONNECT') {
        // The server is about to restart: another one takes the connection now (§1.3).
        this.reconnect(new SourceError('network', 'Twitch restarts its chat server; reconnecting.'), 0);
        return;
      }
      event = normalizeIrc(parsed, { now: Date.now(), emoteTheme: this.options.emoteTheme, emotes: this.emotes, channelId: this.roomId });
    } catch (error) {
      this.stats.malformed += 1;
      this.log.warn('could not read a chat line; skipped it:', error);
      return;
    }
    if (event) this.dispatch(event);
  }

  private dispatch(event: ChatEvent): void {
    switch (event.type) {
      case 'roomstate':
        if (event.channel !== this.channel) break;
        if (event.channelId) this.roomId = event.channelId;
        if (!this.joined) {
          // ROOMSTATE is Twitch's acknowledgement of the JOIN (§1.2): chat now flows.
          this.joined = true;
          this.markConnected();
          this.watchdog.kick(this.silenceTimeoutMs);
        }
        break;
      case 'self':
        this.selfState = event;
        if (event.channel === this.channel) {
          this.sendLimit = event.privileged ? 100 : 20;
          if (this.queue) this.queue.limit = this.sendLimit;
        }
        break;
      case 'server-notice':
        this.onServerNotice(event);
        break;
    }
    if (this.history && !this.history.admits(event)) return;
    this.emit(event.type, event as never);
  }

  private onServerNotice(notice: ChatServerNotice): void {
    if (notice.msgId === 'msg_channel_suspended' || notice.msgId === 'tos_ban' || notice.msgId === 'msg_banned_channel') {
      this.fail(new SourceError('config', `Twitch says channel "${this.channel}" cannot be joined: ${notice.text} Check the channel name.`));
    } else if (notice.msgId === 'msg_ratelimit' || notice.msgId === 'msg_duplicate' || notice.msgId === 'msg_slowmode') {
      this.fail(new SourceError('rate-limit', `Twitch did not post a message: ${notice.text}`));
    }
  }

  private onDisconnected(reason: string): void {
    if (!this.running || this.status.state === 'error') return;
    this.joined = false;
    if (LOGIN_FAILURES.test(reason)) {
      this.watchdog.stop();
      this.fail(
        new SourceError('auth', `Twitch refused the chat login (${reason}). The token has expired or was revoked: make a new overlay link on the setup page.`),
      );
      return;
    }
    this.reconnect(new SourceError('network', `Chat connection lost${reason ? ` (${reason})` : ''}; reconnecting.`));
  }

  private onSilence(): void {
    if (!this.running || this.status.state === 'error') return;
    const ms = this.joined ? this.silenceTimeoutMs : this.loginTimeoutMs;
    const what = this.joined ? 'went silent' : 'did not finish logging in';
    const error = new SourceError('network', `Chat ${what} for ${+(ms / 1000).toFixed(1)} s; reconnecting.`);
    this.log.warn(error.message);
    this.joined = false;
    this.reconnect(error);
  }
}
