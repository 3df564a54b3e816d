import { afterEach, describe, expect, inject, test } from 'vitest';
import { commands } from 'vitest/browser';
import { BROADCASTER_TOKEN, FIXTURE_CHANNEL_ID } from '../helpers/http.js';
import { openObsLocalFile, openPage, type OverlayPage } from '../helpers/page.js';

/**
 * Several alerts overlays of the production build, as a streamer adds them to OBS, share one
 * EventSub connection: served over http (Web Locks elect the owner) and from disk as OBS's
 * local-file mode loads them (no Web Locks there: the BroadcastChannel election).
 */
const pages: OverlayPage[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});

const REDEMPTION_ADD = 'channel.channel_points_custom_reward_redemption.add';
let counter = 0;

const query = (tag: string) =>
  `debug&dev-origin=${inject('httpOrigin')}&dev-eventsub=${encodeURIComponent(`${inject('eventsubUrl')}?tag=${tag}`)}#token=${BROADCASTER_TOKEN}`;

const redemption = (id: string) => ({
  id, broadcaster_user_id: FIXTURE_CHANNEL_ID, broadcaster_user_login: 'teststreamer', broadcaster_user_name: 'TestStreamer',
  user_id: '57', user_login: 'sharer', user_name: 'Sharer', user_input: '', status: 'unfulfilled',
  reward: { id: 'rw-shared', title: 'Wave', cost: 1, prompt: '' }, redeemed_at: new Date().toISOString(),
});

describe('alerts overlays share one EventSub connection', () => {
  test.each([
    ['from a web host', (tag: string) => openPage(`/overlays/alerts/?${query(tag)}`, { reducedMotion: true })],
    ["in OBS's local-file mode", (tag: string) => openObsLocalFile(`overlays/alerts/index.html?${query(tag)}`)],
  ])('%s: three overlays, one socket, each shows the alert', async (_where, open) => {
    const tag = `alerts-shared-${++counter}`;
    for (let i = 0; i < 3; i++) pages.push(await open(tag));
    for (const page of pages) {
      await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    }
    expect(await commands.esConnections(tag)).toEqual({ opened: 1, open: 1 });
    await commands.esNotify(REDEMPTION_ADD, redemption(`shared-${tag}`));
    for (const page of pages) await expect.poll(() => page.text('ovl-alerts', '[part="text"]'), { timeout: 5000 }).toEqual(['Sharer redeemed Wave']);
  });
});
