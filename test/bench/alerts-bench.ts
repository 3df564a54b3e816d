/**
 * Runs in headless Chromium, driven by scripts/bench.mjs (`npm run bench -- alerts`). The real
 * alert pipeline: EventSub JSON frames of every kind (the simulator's payloads) through
 * EventSubSource, the normaliser, StreamEventSource's double-report folding and <ovl-alerts>
 * (queue, follow folding, animations), at a given rate of alerts per second, while the frame
 * intervals are measured. Alerts stay 1 s, so the box shows one a second and queues, folds or
 * drops the rest: the question is whether taking them in costs frames.
 */
import { StreamEventSource } from '../../src/sources/eventsub/stream-event-source.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import { FrameSocket, type WebSocketClass } from '../../src/simulator/frame-socket.js';
import { simulatedHelixClient } from '../../src/simulator/helix-simulator.js';
import { simulatedNotifications } from '../../src/simulator/stream-event-payloads.js';
import { seededRandom } from '../../src/simulator/random.js';
import { DEMO_USER } from '../../src/simulator/demo-channel.js';
import { ALERT_KINDS } from '../../src/domain/stream-event.js';
import '../../src/components/alerts/ovl-alerts.js';

/** A socket the bench delivers frames to by hand, after a welcome. */
class BenchSocket extends FrameSocket {
  static current: BenchSocket | null = null;
  constructor(url: string) {
    super(url);
    BenchSocket.current = this;
    const welcome = { metadata: { message_id: 'bench-welcome', message_type: 'session_welcome', message_timestamp: new Date().toISOString() }, payload: { session: { id: 'bench', status: 'connected', keepalive_timeout_seconds: 600, reconnect_url: null, connected_at: new Date().toISOString() } } };
    this.openSoon(0, () => this.deliver(JSON.stringify(welcome)));
  }
  push(frame: string): void {
    this.deliver(frame);
  }
  protected closed(): void {
    BenchSocket.current = null;
  }
}

/** `count` alert-worthy notifications, every kind in turn, as EventSub frames with unique ids. */
function frames(count: number): string[] {
  const random = seededRandom(5);
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const kind = ALERT_KINDS[i % ALERT_KINDS.length]!;
    const [n] = simulatedNotifications(kind, random);
    const metadata = { message_id: `bench-${i}`, message_type: 'notification', message_timestamp: new Date().toISOString(), subscription_type: n!.type, subscription_version: n!.version };
    out.push(JSON.stringify({ metadata, payload: { subscription: { id: 's', status: 'enabled', type: n!.type, version: n!.version, condition: {}, transport: { method: 'websocket', session_id: 'bench' }, created_at: '', cost: 0 }, event: n!.event } }));
  }
  return out;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))] ?? 0;

async function alertsBench(rate: number, seconds: number) {
  const stage = document.getElementById('stage')!;
  stage.replaceChildren();
  const source = new StreamEventSource({ helix: simulatedHelixClient({ helix: 'http://127.0.0.1:9/helix', id: 'http://127.0.0.1:9/id' }), userId: DEMO_USER.id, scopes: EVENT_SCOPES, kinds: ALERT_KINDS, WebSocket: BenchSocket as unknown as WebSocketClass });
  const element = document.createElement('ovl-alerts');
  element.duration = 1;
  element.maxWaiting = 50;
  element.sound = 'none';
  element.source = source;
  stage.append(element);
  let shown = 0;
  element.addEventListener('ovl-alert-show', () => shown++);
  source.start();
  await new Promise((resolve) => source.addEventListener('status', (e) => e.detail.state === 'connected' && resolve(undefined)));
  const all = frames(Math.ceil(rate * seconds));
  const intervals: number[] = [];
  let sent = 0;
  const start = await frame();
  let last = start;
  while (sent < all.length) {
    const now = await frame();
    intervals.push(now - last);
    last = now;
    const due = Math.min(all.length, Math.floor(((now - start) / 1000) * rate));
    while (sent < due) BenchSocket.current?.push(all[sent++]!);
  }
  await element.updateComplete;
  const result = { rate, p95FrameMs: percentile(intervals, 95), maxFrameMs: Math.max(...intervals), sent, shown, dropped: element.dropped };
  source.stop();
  element.remove();
  return result;
}

Object.assign(window, { alertsBench });
