import { seededRandom } from './random.js';

/**
 * A WebSocket look-alike that plays the Heat extension's frames for the demo: bursts of
 * clicks around a few moving hot spots, from real, anonymous and unverified viewers, as the
 * JSON the real HeatSource parses. Pass it as the `WebSocket` option.
 */
export function simulatedHeatSocket(clicksPerSecond = 12, seed = 5): new (url: string) => WebSocket {
  const random = seededRandom(seed);
  return class SimulatedHeatSocket extends EventTarget {
    readyState: number = WebSocket.CONNECTING;
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;
    private readonly timer: ReturnType<typeof setInterval>;
    private t = 0;

    constructor(_url: string) {
      super();
      setTimeout(() => {
        this.readyState = WebSocket.OPEN;
        this.onopen?.(new Event('open'));
        this.deliver(JSON.stringify({ type: 'system', message: 'Connected to the demo channel.' }));
      }, 50);
      this.timer = setInterval(() => this.click(), 1000 / clicksPerSecond);
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

    private deliver(data: string): void {
      if (this.readyState === WebSocket.OPEN) this.onmessage?.(new MessageEvent('message', { data }));
    }

    send(): void {
      // Heat clients never send.
    }

    close(): void {
      this.readyState = WebSocket.CLOSED;
      clearInterval(this.timer);
    }
  } as unknown as new (url: string) => WebSocket;
}
