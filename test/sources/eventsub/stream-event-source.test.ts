import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { StreamEventSource } from '../../../src/sources/eventsub/stream-event-source.js';
import { EVENT_KINDS, type EventKind, type StreamEvent } from '../../../src/domain/stream-event.js';
import type { SubscriptionOutcome } from '../../../src/sources/eventsub/create-subscriptions.js';
import { EVENT_SCOPES, EVENT_SUBSCRIPTIONS, describeOff, kindsOff } from '../../../src/sources/eventsub/subscription-catalog.js';
import { HelixClient } from '../../../src/twitch/helix-client.js';
import { FIXTURE_CHANNEL_ID, TEST_CLIENT_ID, scopedToken } from '../../helpers/http.js';
import { REFERENCE_EVENTS } from '../../fixtures/eventsub/reference-events.js';
import { fake, fakeTwitchEndpoints } from '../../helpers/fake-servers.js';

const ALL_SCOPES = [
  'moderator:read:followers', 'channel:read:subscriptions', 'bits:read', 'moderator:read:shoutouts', 'channel:read:hype_train',
  'channel:read:polls', 'channel:read:predictions', 'channel:read:goals', 'channel:read:charity', 'channel:read:redemptions',
];

let source: StreamEventSource | undefined;
const refused: string[] = [];
afterEach(async () => {
  source?.stop();
  source = undefined;
  for (const type of refused.splice(0)) await commands.esRefuse(type, 0);
});

async function start(scopes = ALL_SCOPES, kinds: readonly EventKind[] = EVENT_KINDS) {
  const token = scopedToken(scopes);
  source = new StreamEventSource({
    helix: new HelixClient({ token, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0 }),
    userId: FIXTURE_CHANNEL_ID,
    scopes,
    kinds,
    url: fake.eventsubUrl,
  });
  const events: StreamEvent[] = [];
  const skipped: string[] = [];
  const outcomes: SubscriptionOutcome[] = [];
  source.addEventListener('event', (e) => events.push(e.detail));
  source.addEventListener('skipped', (e) => skipped.push(e.detail.reason));
  source.addEventListener('subscriptions', (e) => outcomes.push(e.detail));
  source.start();
  await expect.poll(() => source!.status.state, { timeout: 5000 }).toBe('connected');
  return { events, skipped, outcomes };
}

const refuse = async (type: string, status: number) => {
  refused.push(type);
  await commands.esRefuse(type, status);
};

describe('StreamEventSource against the fake EventSub server', () => {
  test('subscribes to every type the scopes allow, with its version and condition, and normalises each kind', async () => {
    const { events, outcomes } = await start();
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.refused).toEqual([]);
    expect(outcomes[0]!.active).toEqual(EVENT_SUBSCRIPTIONS.map((s) => s.type));
    const planned = (type: string) => source!.plan.subscriptions.find((s) => s.type === type);
    expect(planned('channel.follow')).toEqual({ type: 'channel.follow', version: '2', condition: { broadcaster_user_id: FIXTURE_CHANNEL_ID, moderator_user_id: FIXTURE_CHANNEL_ID } });
    expect(planned('channel.raid')).toEqual({ type: 'channel.raid', version: '1', condition: { to_broadcaster_user_id: FIXTURE_CHANNEL_ID } });
    expect(planned('channel.hype_train.begin')?.version).toBe('2');
    expect(planned('channel.channel_points_automatic_reward_redemption.add')?.version).toBe('2');
    for (const [type, event] of Object.entries(REFERENCE_EVENTS)) await commands.esNotify(type, event);
    // channel.cheer is also reported by channel.bits.use: one cheer event, from the latter.
    await expect.poll(() => events.length, { timeout: 5000 }).toBe(Object.keys(REFERENCE_EVENTS).length - 1);
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(EVENT_KINDS));
    expect(events.filter((e) => e.kind === 'cheer').map((e) => e.kind === 'cheer' && e.bits)).toEqual([2]);
    const custom = events.find((e) => e.kind === 'redemption' && !e.automatic);
    expect(custom).toMatchObject({ redemption: { rewardTitle: 'title' } });
  });

  test('a kind whose scope the token lacks is not subscribed and is named in the plan', async () => {
    await start(['bits:read', 'channel:read:subscriptions']);
    expect(source!.plan.off.map((o) => o.kind)).toEqual(['follow', 'shoutout', 'hype-train', 'poll', 'prediction', 'goal', 'charity', 'redemption']);
    const session = (await commands.esSessions()).find((s) => s.id === source!.eventsub.session);
    expect(session?.types.sort()).toEqual(['channel.bits.use', 'channel.cheer', 'channel.raid', 'channel.subscribe', 'channel.subscription.gift', 'channel.subscription.message', 'stream.offline', 'stream.online']);
  });

  test('stream.online and stream.offline, byte for byte as Twitch sends them, with no scope: the stream’s start and end', async () => {
    // A token with no EventSub scope at all (chat only) receives them.
    const { events, outcomes } = await start(['chat:read'], ['stream-online', 'stream-offline']);
    expect(source!.plan.subscriptions).toEqual([
      { type: 'stream.online', version: '1', condition: { broadcaster_user_id: FIXTURE_CHANNEL_ID } },
      { type: 'stream.offline', version: '1', condition: { broadcaster_user_id: FIXTURE_CHANNEL_ID } },
    ]);
    expect(outcomes[0]!.refused).toEqual([]);
    const session = source!.eventsub.session;
    // The frames of Twitch's EventSub reference (its stream.online and stream.offline examples) on a WebSocket session.
    const frame = (id: string, type: string, timestamp: string, event: string) =>
      `{"metadata":{"message_id":"${id}","message_type":"notification","message_timestamp":"${timestamp}","subscription_type":"${type}","subscription_version":"1"},"payload":{"subscription":{"id":"f1c2a387-161a-49f9-a165-0f21d7a4e1c4","type":"${type}","version":"1","status":"enabled","cost":0,"condition":{"broadcaster_user_id":"1337"},"transport":{"method":"websocket","session_id":"${session}"},"created_at":"2019-11-16T10:11:12.634234626Z"},"event":${event}}}`;
    await commands.esRaw(frame('befa7b53-d79d-478f-86b9-120f112b044e', 'stream.online', '2020-10-11T10:11:12.987654321Z', '{"id":"9001","broadcaster_user_id":"1337","broadcaster_user_login":"cool_user","broadcaster_user_name":"Cool_User","type":"live","started_at":"2020-10-11T10:11:12.123Z"}'));
    await commands.esRaw(frame('8d0e6fd5-1a1b-4e3c-9c0d-54d4f0b9c1aa', 'stream.offline', '2020-10-11T14:02:45.123456789Z', '{"broadcaster_user_id":"1337","broadcaster_user_login":"cool_user","broadcaster_user_name":"Cool_User"}'));
    await expect.poll(() => events).toEqual([
      { kind: 'stream-online', id: 'befa7b53-d79d-478f-86b9-120f112b044e', at: Date.parse('2020-10-11T10:11:12.987Z'), startedAt: Date.parse('2020-10-11T10:11:12.123Z'), streamType: 'live' },
      { kind: 'stream-offline', id: '8d0e6fd5-1a1b-4e3c-9c0d-54d4f0b9c1aa', at: Date.parse('2020-10-11T14:02:45.123Z') },
    ]);
  });

  test('403, 409 and 429 are reported per type and never stop the others', async () => {
    await refuse('channel.goal.begin', 429);
    await refuse('channel.prediction.lock', 403);
    await refuse('channel.poll.begin', 409);
    const { events, outcomes } = await start();
    expect(outcomes[0]!.refused.map((r) => `${r.type} ${r.reason}`).sort()).toEqual(['channel.goal.begin rate-limited', 'channel.prediction.lock unauthorized']);
    expect(outcomes[0]!.refused.find((r) => r.reason === 'unauthorized')?.message).toMatch(/subscription missing proper authorization/);
    expect(outcomes[0]!.active).toContain('channel.poll.begin');
    expect(source!.subscribed.has('channel.goal.begin')).toBe(false);
    await commands.esNotify('channel.poll.begin', REFERENCE_EVENTS['channel.poll.begin']);
    await commands.esNotify('channel.raid', REFERENCE_EVENTS['channel.raid']);
    await expect.poll(() => events.map((e) => e.kind)).toEqual(['poll', 'raid']);
    expect(source!.status.state).toBe('connected');
  });

  test('bits are never counted twice: channel.cheer only counts while channel.bits.use is refused', async () => {
    await refuse('channel.bits.use', 403);
    const { events } = await start();
    await commands.esNotify('channel.cheer', REFERENCE_EVENTS['channel.cheer']);
    await expect.poll(() => events.map((e) => e.kind === 'cheer' && e.bits)).toEqual([1000]);
  });

  test('a gift bomb of 5 is one gift event; the per-recipient subs fold into it; an own sub still counts', async () => {
    const { events, skipped } = await start();
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], total: 5 });
    for (let i = 0; i < 5; i++) {
      await commands.esNotify('channel.subscribe', { ...REFERENCE_EVENTS['channel.subscribe'], user_id: `90${i}`, user_login: `lucky${i}`, user_name: `Lucky${i}`, is_gift: true });
    }
    await commands.esNotify('channel.subscribe', REFERENCE_EVENTS['channel.subscribe']);
    await expect.poll(() => events.map((e) => e.kind)).toEqual(['gift', 'sub']);
    expect(events[0]).toMatchObject({ kind: 'gift', total: 5 });
    expect(skipped.filter((s) => /gifted sub/.test(s))).toHaveLength(5);
  });

  test('bad payloads and unknown versions are skipped; the session goes on', async () => {
    const { events, skipped } = await start();
    await commands.esNotify('channel.cheer', { ...REFERENCE_EVENTS['channel.bits.use'], bits: -5 });
    await commands.esNotify('channel.bits.use', { ...REFERENCE_EVENTS['channel.bits.use'], bits: -5 });
    await commands.esNotify('channel.raid', { ...REFERENCE_EVENTS['channel.raid'], viewers: 1e12 });
    await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow'], 1, '9');
    await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow']);
    await expect.poll(() => events.map((e) => e.kind)).toEqual(['follow']);
    expect(skipped).toEqual([
      expect.stringMatching(/channel.cheer is also reported|bits = -5/),
      'channel.bits.use: bits = -5 is outside 1–10000000',
      'channel.raid: viewers = 1000000000000 is outside 0–10000000',
      'no reader for channel.follow version 9',
    ]);
    expect(source!.status.state).toBe('connected');
  });
});

describe('StreamEventSource on the page that holds the connection: session-event', () => {
  test('every event of the shared session, whichever page asked for its type, once, with double reports dropped by the session’s types; pages emit as before', async () => {
    // The first overlay lists raids and follows: it owns the connection.
    const { events: ownerEvents } = await start(ALL_SCOPES, ['raid', 'follow']);
    const owner = source!;
    // A second overlay of the same user, with kinds of its own: it joins the owner's session.
    const token = scopedToken(ALL_SCOPES);
    const follower = new StreamEventSource({
      helix: new HelixClient({ token, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0 }),
      userId: FIXTURE_CHANNEL_ID,
      scopes: ALL_SCOPES,
      kinds: ['cheer', 'gift', 'sub'],
      url: fake.eventsubUrl,
    });
    const followerEvents: StreamEvent[] = [];
    const ownerSession: StreamEvent[] = [];
    const followerSession: StreamEvent[] = [];
    follower.addEventListener('event', (e) => followerEvents.push(e.detail));
    follower.addEventListener('session-event', (e) => followerSession.push(e.detail.event));
    owner.addEventListener('session-event', (e) => ownerSession.push(e.detail.event));
    follower.start();
    try {
      await expect.poll(() => follower.status.state, { timeout: 5000 }).toBe('connected');
      expect([owner.eventsub.role, follower.eventsub.role]).toEqual(['owner', 'follower']);
      await commands.esNotify('channel.raid', REFERENCE_EVENTS['channel.raid']);
      await commands.esNotify('channel.cheer', REFERENCE_EVENTS['channel.cheer']);
      await commands.esNotify('channel.bits.use', REFERENCE_EVENTS['channel.bits.use']);
      await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], total: 2 });
      for (const i of [1, 2]) await commands.esNotify('channel.subscribe', { ...REFERENCE_EVENTS['channel.subscribe'], user_id: `90${i}`, is_gift: true });
      await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow']);
      await expect.poll(() => ownerSession.map((e) => e.kind)).toEqual(['raid', 'cheer', 'gift', 'follow']);
      expect(ownerSession.find((e) => e.kind === 'cheer')).toMatchObject({ bits: 2 });
      // Each page's own events, as before.
      await expect.poll(() => followerEvents.map((e) => e.kind)).toEqual(['cheer', 'gift']);
      expect(ownerEvents.map((e) => e.kind)).toEqual(['raid', 'follow']);
      expect(followerSession).toEqual([]);
    } finally {
      follower.stop();
    }
  });
});

describe('StreamEventSource with nothing to subscribe', () => {
  test('stops with a config error naming the missing scopes instead of opening a session Twitch would close', async () => {
    let opened = 0;
    source = new StreamEventSource({
      helix: new HelixClient({ token: scopedToken([]), clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0 }),
      userId: FIXTURE_CHANNEL_ID,
      scopes: [],
      kinds: ['follow', 'cheer'],
      url: fake.eventsubUrl,
      // Counts its own sockets: the fake's session list also holds other tests' closing sessions.
      WebSocket: class extends WebSocket {
        constructor(url: string) {
          super(url);
          opened += 1;
        }
      },
    });
    source.start();
    expect(source.status.state).toBe('error');
    expect(source.lastError).toMatchObject({ code: 'config', message: 'None of the events asked for can be received with this token: follow (needs moderator:read:followers), cheer (needs bits:read).' });
    expect(opened).toBe(0);
  });
});

describe('subscription planning', () => {
  test('what a token cannot receive, for the setup page: none of the events for a chat token, only charity for one without it', () => {
    expect(kindsOff(['chat:read']).map((o) => o.kind)).toEqual(EVENT_KINDS.filter((k) => !['raid', 'stream-online', 'stream-offline'].includes(k)));
    expect(describeOff(kindsOff(ALL_SCOPES.filter((s) => s !== 'channel:read:charity')))).toBe('charity (needs channel:read:charity)');
    expect(kindsOff(['channel:manage:polls', 'moderator:manage:shoutouts'], ['poll', 'shoutout', 'raid'])).toEqual([]);
    expect(EVENT_SCOPES).toEqual(ALL_SCOPES);
  });
});
