import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { BROADCASTER_TOKEN, FIXTURE_CHANNEL_ID, TEST_CLIENT_ID } from '../helpers/http.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';

/**
 * A built event page routed as the README's "Trying it against the Twitch CLI" says, the fakes
 * standing in for the CLI at its paths (fake-http.ts, CLI_LAYOUT): Helix under /mock, the token
 * check at /auth/validate, subscriptions at /eventsub/subscriptions, no `dev-origin`.
 */
let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const REDEMPTION_ADD = 'channel.channel_points_custom_reward_redemption.add';
const cli = {
  helix: `${fake.httpOrigin}/mock`,
  validate: `${fake.httpOrigin}/auth/validate`,
  subscriptions: `${fake.httpOrigin}/eventsub/subscriptions`,
};
const query = `dev-helix=${cli.helix}&dev-validate=${cli.validate}&dev-subscriptions=${cli.subscriptions}&dev-eventsub=${fake.eventsubUrl}`;

describe('an event page routed to the Twitch CLI’s layout (production build)', () => {
  test('validates the token at /auth/validate, subscribes at /eventsub/subscriptions, and shows the alert the CLI sends', async () => {
    page = await openPage(`/overlays/alerts/?debug&${query}#token=${BROADCASTER_TOKEN}`);
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    // The fields `twitch event trigger add-redemption --transport=websocket` fills (internal/models/redemption.go).
    await commands.esNotify(REDEMPTION_ADD, {
      id: 'cli-r1', broadcaster_user_id: FIXTURE_CHANNEL_ID, broadcaster_user_login: 'teststreamer', broadcaster_user_name: 'teststreamer',
      user_id: '78910', user_login: 'testfromuser', user_name: 'testFromUser', user_input: 'Test Input From CLI', status: 'unfulfilled',
      reward: { id: 'cli-reward', title: 'Test Reward from CLI', cost: 150, prompt: 'Redeem Your Test Reward from CLI' }, redeemed_at: new Date().toISOString(),
    });
    await expect.poll(() => page!.text('ovl-alerts', '[part="text"]'), { timeout: 5000 }).toEqual(['testFromUser redeemed Test Reward from CLI']);

    // Every call went where the CLI has it; none to the fakes' own /helix and /id layout.
    const twitchCalls = (await page.requests()).filter((url) => url.startsWith(fake.httpOrigin)).map((url) => new URL(url).pathname);
    expect(twitchCalls).toContain('/auth/validate');
    expect(twitchCalls).toContain('/eventsub/subscriptions');
    expect(twitchCalls.filter((path) => !/^\/(mock\/|auth\/validate$|eventsub\/subscriptions$)/.test(path))).toEqual([]);
    // The subscriptions carry the Client-Id the token check gave (the CLI refuses them without one).
    const posts = (await commands.httpRequests('/eventsub/subscriptions')).filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    expect(new Set(posts.map((r) => r.clientId))).toEqual(new Set([TEST_CLIENT_ID]));
  });

  test('a token check aimed off this machine is refused with a warning in ?debug; the token goes to dev-origin’s instead, never there', async () => {
    const offsite = query.replace(cli.validate, 'http://evil.example/auth/validate');
    page = await openPage(`/overlays/alerts/?debug&dev-origin=${fake.httpOrigin}&${offsite}#token=${BROADCASTER_TOKEN}`);
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    expect(await page.text('ovl-status-panel', '[part="problem"]')).toEqual(['⚠ "dev-validate" must be an http:// or https:// URL on 127.0.0.1 or localhost, with no ?query or #fragment; ignored.']);
    const requested = await page.requests();
    expect(requested.filter((url) => new URL(url).hostname === 'evil.example')).toEqual([]);
    expect(requested).toContain(`${fake.httpOrigin}/id/oauth2/validate`);
  });
});
