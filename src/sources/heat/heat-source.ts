import { Source, type SourceEventMap } from '../../core/source.js';
import { SourceError } from '../../core/errors.js';
import { Backoff } from '../../core/backoff.js';
import { closeQuietly } from '../../core/close-socket.js';
import { Watchdog } from '../../core/watchdog.js';
import { createLogger } from '../../core/logger.js';
import type { UserDirectory } from '../../twitch/user-directory.js';
import { parseHeatFrame, type HeatClick } from './heat-click.js';

export const HEAT_URL = 'wss://heat-api.j38.net/channel';

export interface HeatEventMap extends SourceEventMap {
  click: HeatClick;
  /** Heat's informational messages. */
  system: string;
  /** A frame was skipped as malformed or out of range; `count` is the total so far. */
  reject: { readonly reason: string; readonly count: number };
}

export interface HeatSourceOptions {
  /** The channel's numeric user id. */
  readonly channelId: string;
  /** Names for real user ids; without it clicks carry ids only. */
  readonly users?: UserDirectory;
  /** Base URL; the channel id is appended. Tests use a fake server. */
  readonly url?: string;
  readonly backoff?: Backoff;
  /** Reconnect after this much silence. Heat sends nothing while nobody clicks, so default 10 min. */
  readonly silenceMs?: number;
  /** The WebSocket class; the simulator passes one that plays clicks. */
  readonly WebSocket?: new (url: string) => WebSocket;
  /** Sees each raw incoming frame before it is parsed (`?record`). */
  readonly tap?: (data: string) => void;
}

/** Connection attempts that fail before opening, in a row, before we say the channel may not use Heat. */
const NEVER_OPENED_LIMIT = 3;
const log = createLogger('heat');

/**
 * Clicks on the stream from the Heat extension (twitch-protocols.md §5). No token needed.
 * Malformed or out-of-range clicks are counted and skipped. Real user ids are resolved to
 * names through the shared user directory (batched); anonymous and unverified ids are labelled
 * as such and never looked up.
 *
 * A browser cannot see the HTTP status of a refused WebSocket, so Heat's 404 for a channel
 * without the extension shows up as connections that never open: after three in a row the
 * source says so, and keeps retrying slowly in case the extension is being set up.
 *
 * @fires click, system, reject, status, error
 */
export class HeatSource extends Source<HeatEventMap> {
  readonly name = 'heat';
  /** Frames skipped as malformed or out of range. */
  rejected = 0;
  private readonly options: HeatSourceOptions;
  private readonly backoff: Backoff;
  private readonly watchdog: Watchdog;
  private socket: WebSocket | null = null;
  private neverOpened = 0;

  constructor(options: HeatSourceOptions) {
    super();
    this.options = options;
    this.backoff = options.backoff ?? new Backoff({ initialMs: 1000, maxMs: 60_000 });
    this.watchdog = new Watchdog(options.silenceMs ?? 600_000, () => this.restart(new SourceError('network', 'No data from Heat for a long time; reconnecting.')));
  }

  protected open(): void {
    const socket = new (this.options.WebSocket ?? WebSocket)(`${this.options.url ?? HEAT_URL}/${encodeURIComponent(this.options.channelId)}`);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.neverOpened = 0;
      this.backoff.connected(Date.now());
      this.watchdog.kick();
      this.setStatus('connected');
    };
    socket.onmessage = (event) => this.onFrame(String(event.data));
    socket.onclose = () => {
      if (this.socket !== socket || !this.running) return;
      if (!opened) this.neverOpened += 1;
      const error =
        this.neverOpened >= NEVER_OPENED_LIMIT
          ? new SourceError('config', `Heat refused channel ${this.options.channelId} ${this.neverOpened} times: it probably does not use the Heat extension. Install Heat, or check the channel id. Still retrying.`, { retryable: true })
          : new SourceError('network', 'Heat connection lost; reconnecting.');
      this.restart(error);
    };
  }

  protected close(): void {
    this.watchdog.stop();
    closeQuietly(this.socket);
    this.socket = null;
  }

  private onFrame(raw: string): void {
    this.options.tap?.(raw);
    this.watchdog.kick();
    const parsed = parseHeatFrame(raw);
    if (!parsed.ok) {
      this.rejected += 1;
      log.debug(`skipped a Heat frame (${parsed.reason})`);
      this.emit('reject', { reason: parsed.reason, count: this.rejected });
      return;
    }
    if ('system' in parsed) {
      this.emit('system', parsed.system);
      return;
    }
    const click = parsed.click;
    const users = this.options.users;
    if (click.identity !== 'user' || !users) {
      this.emit('click', click);
      return;
    }
    // Resolve the name, but never hold a click back for long: a failed lookup still emits it.
    users
      .get(click.userId)
      .then((user) => this.emit('click', user ? { ...click, login: user.login, displayName: user.displayName } : click))
      .catch(() => this.emit('click', click));
  }

  private restart(error: SourceError): void {
    this.close();
    this.retryLater(error, this.backoff, () => this.open());
  }
}
