import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { BROADCASTER_TOKEN } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';

/** Twitch ending subscriptions under running overlays (the production build), the alert box and the event list sharing one connection. */
const pages: OverlayPage[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});

const REDEMPTION_ADD = 'channel.channel_points_custom_reward_redemption.add';
const dev = `dev-origin=${fake.httpOrigin}&dev-eventsub=${fake.eventsubUrl}`;
async function open(path: string): Promise<OverlayPage> {
  const page = await openPage(`${path}${path.includes('?') ? '&' : '?'}${dev}&debug#token=${BROADCASTER_TOKEN}`, { reducedMotion: true });
  pages.push(page);
  await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
  return page;
}
/** The `?debug` warnings about EventSub (the token's days left, in this fake's short-lived token, are warned of too). */
const warnings = async (page: OverlayPage) => (await page.text('ovl-status-panel', '.warning')).filter((text) => !text.includes('token of this overlay expires'));
const card = async (page: OverlayPage) => page.text('ovl-setup-card', '[part="item"]');

describe('EventSub revocations on overlay pages', () => {
  test('Twitch retiring one type: the pages showing it warn in ?debug, no card, every other event still shows', async () => {
    const alerts = await open('/overlays/alerts/?duration=1');
    const raidsOnly = await open('/overlays/alerts/?duration=1&events=raid');
    await commands.esRevoke(REDEMPTION_ADD, 'version_removed');
    await expect.poll(() => warnings(alerts)).toEqual([expect.stringContaining(`⚠ Twitch retired version 1 of ${REDEMPTION_ADD} (version_removed), so these overlays no longer receive it: update the overlays`)]);
    expect(await card(alerts)).toEqual([]);
    expect(await warnings(raidsOnly)).toEqual([]);
    for (const page of [alerts, raidsOnly]) await page.eval(`(window.shows = [], document.querySelector('ovl-alerts').addEventListener('ovl-alert-show', (e) => window.shows.push(e.detail.kind)))`);
    await commands.esNotify('channel.raid', REFERENCE_EVENTS['channel.raid']);
    for (const page of [alerts, raidsOnly]) await expect.poll(() => page.eval<string[]>('window.shows'), { timeout: 5000 }).toEqual(['raid']);
    expect(await alerts.attr('ovl-status-panel', '[part="chip"]', 'data-state')).toEqual(['connected', 'connected']);
  });

  test('the token revoked: every subscription ends; the card says the token was revoked and what to do, and the overlay goes', async () => {
    const alerts = await open('/overlays/alerts/?duration=1');
    const types = (await commands.esSessions()).flatMap((session) => session.types);
    for (const type of new Set(types)) await commands.esRevoke(type, 'authorization_revoked');
    await expect.poll(() => card(alerts), { timeout: 5000 }).toEqual([expect.stringMatching(/token of this overlay was revoked \(authorization_revoked\).*Make a new overlay link on the setup page \("Connect with Twitch"\)/)]);
    expect(await alerts.eval('document.querySelector("ovl-alerts")')).toBeNull();
  });
});
