import { seededRandom, pick } from './random.js';
import { DEMO_REWARDS, DEMO_USER } from './demo-channel.js';
import { FrameSocket, type WebSocketClass } from './frame-socket.js';

const VIEWERS = ['PixelPanda', 'ModMaria', 'quietquokka', 'SpeedrunSteve', 'DarkModeDan'];
const INPUTS = ['two glasses please', 'Never Gonna Give You Up', 'one sip every time chat says LUL', 'the Tetris theme'];

let serial = 0;
const message = (type: string, payload: unknown, extra: Record<string, string> = {}) =>
  JSON.stringify({ metadata: { message_id: `demo-${++serial}`, message_type: type, message_timestamp: new Date().toISOString(), ...extra }, payload });

/**
 * A WebSocket look-alike that plays Twitch's EventSub traffic for the demo: a welcome, then
 * keepalives and a redemption every few seconds, as JSON frames that the real EventSubSource
 * parses. Pass it as the `WebSocket` option.
 */
export function simulatedEventSubSocket(intervalMs = 4000, seed = 11): WebSocketClass {
  const random = seededRandom(seed);
  return class SimulatedEventSubSocket extends FrameSocket {
    private readonly timers: ReturnType<typeof setInterval>[] = [];

    constructor(url: string) {
      super(url);
      const session = `demo-session-${++serial}`;
      this.openSoon(50, () =>
        this.deliver(message('session_welcome', { session: { id: session, status: 'connected', keepalive_timeout_seconds: 10, reconnect_url: null, connected_at: new Date().toISOString() } })),
      );
      this.timers.push(setInterval(() => this.deliver(message('session_keepalive', {})), 8000));
      this.timers.push(setInterval(() => this.deliver(this.redemption(session)), intervalMs));
    }

    private redemption(session: string): string {
      const reward = pick(random, DEMO_REWARDS);
      const name = pick(random, VIEWERS);
      const type = 'channel.channel_points_custom_reward_redemption.add';
      return message(
        'notification',
        {
          subscription: { id: 'demo-sub', status: 'enabled', type, version: '1', condition: { broadcaster_user_id: DEMO_USER.id }, transport: { method: 'websocket', session_id: session }, created_at: new Date().toISOString(), cost: 0 },
          event: {
            id: `demo-redemption-${serial}`,
            broadcaster_user_id: DEMO_USER.id,
            broadcaster_user_login: DEMO_USER.login,
            broadcaster_user_name: DEMO_USER.displayName,
            user_id: String(90000 + Math.floor(random() * 100)),
            user_login: name.toLowerCase(),
            user_name: name,
            user_input: reward.input ? pick(random, INPUTS) : '',
            status: 'unfulfilled',
            reward: { id: reward.id, title: reward.title, cost: reward.cost, prompt: reward.prompt },
            redeemed_at: new Date().toISOString(),
          },
        },
        { subscription_type: type, subscription_version: '1' },
      );
    }

    protected closed(): void {
      for (const timer of this.timers) clearInterval(timer);
    }
  } as unknown as WebSocketClass;
}
