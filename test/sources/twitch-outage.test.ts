import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import type { AwayServer } from '../node/commands.js';
import { Backoff, RECONNECT_CEILING_MS } from '../../src/core/backoff.js';
import type { Source } from '../../src/core/source.js';
import { EventSubSource } from '../../src/sources/eventsub/eventsub-source.js';
import { StreamInfoSource } from '../../src/sources/helix/stream-info-source.js';
import { HelixClient } from '../../src/twitch/helix-client.js';
import { FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID } from '../helpers/http.js';
import { fake, fakeTwitchEndpoints } from '../helpers/fake-servers.js';
import { fakeChat, uniqueChannel } from '../helpers/chat.js';
import { SteppedClock } from '../helpers/stepped-clock.js';

/**
 * Issue 23, condition 4: Twitch away for 10 minutes. Each connection, on a clock the test steps
 * (test/helpers/stepped-clock.ts), against a fake server that cuts every connection while it
 * is away and counts them (test/node/outage.ts): so the 10 minutes pass in seconds, and what
 * is counted is what reached the server. The file runs in a browser session of its own
 * (vite.config.ts, OWN_PAGE_FILES): each connection's refused WebSockets wait out Chromium's
 * throttle, which in a shared page carries the WebSocket failures of the files before.
 */
const OUTAGE_MS = 10 * 60_000;
/** The shortest delay the default backoff draws (src/core/backoff.ts: 1 s first, jitter 0.3). */
const SHORTEST_DELAY_MS = 1000 * (1 - 0.3);

const away = new Set<AwayServer>();
const started: Source[] = [];
afterEach(async () => {
  for (const server of away) await commands.fakeAway(server, false);
  away.clear();
  started.splice(0).forEach((source) => source.stop());
});

async function goAway(server: AwayServer): Promise<void> {
  away.add(server);
  await commands.fakeAway(server, true);
}

/** Waits (in real time, briefly) until `done` holds: what a connection attempt started has settled. */
async function until(done: () => boolean): Promise<void> {
  await expect.poll(done, { interval: 5, timeout: 10_000 }).toBe(true);
}

interface Outcome {
  /** Connections the server cut while it was away. */
  readonly refused: number;
  /** When each attempt during the outage was made, on the stepped clock. */
  readonly attempts: readonly number[];
  /** From the server's return to the attempt that found it, on the stepped clock. */
  readonly backAfterMs: number;
}

/**
 * Takes `server` away for ten minutes of `clock`, stepping through the source's timers, each
 * once what the steps so far started has `settled`; brings the server back while the next
 * timer waits, runs it, and waits for the source to be connected again. `attempts` are the
 * times of the attempts made meanwhile: by default, each timer run.
 */
async function outage(server: AwayServer, source: Source, clock: SteppedClock, settled: (steps: number) => boolean, attempts: number[] = []): Promise<Outcome> {
  const own = attempts.length === 0;
  attempts.length = 0;
  await goAway(server);
  const returnsAt = clock.now + OUTAGE_MS;
  let steps = 0;
  let lost: number | null = null;
  await until(() => settled(steps));
  while (clock.nextAt! <= returnsAt) {
    clock.runNext();
    steps += 1;
    if (own) attempts.push(clock.now);
    await until(() => settled(steps));
    lost ??= source.awaySince;
  }
  // Away since the first failure, still: each retry is a state of its own, not a new absence.
  expect(lost).not.toBeNull();
  expect(source.awaySince).toBe(lost);
  const refused = await commands.fakeAway(server, false);
  away.delete(server);
  const backAfterMs = clock.nextAt! - returnsAt;
  clock.runNext();
  await until(() => source.status.state === 'connected');
  expect(source.awaySince).toBeNull();
  return { refused, attempts: attempts.filter((at) => at <= returnsAt), backAfterMs };
}

/** No storm: every attempt reached the server and was counted, none closer than the shortest delay to the last, none further than the ceiling. */
function expectNoStorm({ refused, attempts, backAfterMs }: Outcome): void {
  expect(refused).toBe(attempts.length);
  const gaps = attempts.slice(1).map((at, i) => at - attempts[i]!);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(SHORTEST_DELAY_MS);
  expect(Math.max(...gaps)).toBeLessThanOrEqual(RECONNECT_CEILING_MS);
  // Jittered: the gaps at the ceiling differ, so overlays do not retry in step.
  expect(new Set(gaps.slice(-10)).size).toBeGreaterThan(5);
  expect(attempts.length).toBeLessThanOrEqual(OUTAGE_MS / SHORTEST_DELAY_MS);
  // Back on the first attempt after the return, at most one delay later: within 5 s with its handshake.
  expect(backAfterMs).toBeLessThanOrEqual(RECONNECT_CEILING_MS);
}

/** A socket source has settled when it waits to retry, its failures one more than the retries run (the first was the drop). */
const failedEach = (source: Source) => (steps: number) => source.status.state === 'reconnecting' && source.status.attempt === steps + 1;

describe('Twitch away for 10 minutes: each connection retries with jittered, capped backoff, and is back on its first try after Twitch returns', () => {
  test('EventSub', { timeout: 60_000 }, async () => {
    const clock = new SteppedClock();
    const source = new EventSubSource({
      helix: new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0 }),
      subscriptions: [{ type: 'channel.raid', version: '1', condition: { to_broadcaster_user_id: FIXTURE_CHANNEL_ID } }],
      url: fake.eventsubUrl,
      schedule: clock.schedule,
    });
    started.push(source);
    source.start();
    await until(() => source.status.state === 'connected');
    const result = await outage('eventsub', source, clock, failedEach(source));
    expectNoStorm(result);
    console.info(`EventSub: ${result.attempts.length} attempts in 10 minutes away, back ${result.backAfterMs} ms after the return`);
    const sessions = await commands.esSessions();
    expect(sessions.find((s) => s.id === source.session)?.types).toEqual(['channel.raid']);
  });

  test('chat (tmi.js with its own reconnect off: the ChatSource retries)', { timeout: 60_000 }, async () => {
    const clock = new SteppedClock();
    const channel = uniqueChannel('outage');
    const chat = fakeChat(channel, { backoff: new Backoff(), schedule: clock.schedule });
    started.push(chat);
    chat.start();
    await until(() => chat.status.state === 'connected');
    const result = await outage('tmi', chat, clock, failedEach(chat));
    expectNoStorm(result);
    console.info(`chat: ${result.attempts.length} attempts in 10 minutes away, back ${result.backAfterMs} ms after the return`);
    expect(await commands.tmiJoinCount(channel)).toBe(2);
  });

  test('Helix (the stream-info poll, with the client’s own retries)', { timeout: 60_000 }, async () => {
    const clock = new SteppedClock();
    let inFlight = 0;
    const requests: number[] = [];
    const counted: typeof fetch = async (input, init) => {
      inFlight += 1;
      requests.push(clock.now);
      try {
        return await fetch(input, init);
      } finally {
        inFlight -= 1;
      }
    };
    const helix = new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), fetch: counted, sleep: clock.sleep });
    const source = new StreamInfoSource({ helix, userId: FIXTURE_CHANNEL_ID, schedule: clock.schedule });
    started.push(source);
    source.start();
    await until(() => source.status.state === 'connected' && inFlight === 0);
    // The next poll, 30 s on, is the first to meet the outage. The gaps between requests hold
    // the client's own retries (1 s, ×1.5) and the poll's backoff: none longer than the ceiling.
    const result = await outage('http', source, clock, () => inFlight === 0, requests);
    expectNoStorm(result);
    console.info(`Helix: ${result.attempts.length} requests in 10 minutes away, back ${result.backAfterMs} ms after the return`);
    expect(source.state?.live).toBe(false);
  });
});
