import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { BROADCASTER_TOKEN, FIXTURE_CHANNEL_ID, GOOD_TOKEN, scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { advancingBy, openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';
import { setShown, type HideSignal } from '../helpers/visibility.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const REDEMPTION_ADD = 'channel.channel_points_custom_reward_redemption.add';
const url = (query: string, token = BROADCASTER_TOKEN) =>
  `/overlays/alerts/?${query}&dev-origin=${fake.httpOrigin}&dev-eventsub=${fake.eventsubUrl}&dev-pubsub=${fake.pubsubUrl}#token=${token}`;

describe('alerts overlay page (production build)', () => {
  test('shows a redemption from EventSub with the reward’s template and colour', async () => {
    page = await openPage(url('templates=' + encodeURIComponent('Hydrate! => {user} needs {input}') + '&debug'));
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    await commands.esNotify(REDEMPTION_ADD, {
      id: 'page-r1', broadcaster_user_id: FIXTURE_CHANNEL_ID, broadcaster_user_login: 'teststreamer', broadcaster_user_name: 'TestStreamer',
      user_id: '55', user_login: 'viewer', user_name: 'Viewer', user_input: 'water', status: 'unfulfilled',
      reward: { id: 'b045196d-9ce7-4a27-a9b9-279ed341ab28', title: 'Hydrate!', cost: 300, prompt: '' }, redeemed_at: new Date().toISOString(),
    });
    await expect.poll(() => page!.text('ovl-alerts', '[part="text"]'), { timeout: 5000 }).toEqual(['Viewer needs water']);
    const style = (property: string) => page!.eval(`getComputedStyle(document.querySelector('ovl-alerts').shadowRoot.querySelector('[part=alert]')).${property}`);
    expect(await style('backgroundColor')).toBe('rgb(145, 71, 255)');
    expect(await style('animationName')).toBe('ovl-alert-in, ovl-alert-out');
    await page.screenshot('alerts');
  });

  test('?debug counts alerts dropped because too many were waiting, on one line', async () => {
    page = await openPage(url('max-waiting=1&duration=30&debug'));
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    const event = (id: string) => ({
      id, broadcaster_user_id: FIXTURE_CHANNEL_ID, broadcaster_user_login: 'teststreamer', broadcaster_user_name: 'TestStreamer',
      user_id: '56', user_login: 'fan', user_name: 'Fan', user_input: '', status: 'unfulfilled',
      reward: { id: 'rw', title: 'Clap', cost: 1, prompt: '' }, redeemed_at: new Date().toISOString(),
    });
    for (const id of ['d1', 'd2', 'd3', 'd4']) await commands.esNotify(REDEMPTION_ADD, event(id));
    await expect.poll(() => page!.text('ovl-alerts', '[part="text"]'), { timeout: 5000 }).toEqual(['Fan redeemed Clap']);
    // d1 shows, d2 waits; d3 and d4 each push the oldest waiting one out.
    await expect.poll(async () => (await page!.text('ovl-status-panel', '.note')).filter((n) => n.startsWith('dropped')), { timeout: 5000 }).toEqual(['dropped 2 alerts (too many waiting)']);
  });

  describe('hidden in OBS, then shown again', () => {
    const redemption = (id: string, user: string) => ({
      id, broadcaster_user_id: FIXTURE_CHANNEL_ID, broadcaster_user_login: 'teststreamer', broadcaster_user_name: 'TestStreamer',
      user_id: id, user_login: user.toLowerCase(), user_name: user, user_input: '', status: 'unfulfilled',
      reward: { id: 'rw', title: 'Wave', cost: 1, prompt: '' }, redeemed_at: new Date().toISOString(),
    });
    async function openCounting(query: string): Promise<OverlayPage> {
      page = await openPage(url(`${query}&duration=1&debug`), { reducedMotion: true });
      await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
      await page.eval(`(window.shown = [], document.querySelector('ovl-alerts').addEventListener('ovl-alert-show', (e) => window.shown.push(e.detail.redemption.userName)), 0)`);
      return page;
    }
    const shown = () => page!.eval<string[]>('window.shown');
    const waiting = () => page!.eval<number>(`document.querySelector('ovl-alerts').waiting`);

    test.each<HideSignal>(['obs', 'document', 'both'])('hidden by %s: by default the alerts that arrived meanwhile play in order once it is shown', async (signal) => {
      await openCounting('');
      await setShown(page!, false, signal);
      for (const [id, user] of [['h1', 'First'], ['h2', 'Second'], ['h3', 'Third']] as const) await commands.esNotify(REDEMPTION_ADD, redemption(id, user));
      await expect.poll(waiting).toBe(3);
      expect(await shown()).toEqual([]);
      await setShown(page!, true, signal);
      await expect.poll(shown, { timeout: 10_000 }).toEqual(['First', 'Second', 'Third']);
    });

    test.each<HideSignal>(['obs', 'document'])('hidden by %s with while-hidden=drop: what arrived meanwhile never plays, ?debug counts it, the next alert plays', async (signal) => {
      await openCounting('while-hidden=drop');
      await setShown(page!, false, signal);
      for (const [id, user] of [['x1', 'Missed'], ['x2', 'AlsoMissed']] as const) await commands.esNotify(REDEMPTION_ADD, redemption(id, user));
      await expect.poll(async () => (await page!.text('ovl-status-panel', '.note')).filter((n) => n.startsWith('dropped'))).toEqual(['dropped 2 alerts that arrived while the source was hidden (while-hidden=drop)']);
      await setShown(page!, true, signal);
      await commands.esNotify(REDEMPTION_ADD, redemption('x3', 'Seen'));
      await expect.poll(shown).toEqual(['Seen']);
      expect(await waiting()).toBe(0);
    });
  });

  test('?transport=pubsub listens on PubSub instead', async () => {
    page = await openPage(url('transport=pubsub'));
    const topic = `channel-points-channel-v1.${FIXTURE_CHANNEL_ID}`;
    await expect.poll(() => commands.psPublish(topic, {
      type: 'reward-redeemed',
      data: { timestamp: new Date().toISOString(), redemption: { id: 'ps1', user: { id: '9', login: 'old', display_name: 'OldSchool' }, channel_id: FIXTURE_CHANNEL_ID, redeemed_at: new Date().toISOString(), reward: { id: 'x', title: 'Legacy', prompt: '', cost: 5, image: null, default_image: { url_1x: '', url_2x: '', url_4x: '' }, background_color: '#123456' }, status: 'UNFULFILLED' } },
    }), { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => page!.text('ovl-alerts', '[part="text"]'), { timeout: 5000 }).toEqual(['OldSchool redeemed Legacy']);
  });

  test('a token with none of the events’ scopes gets a card naming the scopes and the overlay', async () => {
    page = await openPage(url('duration=5', GOOD_TOKEN));
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/alerts overlay cannot receive what it shows with this token: .*redemption \(needs channel:read:redemptions/);
  });

  test('?demo plays simulated redemptions through the real EventSub client', async () => {
    // The simulator's first event comes after a few seconds, on a clock the test moves ahead.
    page = await openPage('/overlays/alerts/?demo&duration=3', { reducedMotion: true, clock: true });
    await expect.poll(advancingBy(page, 500, async () => (await page!.text('ovl-alerts', '[part="text"]'))[0] ?? ''), { timeout: 10_000 }).toMatch(/ redeemed /);
    // Emotes in the simulated messages point at Twitch's CDN, which the test browser cannot resolve.
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
    await page.screenshot('alerts-demo');
  });
});

describe('alerts overlay page: every stream event', () => {
  // Everything but shoutouts and charity, so that the page has kinds to name as off.
  const scopes = ['moderator:read:followers', 'channel:read:subscriptions', 'bits:read', 'channel:read:hype_train', 'channel:read:polls', 'channel:read:predictions', 'channel:read:goals', 'channel:read:redemptions'];
  const open = async (query = '') => {
    page = await openPage(url(`debug&duration=1${query}`, scopedToken(scopes)), { reducedMotion: true });
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    await page.eval(`(window.shows = [], document.querySelector('ovl-alerts').addEventListener('ovl-alert-show', (e) => window.shows.push(e.detail.kind)))`);
  };
  const shows = () => page!.eval<string[]>('window.shows');

  test('?debug names the events that are off and the scope each needs', async () => {
    await open();
    await expect.poll(() => page!.text('ovl-status-panel', '.note')).toContain(
      'events off for want of a scope: shoutout (needs moderator:read:shoutouts or moderator:manage:shoutouts), charity (needs channel:read:charity)',
    );
    await expect.poll(() => page!.text('ovl-status-panel', '.note')).toContain('subscribed to 22 event types');
  });

  test('?debug names a type Twitch refused; the other kinds still alert', async () => {
    await commands.esRefuse('channel.goal.end', 403);
    try {
      await open();
      await expect.poll(() => page!.text('ovl-status-panel', '.note')).toContain('Twitch refused: channel.goal.end (unauthorized)');
      await commands.esNotify('channel.raid', REFERENCE_EVENTS['channel.raid']);
      await expect.poll(shows, { timeout: 5000 }).toEqual(['raid']);
    } finally {
      await commands.esRefuse('channel.goal.end', 0);
    }
  });

  test('a gift bomb of 50 is one alert, and a cheer reported twice is one alert', async () => {
    await open();
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], total: 50 });
    for (let i = 0; i < 50; i++) await commands.esNotify('channel.subscribe', { ...REFERENCE_EVENTS['channel.subscribe'], user_id: String(7000 + i), user_login: `g${i}`, user_name: `G${i}`, is_gift: true });
    await commands.esNotify('channel.bits.use', REFERENCE_EVENTS['channel.bits.use']);
    await commands.esNotify('channel.cheer', { ...REFERENCE_EVENTS['channel.cheer'], bits: 2 });
    await commands.esNotify('channel.raid', REFERENCE_EVENTS['channel.raid']);
    // Which of raid and cheer shows first depends on whether the gift is still up (priority is tested on the element).
    const sorted = async () => (await shows()).sort();
    await expect.poll(sorted, { timeout: 10_000 }).toEqual(['cheer', 'gift', 'raid']);
    await new Promise((r) => setTimeout(r, 500));
    expect(await sorted()).toEqual(['cheer', 'gift', 'raid']);
  });

  test('per-kind parameters from the URL: template, minimum, variations; a kind left out of ?events stays quiet', async () => {
    const query = `&events=raid,follow&raid-min=10&raid-variations=${encodeURIComponent('1000 => HUGE raid by {user}!')}&follow-template=${encodeURIComponent('welcome {user}')}`;
    await open(query);
    await commands.esNotify('channel.raid', { ...REFERENCE_EVENTS['channel.raid'], viewers: 5 });
    await commands.esNotify('channel.subscribe', REFERENCE_EVENTS['channel.subscribe']);
    await commands.esNotify('channel.raid', REFERENCE_EVENTS['channel.raid']);
    await expect.poll(() => page!.text('ovl-alerts', '[part="text"]'), { timeout: 5000 }).toEqual(['HUGE raid by Cool_User!']);
    await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow']);
    await expect.poll(() => page!.text('ovl-alerts', '[part="text"]'), { timeout: 5000 }).toEqual(['welcome Cool_User']);
    expect(await shows()).toEqual(['raid', 'follow']);
    const session = (await commands.esSessions()).at(-1);
    expect(session?.types.sort()).toEqual(['channel.follow', 'channel.raid']);
  });

  test('a bad payload is skipped, counted in ?debug, and the next alert shows', async () => {
    await open('&follow-duration=20');
    await commands.esNotify('channel.raid', { ...REFERENCE_EVENTS['channel.raid'], viewers: 1e12 });
    await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow']);
    await expect.poll(shows, { timeout: 5000 }).toEqual(['follow']);
    // The page was opened with prefers-reduced-motion: plain fades, no movement.
    expect(await page!.eval(`getComputedStyle(document.querySelector('ovl-alerts').shadowRoot.querySelector('[part=alert]')).animationName`)).toBe('ovl-alert-fade-in, ovl-alert-fade-out');
    expect(await page!.text('ovl-status-panel', '.note')).toContain('skipped 1 unreadable notifications (last: channel.raid: viewers = 1000000000000 is outside 0–10000000)');
    await page!.screenshot('alerts-follow');
  });
});
