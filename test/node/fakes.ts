import { FakeTmiServer } from './fake-tmi.js';
import { FakeHttpServer } from './fake-http.js';
import { StaticSite } from './static-site.js';
import { FakeEventSubServer } from './fake-eventsub.js';
import { FakePubSubServer } from './fake-pubsub.js';
import { FakeHeatServer } from './fake-heat.js';
import { FakeWhipServer } from './fake-whip.js';
import { FakeStallServer } from './fake-stall.js';

/**
 * The running fake servers, started once per test run.
 *
 * Vitest runs the global setup once per project (the root and each browser instance), in
 * its module runner, while the browser commands come from the bundled config: several module
 * instances with different globals. The Node `process` object is the one thing all of them
 * see, so the servers are registered on it and shared, with a count of who holds them.
 */
export interface Fakes {
  readonly tmi: FakeTmiServer;
  readonly http: FakeHttpServer;
  /** The built overlays, for page tests. */
  readonly site: StaticSite;
  readonly eventsub: FakeEventSubServer;
  readonly pubsub: FakePubSubServer;
  readonly heat: FakeHeatServer;
  readonly whip: FakeWhipServer;
  /** Accepts TCP, never completes a WebSocket handshake. */
  readonly stall: FakeStallServer;
}

interface Registry {
  fakes: Promise<Fakes>;
  holders: number;
}

const KEY = Symbol.for('ovl.test.fakes');
const slot = process as unknown as Record<symbol, Registry | undefined>;

async function startAll(): Promise<Fakes> {
  const [tmi, http, site, eventsub, pubsub, heat, whip, stall] = await Promise.all([
    FakeTmiServer.start(),
    FakeHttpServer.start(),
    StaticSite.start(),
    FakeEventSubServer.start(),
    FakePubSubServer.start(),
    FakeHeatServer.start(),
    FakeWhipServer.start(),
    FakeStallServer.start(),
  ]);
  http.eventsub = eventsub;
  return { tmi, http, site, eventsub, pubsub, heat, whip, stall };
}

/** Starts the servers on first use; later callers share them. Pair with `releaseFakes()`. */
export function holdFakes(): Promise<Fakes> {
  const registry = (slot[KEY] ??= { fakes: startAll(), holders: 0 });
  registry.holders += 1;
  return registry.fakes;
}

/** Closes the servers when the last holder lets go. */
export async function releaseFakes(): Promise<void> {
  const registry = slot[KEY];
  if (!registry) return;
  registry.holders -= 1;
  if (registry.holders > 0) return;
  slot[KEY] = undefined;
  const all = await registry.fakes;
  await Promise.all(Object.values(all).map((fake: { close(): Promise<void> }) => fake.close()));
}

/** The running servers, for browser commands. */
export function fakes(): Promise<Fakes> {
  const registry = slot[KEY];
  if (!registry) throw new Error('fake servers are not running: the global setup did not start them');
  return registry.fakes;
}
