import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { EventSubSource, type EventSubNotification } from '../../../src/sources/eventsub/eventsub-source.js';
import { CLOSE_REASONS } from '../../../src/sources/eventsub/eventsub-wire.js';
import { HelixClient } from '../../../src/twitch/helix-client.js';
import { Backoff } from '../../../src/core/backoff.js';
import { FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID } from '../../helpers/http.js';
import { ManualSchedule } from '../../helpers/manual-schedule.js';
import { fake, fakeTwitchEndpoints } from '../../helpers/fake-servers.js';

const sources: EventSubSource[] = [];
afterEach(() => sources.splice(0).forEach((s) => s.stop()));

let counter = 0;
function setup(options: { type?: string; token?: string; keepaliveSeconds?: number; helixTimeoutMs?: number } = {}) {
  const type = options.type ?? `test.event.${++counter}.${Math.random().toString(36).slice(2, 6)}`;
  // Reconnect delays and connect timeouts wait for the test to step them.
  const clock = new ManualSchedule();
  const source = new EventSubSource({
    helix: new HelixClient({ token: options.token ?? GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0, timeoutMs: options.helixTimeoutMs }),
    subscriptions: [{ type, version: '1', condition: { broadcaster_user_id: FIXTURE_CHANNEL_ID } }],
    url: fake.eventsubUrl,
    keepaliveSeconds: options.keepaliveSeconds,
    backoff: new Backoff({ initialMs: 50, maxMs: 200, jitter: 0 }),
    schedule: clock.schedule,
  });
  sources.push(source);
  const received: EventSubNotification[] = [];
  source.addEventListener('notification', (e) => received.push(e.detail));
  /** Once the source waits to reconnect, reconnects: the retry is all that is scheduled. */
  const retry = async () => {
    await state(source, 'reconnecting');
    expect(clock.waiting).toBe(1);
    clock.runNext();
  };
  return { type, source, received, clock, retry };
}

const state = (source: EventSubSource, want: string, timeout = 5000) => expect.poll(() => source.status.state, { timeout }).toBe(want);
const subscribeCalls = async () => (await commands.httpRequests('/helix/eventsub/subscriptions')).length;

describe('EventSubSource against the fake EventSub server', () => {
  test('subscribes on welcome, delivers notifications, and drops repeated deliveries', async () => {
    const { type, source, received } = setup();
    source.start();
    await state(source, 'connected');
    expect((await commands.esSessions()).find((s) => s.id === source.session)?.types).toEqual([type]);
    await commands.esNotify(type, { user_login: 'viewer', reward: { title: 'Hydrate' } }, 2);
    await expect.poll(() => received.length).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ type, version: '1', event: { user_login: 'viewer', reward: { title: 'Hydrate' } } });
    expect(received[0]!.timestamp).toBeGreaterThan(0);
  });

  test('session_reconnect: make-before-break, no resubscribe, nothing lost or doubled', async () => {
    const { type, source, received } = setup();
    source.start();
    await state(source, 'connected');
    const first = source.session;
    const calls = await subscribeCalls();
    await commands.esNotify(type, { n: 1 });
    await commands.esReconnect();
    await expect.poll(() => source.session).not.toBe(first);
    await commands.esNotify(type, { n: 2 });
    await expect.poll(() => received.map((r) => r.event.n)).toEqual([1, 2]);
    expect(await subscribeCalls()).toBe(calls);
    await expect.poll(async () => (await commands.esSessions()).filter((s) => s.id === first)).toEqual([]);
    expect(source.status.state).toBe('connected');
  });

  test('a session_reconnect to an http:// URL, as the Twitch CLI names its server, is followed as ws://', async () => {
    const { type, source, received } = setup();
    source.start();
    await state(source, 'connected');
    const first = source.session;
    const calls = await subscribeCalls();
    const reconnectUrl = `${fake.eventsubUrl.replace(/^ws:/, 'http:').replace(/\?.*$/, '')}?reconnect_from=${first}`;
    const message = { metadata: { message_id: 'cli-reconnect-1', message_type: 'session_reconnect', message_timestamp: new Date().toISOString() }, payload: { session: { id: first, status: 'reconnecting', keepalive_timeout_seconds: null, reconnect_url: reconnectUrl, connected_at: new Date().toISOString() } } };
    await commands.esRaw(JSON.stringify(message));
    await expect.poll(() => source.session).not.toBe(first);
    await commands.esNotify(type, { after: true });
    await expect.poll(() => received.map((r) => r.event)).toEqual([{ after: true }]);
    expect(await subscribeCalls()).toBe(calls);
  });

  test('a silent connection is replaced by a new session that subscribes again', async () => {
    const { type, source, received, retry } = setup({ keepaliveSeconds: 1 });
    source.start();
    await state(source, 'connected');
    const first = source.session;
    const calls = await subscribeCalls();
    await commands.esSilence(true);
    await state(source, 'reconnecting', 5000);
    expect(source.lastError?.message).toMatch(/No keepalive/);
    await commands.esSilence(false);
    await retry();
    await state(source, 'connected', 5000);
    expect(source.session).not.toBe(first);
    expect(await subscribeCalls()).toBe(calls + 1);
    await commands.esNotify(type, { after: true });
    await expect.poll(() => received.length).toBe(1);
  });

  test.each([4000, 4001, 4002, 4003, 4004, 4005, 4006, 4007])('close code %i reconnects with a readable reason', async (code) => {
    const { source, retry } = setup();
    source.start();
    await state(source, 'connected');
    const first = source.session;
    await commands.esCloseAll(code);
    await state(source, 'reconnecting');
    expect(source.lastError).toMatchObject({ code: 'network', retryable: true });
    expect(source.lastError?.message).toBe(`EventSub connection lost: ${CLOSE_REASONS[code]}; reconnecting.`);
    await retry();
    await state(source, 'connected');
    expect(source.session).not.toBe(first);
  });

  test('Helix answering after the welcome window: Twitch closes the session unused (4003), and the next session subscribes', async () => {
    // The fake, as Twitch, gives a new session 10 s to subscribe (§3.2); Helix answers later, and is waited for.
    const { type, source, received, retry } = setup({ helixTimeoutMs: 20_000 });
    await commands.httpScript('POST', '/helix/eventsub/subscriptions', [{ status: 503, body: { error: 'Service Unavailable', status: 503, message: '' }, delayMs: 10_500 }]);
    source.start();
    await state(source, 'reconnecting', 15_000);
    expect(source.lastError?.message).toBe(`EventSub connection lost: ${CLOSE_REASONS[4003]}; reconnecting.`);
    await retry();
    await state(source, 'connected');
    await commands.esNotify(type, { after: true });
    await expect.poll(() => received.map((r) => r.event)).toEqual([{ after: true }]);
  }, 30_000);

  test('a revocation ends one subscription, not the session: reported with what it ended, and the session goes on', async () => {
    const { type, source } = setup();
    const revoked: unknown[] = [];
    source.addEventListener('revocation', (e) => revoked.push(e.detail));
    source.start();
    await state(source, 'connected');
    const session = source.session;
    await commands.esRevoke(type, 'version_removed');
    await expect.poll(() => revoked).toEqual([{ type, version: '1', condition: { broadcaster_user_id: FIXTURE_CHANNEL_ID }, status: 'version_removed' }]);
    expect(source.status.state).toBe('connected');
    expect(source.session).toBe(session);
    expect(source.lastError).toBeNull();
  });

  test("the Twitch CLI's ended subscription (a notification whose status is not enabled, with no event) is a revocation, not an event", async () => {
    const { type, source, received } = setup();
    const revoked: string[] = [];
    source.addEventListener('revocation', (e) => revoked.push(`${e.detail.type} ${e.detail.status}`));
    source.start();
    await state(source, 'connected');
    expect(await commands.esTriggerWithStatus(type, 'authorization_revoked')).toBe(1);
    await expect.poll(() => revoked).toEqual([`${type} authorization_revoked`]);
    await commands.esNotify(type, { after: true });
    await expect.poll(() => received.map((r) => r.event)).toEqual([{ after: true }]);
    expect(source.status.state).toBe('connected');
  });

  test('a token without the right authorization ends in an auth error, not a loop', async () => {
    const { source, clock } = setup({ type: 'channel.channel_points_custom_reward_redemption.add' });
    source.start();
    await state(source, 'error');
    expect(source.lastError).toMatchObject({ code: 'auth', retryable: false, message: expect.stringContaining('subscription missing proper authorization') });
    expect(clock.waiting).toBe(0); // no retry pending
    expect(clock.delays).toEqual([10_000]); // only the first socket's connect timeout was ever set
  });

  test('malformed frames are ignored and the session goes on', async () => {
    const { type, source, received } = setup();
    source.start();
    await state(source, 'connected');
    await commands.esRaw('not json');
    await commands.esRaw('{"metadata":{}}');
    await commands.esNotify(type, { ok: true });
    await expect.poll(() => received.length).toBe(1);
    expect(source.status.state).toBe('connected');
  });
});
