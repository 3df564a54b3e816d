import { seededRandom } from './random.js';
import { FrameSocket, type WebSocketClass } from './frame-socket.js';

/**
 * A WebSocket look-alike that plays the Heat extension's frames for the demo: bursts of
 * clicks around a few moving hot spots, from real, anonymous and unverified viewers, as the
 * JSON the real HeatSource parses. Pass it as the `WebSocket` option.
 */
export function simulatedHeatSocket(clicksPerSecond = 12, seed = 5): WebSocketClass {
  const random = seededRandom(seed);
  return class SimulatedHeatSocket extends FrameSocket {
    private readonly timer = setInterval(() => this.click(), 1000 / clicksPerSecond);
    private t = 0;

    constructor(url: string) {
      super(url);
      this.openSoon(50, () => this.deliver(JSON.stringify({ type: 'system', message: 'Connected to the demo channel.' })));
    }

    private click(): void {
      this.t += 0.02;
      const spots = [
        [0.3 + 0.1 * Math.sin(this.t), 0.4],
        [0.7, 0.6 + 0.1 * Math.cos(this.t * 1.3)],
        [0.5, 0.25],
      ] as const;
      const [sx, sy] = spots[Math.floor(random() * spots.length)]!;
      const jitter = () => (random() - 0.5) * 0.08;
      const who = random();
      const id = who < 0.5 ? String(90000 + Math.floor(random() * 50)) : who < 0.8 ? `A${Math.floor(random() * 1e9).toString(36)}` : `U${Math.floor(random() * 1e9).toString(36)}`;
      // Heat sends numbers; some clients send strings: the demo mixes both, as the parser must.
      const x = Math.min(1, Math.max(0, sx + jitter()));
      const y = Math.min(1, Math.max(0, sy + jitter()));
      this.deliver(JSON.stringify({ type: 'click', id, x: random() < 0.5 ? x : x.toFixed(3), y: random() < 0.5 ? y : y.toFixed(3) }));
    }

    protected closed(): void {
      clearInterval(this.timer);
    }
  } as unknown as WebSocketClass;
}
