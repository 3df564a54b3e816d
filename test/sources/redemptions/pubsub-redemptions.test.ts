import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { PubSubRedemptions } from '../../../src/sources/redemptions/pubsub-redemptions.js';
import type { Redemption } from '../../../src/domain/redemption.js';
import { Backoff } from '../../../src/core/backoff.js';
import { ManualSchedule } from '../../helpers/manual-schedule.js';
import { fake } from '../../helpers/fake-servers.js';

let source: PubSubRedemptions | undefined;
afterEach(async () => {
  source?.stop();
  await commands.psSilence(false);
});

let channel = 300_000_000 + Math.floor(Math.random() * 1_000_000) * 10;

/** The inner `reward-redeemed` message, shaped as PubSub sent it (§2). */
function redeemed(id: string, channelId: string, image: unknown = null) {
  return {
    type: 'reward-redeemed',
    data: {
      timestamp: '2026-11-22T21:00:00.5Z',
      redemption: {
        id,
        user: { id: '1234', login: 'cool_user', display_name: 'Cool_User' },
        channel_id: channelId,
        redeemed_at: '2026-11-22T21:00:00.5Z',
        reward: {
          id: 'rw1', channel_id: channelId, title: 'Hydrate!', prompt: 'How much?', cost: 300, is_user_input_required: true, is_sub_only: false,
          image, default_image: { url_1x: 'https://static-cdn.jtvnw.net/custom-reward-images/default-1.png', url_2x: 'https://x/2', url_4x: 'https://x/4' },
          background_color: '#00C7AC', is_enabled: true, is_paused: false, is_in_stock: true, max_per_stream: { is_enabled: false, max_per_stream: 0 },
          should_redemptions_skip_request_queue: false, template_id: null, global_cooldown: { is_enabled: true, global_cooldown_seconds: 60 },
        },
        user_input: 'two glasses',
        status: 'UNFULFILLED',
      },
    },
  };
}

function start(token = 'broadcastertoken', extra: Partial<ConstructorParameters<typeof PubSubRedemptions>[0]> = {}) {
  const id = String(++channel);
  source = new PubSubRedemptions({ token, broadcasterId: id, url: fake.pubsubUrl, backoff: new Backoff({ initialMs: 50, jitter: 0 }), ...extra });
  const got: Redemption[] = [];
  source.addEventListener('redemption', (e) => got.push(e.detail));
  source.start();
  return { id, got, topic: `channel-points-channel-v1.${id}` };
}

describe('PubSubRedemptions (legacy transport)', () => {
  test('listens, reads the double-encoded message, and normalises it like EventSub', async () => {
    const { id, got, topic } = start();
    await expect.poll(() => source!.status.state, { timeout: 5000 }).toBe('connected');
    expect(await commands.psPublish(topic, redeemed('p1', id))).toBe(1);
    await expect.poll(() => got.length).toBe(1);
    expect(got[0]).toMatchObject({
      id: 'p1', userId: '1234', userLogin: 'cool_user', userName: 'Cool_User', rewardId: 'rw1', rewardTitle: 'Hydrate!', rewardPrompt: 'How much?',
      rewardCost: 300, userInput: 'two glasses', status: 'unfulfilled', backgroundColor: '#00C7AC', cooldownSeconds: 60,
      image: { url1x: 'https://static-cdn.jtvnw.net/custom-reward-images/default-1.png' },
    });
  });

  test('ERR_BADAUTH is an auth error, not a reconnect loop', async () => {
    start('revoked');
    await expect.poll(() => source!.status.state, { timeout: 5000 }).toBe('error');
    expect(source!.lastError).toMatchObject({ code: 'auth', message: expect.stringContaining('ERR_BADAUTH') });
  });

  test('pings on schedule; a missing PONG reconnects; a server RECONNECT reconnects and listens again', async () => {
    const clock = new ManualSchedule();
    const { id, got, topic } = start('broadcastertoken', { pingIntervalMs: 60_000, pongTimeoutMs: 100, schedule: clock.schedule });
    const connected = async () => {
      await expect.poll(() => source!.status.state, { timeout: 5000 }).toBe('connected');
      expect(clock.waiting).toBe(1); // the next PING, and nothing else
    };
    await connected();
    expect(clock.delays.at(-1)).toBeGreaterThanOrEqual(54_000); // 60 s, less up to 10 % jitter
    const before = await commands.psStats();
    clock.runNext();
    clock.runNext();
    await expect.poll(async () => (await commands.psStats()).pings).toBe(before.pings + 2);
    expect(source!.status.state).toBe('connected');

    await commands.psSilence(true);
    clock.runNext();
    await expect.poll(() => source!.lastError?.message ?? '', { timeout: 3000 }).toMatch(/did not answer a PING/);
    await commands.psSilence(false);
    expect(clock.delays.at(-1)).toBe(50); // the backoff, then the reconnect
    clock.runNext();
    await connected();

    const listens = (await commands.psStats()).listens;
    await commands.psReconnect();
    await expect.poll(() => clock.delays.at(-1)).toBe(0); // PubSub asked: reconnect at once
    clock.runNext();
    await connected();
    expect((await commands.psStats()).listens).toBe(listens + 1);
    await commands.psPublish(topic, redeemed('p2', id));
    await expect.poll(() => got.map((r) => r.id), { timeout: 5000 }).toEqual(['p2']);
  });
});
