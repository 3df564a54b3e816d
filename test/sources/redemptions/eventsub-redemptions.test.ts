import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { EventSubRedemptions, REDEMPTION_ADD } from '../../../src/sources/redemptions/eventsub-redemptions.js';
import type { Redemption } from '../../../src/domain/redemption.js';
import { HelixClient } from '../../../src/twitch/helix-client.js';
import { BROADCASTER_TOKEN, FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID } from '../../helpers/http.js';
import { fake, fakeTwitchEndpoints } from '../../helpers/fake-servers.js';

let source: EventSubRedemptions | undefined;
afterEach(() => source?.stop());

const HYDRATE = 'b045196d-9ce7-4a27-a9b9-279ed341ab28';

/** A `channel.channel_points_custom_reward_redemption.add` event as Twitch sends it (§3.5). */
function event(id: string, rewardId: string, title: string, input = '') {
  return {
    id,
    broadcaster_user_id: FIXTURE_CHANNEL_ID,
    broadcaster_user_login: 'teststreamer',
    broadcaster_user_name: 'TestStreamer',
    user_id: '1234',
    user_login: 'cool_user',
    user_name: 'Cool_User',
    user_input: input,
    status: 'unfulfilled',
    reward: { id: rewardId, title, cost: 300, prompt: 'Tell me how much to drink' },
    redeemed_at: '2026-11-22T21:00:00.123456789Z',
  };
}

function start(token = BROADCASTER_TOKEN) {
  source = new EventSubRedemptions({
    helix: new HelixClient({ token, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0 }),
    broadcasterId: FIXTURE_CHANNEL_ID,
    url: fake.eventsubUrl,
  });
  const got: Redemption[] = [];
  source.addEventListener('redemption', (e) => got.push(e.detail));
  source.start();
  return got;
}

describe('EventSubRedemptions', () => {
  test('normalises redemptions and adds the reward image, colour and cooldown from Helix, in order', async () => {
    const got = start();
    await expect.poll(() => source!.status.state, { timeout: 5000 }).toBe('connected');
    await commands.esNotify(REDEMPTION_ADD, event('r1', HYDRATE, 'Hydrate!', '2 glasses'));
    await commands.esNotify(REDEMPTION_ADD, event('r2', 'unknown-reward', 'Deleted reward'));
    await expect.poll(() => got.length, { timeout: 5000 }).toBe(2);
    expect(got[0]).toMatchObject({
      id: 'r1',
      userId: '1234',
      userLogin: 'cool_user',
      userName: 'Cool_User',
      rewardId: HYDRATE,
      rewardTitle: 'Hydrate!',
      rewardPrompt: 'Tell me how much to drink',
      rewardCost: 300,
      userInput: '2 glasses',
      status: 'unfulfilled',
      redeemedAt: Date.parse('2026-11-22T21:00:00.123Z'),
      backgroundColor: '#9147FF',
      cooldownSeconds: 120,
      image: { url1x: expect.stringContaining('custom-1.png') },
    });
    expect(got[1]).toMatchObject({ id: 'r2', image: null, backgroundColor: null });
  });

  test('a token that is not the broadcaster’s with the scope fails clearly and stops', async () => {
    start(GOOD_TOKEN);
    await expect.poll(() => source!.status.state, { timeout: 5000 }).toBe('error');
    expect(source!.lastError).toMatchObject({ code: 'auth', retryable: false });
  });
});
