import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { EventSubOwner } from '../../../../src/sources/eventsub/shared/eventsub-owner.js';
import { EventSubSource } from '../../../../src/sources/eventsub/eventsub-source.js';
import type { SharedMessageBody } from '../../../../src/sources/eventsub/shared/shared-protocol.js';
import { subscriptionKey } from '../../../../src/sources/eventsub/shared/subscription-key.js';
import { UNASKED_EVERY_MS } from '../../../../src/core/source.js';
import { HelixClient } from '../../../../src/twitch/helix-client.js';
import { Backoff } from '../../../../src/core/backoff.js';
import { FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID } from '../../../helpers/http.js';
import { ManualSchedule } from '../../../helpers/manual-schedule.js';
import { fake, fakeTwitchEndpoints } from '../../../helpers/fake-servers.js';

/**
 * The shared connection's owner against Twitch's limits of an account (§3.4), which the fake
 * enforces: 3 WebSocket connections holding subscriptions, 3 copies of one subscription. The
 * owner runs here on a schedule the test steps; "other overlay sets" are plain EventSubSources
 * of the same account (another OBS, a browser tab).
 */
const running: { stop(): void }[] = [];
afterEach(async () => {
  running.splice(0).forEach((one) => one.stop());
  // The account's connections are free again before the next test (or file) opens one.
  await expect.poll(async () => (await commands.esSessions()).filter((s) => s.tag.startsWith('elsewhere') || s.tag.startsWith('owner-')).length).toBe(0);
});

let counter = 0;
// No retries: a plain 429 is reported at once, as the refusal the owner asks for again.
const helix = () => new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0 });
const subscription = (type: string) => ({ type, version: '1', condition: { broadcaster_user_id: FIXTURE_CHANNEL_ID } });
const posts = async () => (await commands.httpRequests('/helix/eventsub/subscriptions')).filter((r) => r.method === 'POST').length;

/** An overlay set elsewhere holding one of the account's connections, with `type`. */
async function elsewhere(type: string): Promise<EventSubSource> {
  const source = new EventSubSource({ helix: helix(), subscriptions: [subscription(type)], url: `${fake.eventsubUrl}?tag=elsewhere-${++counter}` });
  running.push(source);
  source.start();
  await expect.poll(() => source.status.state, { timeout: 5000 }).toBe('connected');
  return source;
}

function owner() {
  const tag = `owner-${++counter}`;
  const clock = new ManualSchedule();
  const published: SharedMessageBody[] = [];
  const owner = new EventSubOwner(
    { helix: helix(), subscriptions: [], url: `${fake.eventsubUrl}?tag=${tag}`, schedule: clock.schedule, backoff: new Backoff({ initialMs: 50, maxMs: 200, jitter: 0 }) },
    false,
    (message) => published.push(message),
  );
  running.push(owner);
  const status = () => published.filter((m) => m.kind === 'status').at(-1) as Extract<SharedMessageBody, { kind: 'status' }> | undefined;
  return { tag, clock, owner, status };
}

describe('EventSubOwner within the limits Twitch sets an account', () => {
  test.each([
    ['3 connections', ['a', 'b', 'c'], ['', 'own'], /^Twitch allows 3 EventSub connections per account and refused another \(The Twitch API answered 429: number of websocket transports limit exceeded\.\)\. Close the other overlay sets/],
    ['3 copies of one subscription', ['', '', ''], [''], /^Twitch allows 3 copies of the test\.limits\.\d+ subscription per account and refused a 4th \(The Twitch API answered 429: maximum subscriptions with type and condition exceeded\.\)\. Close the other copies/],
  ] as const)('a session Twitch refuses everything of (%s) rests for minutes with Twitch’s words, then gets it all once a connection frees up', async (_limit, held, needed, words) => {
    const type = `test.limits.${++counter}`;
    const of = (suffix: string) => subscription(suffix ? `${type}.${suffix}` : type);
    const others = [];
    for (const suffix of held) others.push(await elsewhere(of(suffix).type));
    const before = await posts();
    const { tag, clock, owner: mine, status } = owner();
    mine.start('page-1');
    mine.need(needed.map(of));
    // Each refused at once (no retry of the 429), the session closed, the next one minutes away.
    await expect.poll(() => status()?.status.state, { timeout: 5000 }).toBe('reconnecting');
    expect(status()!.status.error).toMatchObject({ code: 'config', retryable: true, message: expect.stringMatching(words) });
    expect(status()!.status.retryInMs).toBeGreaterThanOrEqual(UNASKED_EVERY_MS * 0.7);
    expect(await posts()).toBe(before + needed.length);
    await expect.poll(() => commands.esConnections(tag)).toEqual({ opened: 1, open: 0 });
    expect(clock.waiting).toBe(1);
    expect(clock.delays.at(-1)).toBe(status()!.status.retryInMs);

    // The other overlay sets close: the next session gets everything.
    for (const other of others) other.stop();
    await expect.poll(async () => (await commands.esSessions()).filter((s) => s.tag.startsWith('elsewhere')).length).toBe(0);
    clock.runNext();
    await expect.poll(() => status()?.live.length, { timeout: 5000 }).toBe(needed.length);
    expect(status()!.status.state).toBe('connected');
    expect(status()!.refused).toEqual([]);
    expect(await commands.esConnections(tag)).toEqual({ opened: 2, open: 1 });
    expect(await posts()).toBe(before + 2 * needed.length);
  });

  test('a page asking for something new ends the rest at once', async () => {
    const type = `test.limits.${++counter}`;
    await commands.esRefuse(type, 403);
    try {
      const { tag, clock, owner: mine, status } = owner();
      mine.start('page-1');
      mine.need([subscription(type)]);
      await expect.poll(() => status()?.status.state, { timeout: 5000 }).toBe('reconnecting');
      expect(status()!.status.error).toMatchObject({ code: 'auth', message: expect.stringContaining('subscription missing proper authorization') });
      mine.need([subscription(type)]); // known: the rest goes on
      expect(clock.delays.at(-1)).toBeGreaterThanOrEqual(UNASKED_EVERY_MS * 0.7);
      mine.need([subscription(`${type}.new`)]);
      expect(clock.delays.at(-1)).toBe(0);
      expect(clock.waiting).toBe(1); // the rest's own timer is gone
      clock.runNext();
      await expect.poll(() => status()?.live, { timeout: 5000 }).toEqual([subscriptionKey(subscription(`${type}.new`))]);
      expect(await commands.esConnections(tag)).toEqual({ opened: 2, open: 1 });
    } finally {
      await commands.esRefuse(type, 0);
    }
  });

  test('what Twitch refused for a while is asked for again about a minute later on the same session', async () => {
    const type = `test.limits.${++counter}`;
    await commands.esRefuse(type, 429);
    try {
      const { tag, clock, owner: mine, status } = owner();
      mine.start('page-1');
      mine.need([subscription(type), subscription(`${type}.fine`)]);
      // Both answered (in either order): only then is the next ask due.
      await expect
        .poll(() => ({ refused: status()?.refused.map((r) => r.reason), live: status()?.live }), { timeout: 5000 })
        .toEqual({ refused: ['rate-limited'], live: [subscriptionKey(subscription(`${type}.fine`))] });
      const delay = clock.delays.at(-1)!;
      expect(delay).toBeGreaterThanOrEqual(42_000);
      expect(delay).toBeLessThanOrEqual(60_000);
      await commands.esRefuse(type, 0);
      clock.runNext();
      await expect.poll(() => status()?.live.length, { timeout: 5000 }).toBe(2);
      expect(status()!.refused).toEqual([]);
      expect(await commands.esConnections(tag)).toEqual({ opened: 1, open: 1 });
    } finally {
      await commands.esRefuse(type, 0);
    }
  });
});
