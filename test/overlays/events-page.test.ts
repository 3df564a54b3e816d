import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import { advancingBy, openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';
import { clearSiteHistories } from '../helpers/history.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});
// The event list starts from the history of the site's origin: earlier tests' overlays stored events there.
beforeEach(clearSiteHistories);

const url = (query: string, token = scopedToken(EVENT_SCOPES)) => `/overlays/events/?${query}&dev-origin=${fake.httpOrigin}&dev-eventsub=${fake.eventsubUrl}#token=${token}`;

async function open(query: string, reducedMotion = true): Promise<OverlayPage> {
  page = await openPage(url(`debug&${query}`), { reducedMotion });
  await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
  return page;
}
const rows = () => page!.text('ovl-event-list', '[part="text"]');
const raid = (name: string, viewers: number) => ({ ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: String(viewers), from_broadcaster_user_login: name.toLowerCase(), from_broadcaster_user_name: name, viewers });

describe('event list page (production build) against the fake EventSub server', () => {
  test('lists events newest first, each with its icon; an unreadable one is skipped and counted', async () => {
    await open('max=5');
    await commands.esNotify('channel.raid', raid('Raider', 12));
    await expect.poll(rows, { timeout: 5000 }).toEqual(['Raider raided with 12 viewers']);
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], total: 5 });
    await expect.poll(rows, { timeout: 5000 }).toHaveLength(2);
    await commands.esNotify('channel.raid', { ...raid('Broken', 1), viewers: -4 });
    await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow']);
    await expect.poll(rows, { timeout: 5000 }).toEqual(['Cool_User followed', 'Cool_User gifted 5 subs', 'Raider raided with 12 viewers']);
    expect(await page!.attr('ovl-event-list', '[part~="row"]', 'data-kind')).toEqual(['follow', 'gift', 'raid']);
    expect(await page!.eval<number>(`document.querySelector('ovl-event-list').shadowRoot.querySelectorAll('[part="icon"] svg').length`)).toBe(3);
    expect((await page!.text('ovl-status-panel', '.note')).some((note) => note.startsWith('skipped 1 unreadable notifications'))).toBe(true);
    await page!.screenshot('events-sidebar');
  });

  test('kinds= subscribes to those kinds only and lists nothing else; max bounds the rows', async () => {
    await open('kinds=raid,follow&max=3&follow-burst=0');
    expect((await commands.esSessions()).at(-1)?.types.sort()).toEqual(['channel.follow', 'channel.raid']);
    for (let i = 1; i <= 6; i++) await commands.esNotify('channel.raid', raid(`R${i}`, i));
    await expect.poll(rows, { timeout: 5000 }).toEqual(['R6 raided with 6 viewers', 'R5 raided with 5 viewers', 'R4 raided with 4 viewers']);
    // Not subscribed, so the fake has no session to send it to.
    expect(await commands.esNotify('channel.subscribe', REFERENCE_EVENTS['channel.subscribe'])).toBe(0);
  });

  test('names are inert: markup in a raider’s name is shown as characters', async () => {
    await open('max=5');
    const name = '<img src=x onerror="document.title=1"><b>Boss</b>';
    await commands.esNotify('channel.raid', raid(name, 3));
    await expect.poll(rows, { timeout: 5000 }).toEqual([`${name} raided with 3 viewers`]);
    expect(await page!.eval<number>(`document.querySelector('ovl-event-list').shadowRoot.querySelectorAll('img, b').length`)).toBe(0);
  });

  test('ticker mode: the rows on one line, scrolling once per ticker-seconds; still under reduced motion', async () => {
    const list = `getComputedStyle(document.querySelector('ovl-event-list').shadowRoot.querySelector('[part="list"]'))`;
    await open('mode=ticker&ticker-seconds=20', false);
    for (const name of ['One', 'Two', 'Three']) await commands.esNotify('channel.raid', raid(name, 5));
    await expect.poll(rows, { timeout: 5000 }).toHaveLength(3);
    const tops = await page!.eval<number[]>(`[...document.querySelector('ovl-event-list').shadowRoot.querySelectorAll('[part~="row"]')].map((r) => r.getBoundingClientRect().top)`);
    expect(new Set(tops).size).toBe(1);
    expect(await page!.eval(`[${list}.animationName, ${list}.animationDuration]`)).toEqual(['ovl-events-scroll', '20s']);
    await page!.close();
    // The page just closed stored its raids; this one starts without them.
    await clearSiteHistories();

    await open('mode=ticker');
    for (const name of ['One', 'Two', 'Three']) await commands.esNotify('channel.raid', raid(name, 5));
    await expect.poll(rows, { timeout: 5000 }).toEqual(['Three raided with 5 viewers', 'Two raided with 5 viewers', 'One raided with 5 viewers']);
    expect(await page!.eval(`${list}.animationName`)).toBe('none');
    await page!.screenshot('events-ticker');
  });

  test('?record keeps the EventSub session; ?replay lists the same events with no account', async () => {
    await open('record&max=5');
    await commands.esNotify('channel.raid', raid('Recorded', 7));
    await commands.esNotify('channel.follow', REFERENCE_EVENTS['channel.follow']);
    await expect.poll(rows, { timeout: 5000 }).toEqual(['Cool_User followed', 'Recorded raided with 7 viewers']);
    const file = await page!.eval<string>('document.querySelector("ovl-status-panel").recorder.toBlob().text()');
    await page!.close();
    const replay = encodeURIComponent(`data:application/x-ndjson;charset=utf-8,${encodeURIComponent(file)}`);
    page = await openPage(`/overlays/events/?replay=${replay}&replay-speed=10&debug`);
    await expect.poll(rows, { timeout: 5000 }).toEqual(['Cool_User followed', 'Recorded raided with 7 viewers']);
    expect(await page.errors()).toEqual([]);
  });

  test('?demo lists simulated events through the real EventSub client', async () => {
    // The simulator's events come seconds apart, on a clock the test moves ahead.
    page = await openPage('/overlays/events/?demo&max=6', { reducedMotion: true, clock: true });
    await expect.poll(advancingBy(page, 1000, async () => (await rows()).length), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
    await page.screenshot('events-demo');
  });
});
