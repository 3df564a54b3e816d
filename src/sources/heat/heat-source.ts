import { Source, type SourceEventMap } from '../../core/source.js';
import { SourceError, toSourceError } from '../../core/errors.js';
import { Backoff } from '../../core/backoff.js';
import { SourceSocket, type SocketEnd, type SocketSourceOptions } from '../../core/source-socket.js';
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

export interface HeatSourceOptions extends SocketSourceOptions {
  /** The channel's numeric user id. */
  readonly channelId: string;
  /** Names for real user ids; without it clicks carry ids only. */
  readonly users?: UserDirectory;
  /** Reconnect after this much silence. Heat sends nothing while nobody clicks, so default 10 min. */
  readonly silenceMs?: number;
}

/** Connection attempts that fail before opening, in a row, before we say the channel may not use Heat. */
const NEVER_OPENED_LIMIT = 3;
const log = createLogger('heat');

/**
 * Clicks on the stream from the Heat extension (twitch-protocols.md §5). No token needed.
 * Malformed or out-of-range clicks are counted and skipped. Real user ids are resolved to
 * names through the shared user directory (batched); anonymous and unverified ids are labelled
 * as such and never looked up. `url` is the base URL: the channel id is appended.
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
  private readonly watchdog: Watchdog;
  private socket: SourceSocket | null = null;
  private neverOpened = 0;

  constructor(options: HeatSourceOptions) {
    super({ backoff: options.backoff ?? new Backoff({ initialMs: 1000, maxMs: 60_000 }), schedule: options.schedule });
    this.options = options;
    this.watchdog = new Watchdog(options.silenceMs ?? 600_000, () => this.reconnect(new SourceError('network', 'No data from Heat for a long time; reconnecting.')));
  }

  protected open(): void {
    const url = `${this.options.url ?? HEAT_URL}/${encodeURIComponent(this.options.channelId)}`;
    try {
      this.socket = new SourceSocket(
        url,
        {
          open: () => {
            this.neverOpened = 0;
            this.watchdog.kick();
            this.markConnected();
          },
          message: (data) => this.onFrame(data),
          end: (end) => this.onEnd(end),
        },
        this.options,
      );
    } catch (error) {
      this.fail(toSourceError(error, 'config'));
    }
  }

  protected close(): void {
    this.watchdog.stop();
    this.socket?.close();
    this.socket = null;
  }

  private onEnd({ opened, timedOut, reason }: SocketEnd): void {
    if (timedOut) return this.reconnect(new SourceError('network', `Heat did not answer (${reason}); reconnecting.`));
    if (!opened) this.neverOpened += 1;
    const error =
      this.neverOpened >= NEVER_OPENED_LIMIT
        ? new SourceError('config', `Heat refused channel ${this.options.channelId} ${this.neverOpened} times: it probably does not use the Heat extension. Install Heat, or check the channel id. Still retrying.`, { retryable: true })
        : new SourceError('network', 'Heat connection lost; reconnecting.');
    this.reconnect(error);
  }

  private onFrame(raw: string): void {
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
}
