import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { HeatSource } from '../../../src/sources/heat/heat-source.js';
import { parseHeatFrame, type HeatClick } from '../../../src/sources/heat/heat-click.js';
import { UserDirectory } from '../../../src/twitch/user-directory.js';
import { HelixClient } from '../../../src/twitch/helix-client.js';
import { getUsers } from '../../../src/twitch/helix-api.js';
import { Backoff } from '../../../src/core/backoff.js';
import { GOOD_TOKEN, TEST_CLIENT_ID } from '../../helpers/http.js';
import { ManualSchedule } from '../../helpers/manual-schedule.js';
import { fake, fakeTwitchEndpoints } from '../../helpers/fake-servers.js';

describe('parseHeatFrame', () => {
  test.each([
    ['{"type":"click","id":"12345","x":0.25,"y":0.5}', { userId: '12345', identity: 'user', x: 0.25, y: 0.5 }],
    ['{"type":"click","id":"A1b2c3","x":"0.125","y":"0.750"}', { userId: 'A1b2c3', identity: 'anonymous', x: 0.125, y: 0.75 }],
    ['{"type":"click","id":"Uxyz","x":1,"y":0}', { userId: 'Uxyz', identity: 'unverified', x: 1, y: 0 }],
  ])('reads %s', (raw, click) => {
    const parsed = parseHeatFrame(raw, 7);
    expect(parsed).toEqual({ ok: true, click: { type: 'click', ...click, eventTime: 7, raw, login: null, displayName: null } });
  });

  test.each([
    ['not json', 'not JSON'],
    ['{"type":"click","x":0.1,"y":0.1}', 'click without id'],
    ['{"type":"click","id":"1","x":"left","y":0.1}', 'click without x/y'],
    ['{"type":"click","id":"1","x":1.5,"y":0.1}', 'click outside the player (1.5, 0.1)'],
    ['{"type":"hover","id":"1","x":0.1,"y":0.1}', 'unknown type "hover"'],
  ])('rejects %s', (raw, reason) => {
    expect(parseHeatFrame(raw)).toEqual({ ok: false, reason });
  });

  test('system messages', () => {
    expect(parseHeatFrame('{"type":"system","message":"Connected."}')).toEqual({ ok: true, system: 'Connected.' });
  });
});

let source: HeatSource | undefined;
afterEach(() => source?.stop());
let channel = 600_000 + Math.floor(Math.random() * 100_000) * 10;
let userBase = 2_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;

function start(channelId = String(++channel)) {
  const helix = new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints() });
  const batches: number[] = [];
  const users = new UserDirectory({
    fetchUsers: (ids) => {
      batches.push(ids.length);
      return getUsers(helix, { ids });
    },
  });
  source = new HeatSource({ channelId, users, url: fake.heatUrl, backoff: new Backoff({ initialMs: 30, maxMs: 60, jitter: 0 }) });
  const clicks: HeatClick[] = [];
  source.addEventListener('click', (e) => clicks.push(e.detail));
  source.start();
  return { channelId, clicks, batches };
}

describe('HeatSource against the fake Heat server', () => {
  test('emits clicks, names real users through the directory (batched), labels opaque ids, counts garbage', async () => {
    const { channelId, clicks, batches } = start();
    await expect.poll(() => source!.status.state, { timeout: 5000 }).toBe('connected');
    const ids = Array.from({ length: 150 }, () => String(++userBase));
    const frames = [
      ...ids.map((id, i) => JSON.stringify({ type: 'click', id, x: (i % 10) / 10, y: 0.5 })),
      '{"type":"click","id":"Aanon","x":0.5,"y":0.5}',
      'garbage',
      '{"type":"click","id":"5","x":2,"y":0}',
    ];
    await commands.heatSend(channelId, frames);
    await expect.poll(() => clicks.length, { timeout: 5000 }).toBe(151);
    expect(clicks.find((c) => c.userId === ids[0])).toMatchObject({ login: `user${ids[0]}`, displayName: `User${ids[0]}`, identity: 'user' });
    expect(clicks.find((c) => c.userId === 'Aanon')).toMatchObject({ identity: 'anonymous', login: null });
    // How many windows 153 frames span depends on the machine's speed, so the bound is on the
    // outcome: every id asked for once, never more than Helix's 100 per request, in a handful of
    // requests rather than one per click (exact windowing: user-directory.test.ts).
    expect(batches.reduce((sum, n) => sum + n, 0)).toBe(150);
    expect(Math.max(...batches)).toBeLessThanOrEqual(100);
    expect(batches.length).toBeLessThan(15);
    expect(source!.rejected).toBe(2);
  });

  test('a channel Heat refuses is reported as probably not using Heat, retried on a growing backoff, and recovers once accepted', async () => {
    const clock = new ManualSchedule();
    const channelId = String(++channel);
    await commands.heatRefuse(channelId, true);
    source = new HeatSource({ channelId, url: fake.heatUrl, schedule: clock.schedule, backoff: new Backoff({ initialMs: 1000, jitter: 0 }) });
    source.start();
    /** Waits for the refusal, then fires the retry it scheduled. */
    const refusedThenRetry = async (attempt: number) => {
      await expect.poll(() => source!.status.attempt).toBe(attempt);
      expect(source!.status.state).toBe('reconnecting');
      clock.runNext();
    };
    await refusedThenRetry(1);
    await refusedThenRetry(2);
    expect(source.lastError?.code).toBe('network');
    await expect.poll(() => source!.status.attempt).toBe(3);
    expect(source.status).toMatchObject({ state: 'reconnecting', error: { code: 'config', retryable: true } });
    expect(source.lastError?.message).toMatch(/probably does not use the Heat extension/);
    // Only the retries were waited for: each connect timeout was cancelled when the socket ended.
    expect(clock.delays).toEqual([10_000, 1000, 10_000, 1500, 10_000, 2250]);

    await commands.heatRefuse(channelId, false);
    clock.runNext();
    await expect.poll(() => source!.status.state).toBe('connected');
    expect(source.status.attempt).toBe(0);
  });

  test('a backoff out of attempts ends the source in an error that says it gave up', async () => {
    const clock = new ManualSchedule();
    source = new HeatSource({ channelId: '404001', url: fake.heatUrl, schedule: clock.schedule, backoff: new Backoff({ initialMs: 1000, jitter: 0, maxAttempts: 1 }) });
    source.start();
    await expect.poll(() => source!.status.state).toBe('reconnecting');
    clock.runNext();
    await expect.poll(() => source!.status.state).toBe('error');
    expect(source.status.error).toMatchObject({ code: 'network', retryable: false, message: 'Heat connection lost. Gave up after 1 attempt.' });
    expect(clock.waiting).toBe(0);
  });
});
