import { Source } from '../../core/source.js';
import { SourceError, toSourceError } from '../../core/errors.js';
import { Backoff } from '../../core/backoff.js';
import { SourceSocket, type SocketSourceOptions } from '../../core/source-socket.js';
import { Watchdog } from '../../core/watchdog.js';
import { createLogger } from '../../core/logger.js';
import { hexColor } from '../../core/safe-values.js';
import { rewardImage, type RewardImagesWire } from '../../twitch/reward-image.js';
import type { RedemptionEventMap } from './redemption-event-map.js';
import type { Redemption } from '../../domain/redemption.js';
import { redemptionEvent } from '../../domain/stream-event.js';

/** Twitch shut PubSub down on 2025-04-14 (twitch-protocols.md §2); kept for compatibility. */
export const PUBSUB_URL = 'wss://pubsub-edge.twitch.tv/v1';

/** The inner, second JSON layer of a `reward-redeemed` MESSAGE (§2). */
interface PubSubRedemptionWire {
  type: string;
  data: {
    timestamp: string;
    redemption: {
      id: string;
      user: { id: string; login: string; display_name: string };
      redeemed_at: string;
      reward: {
        id: string;
        title: string;
        prompt: string;
        cost: number;
        image: RewardImagesWire | null;
        default_image: RewardImagesWire;
        background_color: string;
        global_cooldown?: { is_enabled: boolean; global_cooldown_seconds: number };
      };
      user_input?: string;
      status: string;
    };
  };
}

function fromPubSub(wire: PubSubRedemptionWire, now = Date.now()): Redemption {
  const { redemption } = wire.data;
  const { reward } = redemption;
  return {
    id: redemption.id,
    userId: redemption.user.id,
    userLogin: redemption.user.login,
    userName: redemption.user.display_name || redemption.user.login,
    rewardId: reward.id,
    rewardTitle: reward.title,
    rewardPrompt: reward.prompt ?? '',
    rewardCost: reward.cost,
    userInput: redemption.user_input ?? '',
    status: redemption.status.toLowerCase(),
    redeemedAt: Date.parse(redemption.redeemed_at),
    eventTime: now,
    image: rewardImage(reward.image ?? reward.default_image),
    backgroundColor: hexColor(reward.background_color),
    cooldownSeconds: reward.global_cooldown?.is_enabled ? reward.global_cooldown.global_cooldown_seconds : 0,
  };
}

export interface PubSubRedemptionsOptions extends SocketSourceOptions {
  /** The broadcaster's token with `channel:read:redemptions`. */
  readonly token: string;
  readonly broadcasterId: string;
  /** PubSub wants a PING at least every 5 minutes; default 4 (with jitter). */
  readonly pingIntervalMs?: number;
  /** A PONG must follow within this. Default 10 s. */
  readonly pongTimeoutMs?: number;
}

const log = createLogger('pubsub');

/** Redemptions over Twitch's legacy PubSub. Same events as EventSubRedemptions; select with `?transport=pubsub`. */
export class PubSubRedemptions extends Source<RedemptionEventMap> {
  readonly name = 'redemptions';
  private readonly options: PubSubRedemptionsOptions;
  private readonly pong: Watchdog;
  private socket: SourceSocket | null = null;
  private cancelPing: (() => void) | null = null;
  private nonce = '';

  constructor(options: PubSubRedemptionsOptions) {
    super({ backoff: options.backoff ?? new Backoff({ initialMs: 1000, maxMs: 120_000 }), schedule: options.schedule });
    this.options = options;
    this.pong = new Watchdog(options.pongTimeoutMs ?? 10_000, () => this.reconnect(new SourceError('network', 'PubSub did not answer a PING; reconnecting.')));
  }

  private get topic(): string {
    return `channel-points-channel-v1.${this.options.broadcasterId}`;
  }

  protected open(): void {
    try {
      const socket: SourceSocket = new SourceSocket(
        this.options.url ?? PUBSUB_URL,
        {
          open: () => {
            this.nonce = crypto.getRandomValues(new Uint32Array(2)).join('-');
            socket.send(JSON.stringify({ type: 'LISTEN', nonce: this.nonce, data: { topics: [this.topic], auth_token: this.options.token } }));
            this.schedulePing();
          },
          message: (data) => this.onFrame(data),
          end: ({ timedOut, reason }) => this.reconnect(new SourceError('network', `PubSub connection ${timedOut ? `failed (${reason})` : 'lost'}; reconnecting.`)),
        },
        this.options,
      );
      this.socket = socket;
    } catch (error) {
      this.fail(toSourceError(error, 'config'));
    }
  }

  protected close(): void {
    this.pong.stop();
    this.cancelPing?.();
    this.cancelPing = null;
    this.socket?.close();
    this.socket = null;
  }

  private schedulePing(): void {
    const interval = this.options.pingIntervalMs ?? 240_000;
    this.cancelPing = this.schedule(() => {
      this.socket?.send(JSON.stringify({ type: 'PING' }));
      // Measured from the first unanswered PING: a later one must not push the deadline back.
      if (!this.pong.running) this.pong.kick();
      this.schedulePing();
    }, interval * (0.9 + Math.random() * 0.1));
  }

  private onFrame(text: string): void {
    let message: { type?: string; nonce?: string; error?: string; data?: { topic?: string; message?: string } };
    try {
      message = JSON.parse(text);
    } catch {
      log.warn('ignored a PubSub frame that is not JSON');
      return;
    }
    switch (message.type) {
      case 'PONG':
        this.pong.stop();
        break;
      case 'RECONNECT':
        this.reconnect(new SourceError('network', 'PubSub asked to reconnect.'), 0);
        break;
      case 'RESPONSE':
        if (message.nonce !== this.nonce) break;
        if (!message.error) {
          this.markConnected();
        } else if (message.error === 'ERR_BADAUTH') {
          this.close();
          this.fail(new SourceError('auth', 'PubSub refused the token (ERR_BADAUTH): it must be the broadcaster’s, with channel:read:redemptions.'));
        } else {
          this.reconnect(new SourceError('protocol', `PubSub refused to listen: ${message.error}.`));
        }
        break;
      case 'MESSAGE':
        this.onMessage(message.data?.message);
        break;
      default:
        log.debug(`ignored a PubSub frame of type ${String(message.type)}`);
    }
  }

  /** The payload is JSON inside a JSON string (§2). */
  private onMessage(inner: string | undefined): void {
    try {
      const wire = JSON.parse(inner ?? '') as PubSubRedemptionWire;
      if (wire.type !== 'reward-redeemed') return;
      const redemption = fromPubSub(wire);
      this.emit('event', redemptionEvent(redemption));
      this.emit('redemption', redemption);
    } catch (error) {
      log.warn('ignored a PubSub message that could not be read:', error);
    }
  }
}
