import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { EventSubSource } from '../../src/sources/eventsub/eventsub-source.js';
import { HeatSource } from '../../src/sources/heat/heat-source.js';
import { PubSubRedemptions } from '../../src/sources/redemptions/pubsub-redemptions.js';
import { HelixClient } from '../../src/twitch/helix-client.js';
import { Backoff } from '../../src/core/backoff.js';
import type { Source } from '../../src/core/source.js';
import type { Schedule } from '../../src/core/schedule.js';
import { GOOD_TOKEN, TEST_CLIENT_ID } from '../helpers/http.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';
import { fake, fakeTwitchEndpoints } from '../helpers/fake-servers.js';

/** Every WebSocket source, made the same way: a server URL and a clock. */
const makers: [string, (url: string, schedule: Schedule) => Source][] = [
  [
    'EventSub',
    (url, schedule) =>
      new EventSubSource({
        helix: new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0 }),
        subscriptions: [],
        url,
        schedule,
        backoff: new Backoff({ initialMs: 500, jitter: 0 }),
      }),
  ],
  ['Heat', (url, schedule) => new HeatSource({ channelId: '123', url, schedule, backoff: new Backoff({ initialMs: 500, jitter: 0 }) })],
  ['PubSub', (url, schedule) => new PubSubRedemptions({ token: 'broadcastertoken', broadcasterId: '123', url, schedule, backoff: new Backoff({ initialMs: 500, jitter: 0 }) })],
];

const sources: Source[] = [];
afterEach(() => sources.splice(0).forEach((s) => s.stop()));

describe.each(makers)('%s on the shared connection layer', (_name, make) => {
  test('a malformed URL ends in a config error on the status, with no exception and no retry', () => {
    const clock = new ManualSchedule();
    const source = make('ws://127.0.0.1/ws#fragment', clock.schedule);
    sources.push(source);
    source.start();
    expect(source.status).toMatchObject({ state: 'error', error: { code: 'config', retryable: false } });
    expect(source.lastError?.message).toMatch(/Not a WebSocket URL/);
    expect(clock.waiting).toBe(0);
  });

  test('a server that never completes the handshake is abandoned after 10 s and retried after the backoff', async () => {
    const clock = new ManualSchedule();
    const source = make(fake.stallUrl, clock.schedule);
    sources.push(source);
    const accepted = await commands.stallAccepted();
    source.start();
    await expect.poll(() => commands.stallAccepted()).toBe(accepted + 1);
    expect(clock.delays).toEqual([10_000]);
    clock.runNext(); // the connect timeout
    expect(source.status).toMatchObject({ state: 'reconnecting', attempt: 1, retryInMs: 500, error: { code: 'network' } });
    expect(source.lastError?.message).toMatch(/did not open within 10 s/);
    clock.runNext(); // the retry
    await expect.poll(() => commands.stallAccepted()).toBe(accepted + 2);
    expect(clock.delays).toEqual([10_000, 500, 10_000]);
    source.stop();
    expect(clock.waiting).toBe(0);
  });
});
