/**
 * Runs in headless Chromium, driven by scripts/bench-outage.mjs: the connections of overlay pages
 * sharing one renderer process (chat, EventSub, chat, EventSub, …), the real ChatSource and
 * EventSubSource on real timers against the local chat and EventSub servers, so that Chromium counts
 * their failed WebSockets in real time, as it does on stream.
 */
import { ChatSource } from '../../src/sources/tmi/chat-source.js';
import { EventSubSource } from '../../src/sources/eventsub/eventsub-source.js';
import { HelixClient } from '../../src/twitch/helix-client.js';
import type { TwitchEndpoints } from '../../src/twitch/endpoints.js';
import type { Source } from '../../src/core/source.js';

export interface OutageServers {
  readonly tmiPort: number;
  readonly eventsubUrl: string;
  readonly endpoints: TwitchEndpoints;
  readonly token: string;
  readonly clientId: string;
}

const sources: Source[] = [];
/** `Date.now()` when each source was last connected. */
const connectedAt: number[] = [];

function connection(index: number, servers: OutageServers): Source {
  if (index % 2 === 0) return new ChatSource({ channel: `outage${index}`, server: { host: '127.0.0.1', port: servers.tmiPort, secure: false } });
  return new EventSubSource({
    helix: new HelixClient({ token: servers.token, clientId: servers.clientId, endpoints: servers.endpoints }),
    subscriptions: [{ type: 'bench.event', version: '1', condition: {} }],
    url: servers.eventsubUrl,
  });
}

/** Starts `count` connections and resolves once all are connected. */
async function outageStart(count: number, servers: OutageServers): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const source = connection(index, servers);
    source.addEventListener('status', (event) => {
      if (event.detail.state === 'connected') connectedAt[index] = Date.now();
    });
    sources.push(source);
    source.start();
  }
  await outageConnected();
}

/** Resolves once every connection is connected; returns when each last became so. */
async function outageConnected(): Promise<number[]> {
  while (!sources.every((source) => source.status.state === 'connected')) await new Promise((resolve) => setTimeout(resolve, 20));
  return [...connectedAt];
}

/** Each connection's name and its retries since it was last connected. */
function outageStatus(): { name: string; state: string; attempt: number }[] {
  return sources.map((source) => ({ name: source.name, state: source.status.state, attempt: source.status.attempt }));
}

function outageStop(): void {
  for (const source of sources) source.stop();
}

Object.assign(window, { outageStart, outageConnected, outageStatus, outageStop });
