import { FakeTmiServer } from './fake-tmi.js';
import { FakeHttpServer } from './fake-http.js';
import { StaticSite } from './static-site.js';
import { FakeEventSubServer } from './fake-eventsub.js';
import { FakePubSubServer } from './fake-pubsub.js';
import { FakeHeatServer } from './fake-heat.js';
import { FakeWhipServer } from './fake-whip.js';
import { FakeStallServer } from './fake-stall.js';

/**
 * The protocol fakes of one test worker. Test files run side by side (vite.config.ts), each
 * worker (a browser session) running its files one after another: each worker gets its own
 * instances on their own ports, so what a file scripts (queued faults, refused types, silenced
 * sockets) or reads back (recorded requests, sessions, counters) is never another running file's.
 */
export interface WorkerFakes {
  readonly tmi: FakeTmiServer;
  readonly http: FakeHttpServer;
  readonly eventsub: FakeEventSubServer;
  readonly pubsub: FakePubSubServer;
  readonly heat: FakeHeatServer;
  readonly whip: FakeWhipServer;
  /** Accepts TCP, never completes a WebSocket handshake. */
  readonly stall: FakeStallServer;
}

/** Where a worker's fakes listen, as the browser reads them (test/helpers/fake-servers.ts). */
export interface FakeAddresses {
  readonly tmiPort: number;
  /** `http://127.0.0.1:<port>`; services under /helix, /id, /7tv, /bttv, /ffz, /ivr, /pronouns. */
  readonly httpOrigin: string;
  /** `ws://127.0.0.1:<port>/ws`. */
  readonly eventsubUrl: string;
  readonly pubsubUrl: string;
  /** `ws://127.0.0.1:<port>/channel`. */
  readonly heatUrl: string;
  /** `http://127.0.0.1:<port>`; WHIP endpoints at `/whip/<mode>` (see fake-whip.ts). */
  readonly whipOrigin: string;
  /** `ws://127.0.0.1:<port>`: accepts TCP, never completes the WebSocket handshake. */
  readonly stallUrl: string;
}

/**
 * What one test run holds: the built site (read-only, so shared) and each worker's fakes.
 *
 * Vitest runs the global setup once per project (the root and each browser instance), in
 * its module runner, while the browser commands come from the bundled config: several module
 * instances with different globals. The Node `process` object is the one thing all of them
 * see, so the registry lives on it, with a count of who holds it.
 */
interface Registry {
  readonly site: Promise<StaticSite>;
  readonly workers: Map<string, Promise<WorkerFakes>>;
  holders: number;
}

const KEY = Symbol.for('ovl.test.fakes');
const slot = process as unknown as Record<symbol, Registry | undefined>;

async function startWorkerFakes(): Promise<WorkerFakes> {
  const [tmi, http, eventsub, pubsub, heat, whip, stall] = await Promise.all([
    FakeTmiServer.start(),
    FakeHttpServer.start(),
    FakeEventSubServer.start(),
    FakePubSubServer.start(),
    FakeHeatServer.start(),
    FakeWhipServer.start(),
    FakeStallServer.start(),
  ]);
  http.eventsub = eventsub;
  return { tmi, http, eventsub, pubsub, heat, whip, stall };
}

function registry(): Registry {
  const held = slot[KEY];
  if (!held) throw new Error('fake servers are not running: the global setup did not start them');
  return held;
}

/** Builds and serves the site on first use; later callers share it. Pair with `releaseFakes()`. */
export function holdSite(): Promise<StaticSite> {
  const held = (slot[KEY] ??= { site: StaticSite.start(), workers: new Map(), holders: 0 });
  held.holders += 1;
  return held.site;
}

/** When the last holder lets go, closes the site and every worker's fakes. */
export async function releaseFakes(): Promise<void> {
  const held = slot[KEY];
  if (!held) return;
  held.holders -= 1;
  if (held.holders > 0) return;
  slot[KEY] = undefined;
  const closeAll = async (fakes: Promise<WorkerFakes>) => Promise.all(Object.values(await fakes).map((fake: { close(): Promise<void> }) => fake.close()));
  await Promise.all([(await held.site).close(), ...[...held.workers.values()].map(closeAll)]);
}

/** The fakes of the worker (browser session) `sessionId`, started on its first command. */
export function fakesFor(sessionId: string): Promise<WorkerFakes> {
  const { workers } = registry();
  let fakes = workers.get(sessionId);
  if (!fakes) {
    fakes = startWorkerFakes();
    workers.set(sessionId, fakes);
  }
  return fakes;
}

export function addressesOf(fakes: WorkerFakes): FakeAddresses {
  const { tmi, http, eventsub, pubsub, heat, whip, stall } = fakes;
  return { tmiPort: tmi.port, httpOrigin: http.origin, eventsubUrl: eventsub.url, pubsubUrl: pubsub.url, heatUrl: heat.url, whipOrigin: whip.origin, stallUrl: stall.url };
}
