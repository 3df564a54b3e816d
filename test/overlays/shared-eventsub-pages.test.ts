import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import { openObsLocalFile, openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';
import { clearSiteHistories } from '../helpers/history.js';

/**
 * EventSub overlays of the production build, as a streamer adds them to OBS, share one EventSub
 * connection: served over http (Web Locks elect the owner) and from disk as OBS's local-file
 * mode loads them (no Web Locks there: the BroadcastChannel election). Each test tags its
 * connections (`?tag=` on the EventSub URL) to count only its own.
 */
const pages: OverlayPage[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});
// The event list starts from the history of the site's origin: earlier tests' overlays stored events there.
beforeEach(clearSiteHistories);

let counter = 0;
const token = scopedToken(EVENT_SCOPES);
const query = (tag: string, extra = '') =>
  `debug${extra}&dev-origin=${fake.httpOrigin}&dev-eventsub=${encodeURIComponent(`${fake.eventsubUrl}?tag=${tag}`)}#token=${token}`;
const raid = { ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: '4242', from_broadcaster_user_login: 'sharedraider', from_broadcaster_user_name: 'SharedRaider', viewers: 42 };

async function connected(page: OverlayPage): Promise<void> {
  await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
}

/**
 * Records, from now on, the raider of each alert the page's alert box starts. An alert is on
 * screen for 6 s only: read from the boxes' text one box after the other, an alert that had come
 * and gone before its box was read looked like one never shown.
 */
const recordAlerts = (page: OverlayPage) =>
  page.eval(`(window.shownAlerts = [], document.querySelector('ovl-alerts').addEventListener('ovl-alert-show', (e) => window.shownAlerts.push(e.detail.user.name)), 0)`);
const shownAlerts = (page: OverlayPage) => page.eval<string[]>('window.shownAlerts');

describe('EventSub overlays share one connection', () => {
  test('the five EventSub overlays (alert box, event list, goal bar, hype train, poll) and a second alert box: one socket', async () => {
    const tag = `pages-shared-${++counter}`;
    const open = (overlay: string) => openPage(`/overlays/${overlay}/?${query(tag)}`, { reducedMotion: true });
    const alerts = [await open('alerts'), await open('alerts')];
    const list = await open('events');
    pages.push(...alerts, list, await open('goal'), await open('hype-train'), await open('poll'));
    for (const page of pages) await connected(page);
    expect(await commands.esConnections(tag)).toEqual({ opened: 1, open: 1 });
    // ?debug says which page holds the connection.
    const parts = await Promise.all(pages.map(async (page) => (await page.text('ovl-status-panel', '.note')).filter((note) => note.startsWith('eventsub:'))));
    expect(parts.flat().sort()).toEqual([...Array<string>(5).fill('eventsub: shared (follower)'), 'eventsub: shared (owner)']);
    const [session] = (await commands.esSessions()).filter((s) => s.tag === tag);
    // The union: the alert box's kinds and the widgets' progress types, which only they ask for.
    expect(session!.types).toEqual(expect.arrayContaining(['channel.raid', 'channel.goal.progress', 'channel.hype_train.progress', 'channel.poll.progress', 'channel.prediction.lock']));

    for (const page of alerts) await recordAlerts(page);
    await commands.esNotify('channel.raid', raid);
    for (const page of alerts) await expect.poll(() => shownAlerts(page), { timeout: 5000 }).toEqual(['SharedRaider']);
    await expect.poll(() => list.text('ovl-event-list', '[part="text"]'), { timeout: 5000 }).toEqual(['SharedRaider raided with 42 viewers']);
  });

  test.each([
    ['from a web host', (tag: string) => openPage(`/overlays/alerts/?${query(tag)}`, { reducedMotion: true })],
    ["in OBS's local-file mode", (tag: string) => openObsLocalFile(`overlays/alerts/index.html?${query(tag)}`)],
  ])('%s: three alert boxes, one socket, each shows the alert', async (_where, open) => {
    const tag = `pages-shared-${++counter}`;
    for (let i = 0; i < 3; i++) pages.push(await open(tag));
    for (const page of pages) await connected(page);
    expect(await commands.esConnections(tag)).toEqual({ opened: 1, open: 1 });
    for (const page of pages) await recordAlerts(page);
    await commands.esNotify('channel.raid', raid);
    for (const page of pages) await expect.poll(() => shownAlerts(page), { timeout: 5000 }).toEqual(['SharedRaider']);
  });
});
