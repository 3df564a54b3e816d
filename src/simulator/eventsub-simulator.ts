import { EVENT_KINDS, type EventKind } from '../domain/stream-event.js';
import { seededRandom } from './random.js';
import { DEMO_USER } from './demo-channel.js';
import { FrameSocket, type WebSocketClass } from './frame-socket.js';
import { simulatedNotifications, type SimulatedNotification } from './stream-event-payloads.js';

let serial = 0;
const message = (type: string, payload: unknown, extra: Record<string, string> = {}) =>
  JSON.stringify({ metadata: { message_id: `demo-${++serial}`, message_type: type, message_timestamp: new Date().toISOString(), ...extra }, payload });

/** Default spacing of the notifications within one scene (a hype train's begin, progress, end). */
const STEP_MS = 700;

export interface SimulatedEventSubOptions {
  /** Between two scenes (one event of one kind), ms. Default 4000. */
  readonly intervalMs?: number;
  readonly seed?: number;
  /** Kinds played, in turn. Default every kind, redemptions first. */
  readonly kinds?: readonly EventKind[];
  /** Between the phases of a hype train, poll, prediction or goal, ms. Default 700. */
  readonly stepMs?: number;
  /** From the welcome to the first scene, ms. Default `intervalMs`. */
  readonly firstMs?: number;
}

/**
 * A WebSocket look-alike that plays Twitch's EventSub traffic for the demo: a welcome, then
 * keepalives and, every few seconds, one event of the next kind (each kind in turn, with
 * realistic payloads: see stream-event-payloads.ts), as JSON frames that the real
 * EventSubSource parses. Pass it as the `WebSocket` option.
 */
export function simulatedEventSubSocket(options: SimulatedEventSubOptions = {}): WebSocketClass {
  const random = seededRandom(options.seed ?? 11);
  // Channel points first, where wanted: the alert box's first demo alert has always been one.
  const wanted = options.kinds ?? EVENT_KINDS;
  const kinds = wanted.includes('redemption') ? ['redemption' as const, ...wanted.filter((k) => k !== 'redemption')] : wanted;
  let turn = 0;
  return class SimulatedEventSubSocket extends FrameSocket {
    private readonly timers: ReturnType<typeof setTimeout>[] = [];

    constructor(url: string) {
      super(url);
      const session = `demo-session-${++serial}`;
      const play = () => this.scene(session, kinds[turn++ % kinds.length]!);
      const interval = options.intervalMs ?? 4000;
      this.openSoon(50, () => {
        this.deliver(message('session_welcome', { session: { id: session, status: 'connected', keepalive_timeout_seconds: 10, reconnect_url: null, connected_at: new Date().toISOString() } }));
        // Counted from the welcome: a frame before it would be lost. The first scene may come
        // sooner than the interval, so that a widget's demo shows something at once.
        this.timers.push(
          setTimeout(() => {
            play();
            this.timers.push(setInterval(play, interval));
          }, options.firstMs ?? interval),
        );
      });
      this.timers.push(setInterval(() => this.deliver(message('session_keepalive', {})), 8000));
    }

    private scene(session: string, kind: EventKind): void {
      const notifications = simulatedNotifications(kind, random);
      // Per-recipient subs of a gift bomb and the cheer's twin arrive together; phases spread out.
      const spaced = kind === 'hype-train' || kind === 'poll' || kind === 'prediction' || kind === 'goal';
      notifications.forEach((n, i) => {
        if (!spaced || i === 0) this.deliver(this.notification(session, n));
        else this.timers.push(setTimeout(() => this.deliver(this.notification(session, n)), i * (options.stepMs ?? STEP_MS)));
      });
    }

    private notification(session: string, n: SimulatedNotification): string {
      const subscription = { id: `demo-sub-${n.type}`, status: 'enabled', type: n.type, version: n.version, condition: { broadcaster_user_id: DEMO_USER.id }, transport: { method: 'websocket', session_id: session }, created_at: new Date().toISOString(), cost: 0 };
      return message('notification', { subscription, event: n.event }, { subscription_type: n.type, subscription_version: n.version });
    }

    protected closed(): void {
      for (const timer of this.timers) clearTimeout(timer);
    }
  } as unknown as WebSocketClass;
}
