import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { HelixClient } from '../../../src/twitch/helix-client.js';
import { Backoff } from '../../../src/core/backoff.js';
import { StreamInfoSource, type StreamInfoEventMap } from '../../../src/sources/helix/stream-info-source.js';
import type { StreamState } from '../../../src/sources/helix/stream-info.js';
import { GOOD_TOKEN, TEST_CLIENT_ID } from '../../helpers/http.js';
import { ManualSchedule } from '../../helpers/manual-schedule.js';
import { fakeTwitchEndpoints } from '../../helpers/fake-servers.js';

let userId = 800_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
const sources: StreamInfoSource[] = [];
afterEach(() => sources.splice(0).forEach((s) => s.stop()));

function wire(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id: `stream-${id}`,
    user_id: id,
    user_login: 'teststreamer',
    user_name: 'TestStreamer',
    game_id: '509658',
    game_name: 'Just Chatting',
    type: 'live',
    title: 'hello world',
    viewer_count: 42,
    started_at: '2026-11-22T20:00:00Z',
    language: 'en',
    thumbnail_url: 'https://static-cdn.jtvnw.net/previews-ttv/live_user_teststreamer-{width}x{height}.jpg',
    tag_ids: [],
    tags: ['English'],
    is_mature: false,
    ...overrides,
  };
}

function setup(token = GOOD_TOKEN) {
  const id = String(++userId);
  const clock = new ManualSchedule();
  const source = new StreamInfoSource({
    helix: new HelixClient({ token, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0 }),
    userId: id,
    schedule: clock.schedule,
    backoff: new Backoff({ jitter: 0 }),
  });
  sources.push(source);
  const events: [keyof StreamInfoEventMap, StreamState][] = [];
  for (const type of ['change', 'online', 'offline'] as const) source.addEventListener(type, (e) => events.push([type, e.detail]));
  /** Runs the next poll and resolves once it has been answered (a new delay was scheduled). */
  const poll = async () => {
    const before = clock.delays.length;
    if (clock.waiting > 0) clock.runNext();
    await expect.poll(() => clock.delays.length, { timeout: 5000 }).toBeGreaterThan(before);
  };
  return { id, clock, source, events, poll };
}

describe('StreamInfoSource', () => {
  test('reports offline → online → changes → offline, and nothing when nothing changed', async () => {
    const { id, source, events, poll, clock } = setup();
    source.start();
    await poll();
    expect(events.map(([t, s]) => [t, s.live])).toEqual([['change', false]]);

    await commands.httpSetStream(id, wire(id));
    await poll();
    expect(events.slice(1).map(([t]) => t)).toEqual(['online', 'change']);
    expect(events[2]![1].stream).toMatchObject({
      userId: id,
      userLogin: 'teststreamer',
      userName: 'TestStreamer',
      gameName: 'Just Chatting',
      title: 'hello world',
      viewerCount: 42,
      startedAt: Date.parse('2026-11-22T20:00:00Z'),
      tags: ['English'],
      isMature: false,
    });
    expect(events[2]![1].eventTime).toBeGreaterThan(0);

    await poll(); // same answer: no event
    expect(events).toHaveLength(3);

    await commands.httpSetStream(id, wire(id, { viewer_count: 43 }));
    await poll();
    expect(events.slice(3).map(([t, s]) => [t, s.stream?.viewerCount])).toEqual([['change', 43]]);

    await commands.httpSetStream(id, wire(id, { viewer_count: 43, thumbnail_url: 'https://other/{width}x{height}.jpg' }));
    await poll(); // only the thumbnail template moved: nothing a viewer sees
    expect(events).toHaveLength(4);

    await commands.httpSetStream(id, null);
    await poll();
    expect(events.slice(4).map(([t, s]) => [t, s.live])).toEqual([
      ['offline', false],
      ['change', false],
    ]);
    expect(clock.delays.every((ms) => ms === 30_000)).toBe(true);
  });

  test('polls every 30 s by default and never faster than 10 s', () => {
    const helix = new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints() });
    expect(new StreamInfoSource({ helix, userId: '1' }).intervalMs).toBe(30_000);
    expect(new StreamInfoSource({ helix, userId: '1', intervalMs: 1000 }).intervalMs).toBe(10_000);
    expect(new StreamInfoSource({ helix, userId: '1', intervalMs: 60_000 }).intervalMs).toBe(60_000);
  });

  test('keeps polling after transient failures, backing off, and recovers', async () => {
    const { id, source, events, poll, clock } = setup();
    await commands.httpSetStream(id, wire(id));
    await commands.httpScript('GET', '/helix/streams', [{ status: 503 }, { status: 200, rawBody: 'not json' }]);
    source.start();
    await poll();
    expect(source.status).toMatchObject({ state: 'reconnecting', retryInMs: 1000 });
    expect(source.lastError?.code).toBe('network');
    await poll();
    expect(source.lastError?.code).toBe('protocol');
    await poll();
    expect(source.status.state).toBe('connected');
    expect(events.map(([t]) => t)).toEqual(['change']);
    expect(clock.delays).toEqual([1000, 1500, 30_000]);
  });

  test('a refused token stops polling with an auth error', async () => {
    const { source, clock } = setup('expired-token');
    source.start();
    await expect.poll(() => source.status.state, { timeout: 5000 }).toBe('error');
    expect(source.lastError).toMatchObject({ code: 'auth', retryable: false });
    expect(clock.waiting).toBe(0);
  });
});
