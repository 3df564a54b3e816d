/**
 * Runs in headless Chromium, driven by scripts/bench.mjs: the real EventSubSource against the
 * fake EventSub server. The runner triggers reconnects and streams numbered events; this page
 * records each event's number, arrival time and the session it arrived in.
 */
import { EventSubSource } from '../../src/sources/eventsub/eventsub-source.js';
import { HelixClient } from '../../src/twitch/helix-client.js';
import type { TwitchEndpoints } from '../../src/twitch/endpoints.js';

const received: { seq: number; at: number; session: string }[] = [];
let source: EventSubSource | null = null;

async function eventsubAttach(url: string, endpoints: TwitchEndpoints, token: string, clientId: string): Promise<void> {
  source = new EventSubSource({
    helix: new HelixClient({ token, clientId, endpoints }),
    subscriptions: [{ type: 'bench.event', version: '1', condition: {} }],
    url,
  });
  source.addEventListener('notification', (e) => received.push({ seq: Number(e.detail.event.seq), at: Date.now(), session: source!.session }));
  const connected = new Promise((resolve) => source!.addEventListener('status', (e) => e.detail.state === 'connected' && resolve(undefined)));
  source.start();
  await connected;
}

function eventsubReport() {
  source?.stop();
  return { received, state: source?.status.state };
}

function eventsubSession(): string {
  return source?.session ?? '';
}

Object.assign(window, { eventsubAttach, eventsubReport, eventsubSession });
