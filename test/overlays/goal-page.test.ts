import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { FIXTURE_CHANNEL_ID, scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';
import { setShown } from '../helpers/visibility.js';
import helixGoals from '../fixtures/http/helix-goals.json';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
  await commands.fakeAway('eventsub', false);
  await commands.httpSetLive('/helix/goals', null);
});

const GOALS = scopedToken(['channel:read:goals']);
const url = (query: string, token = GOALS) => `/overlays/goal/?${query}&dev-origin=${fake.httpOrigin}&dev-eventsub=${fake.eventsubUrl}#token=${token}`;
// The goal of test/fixtures/http/helix-goals.json, as EventSub names it.
const FIXTURE_GOAL = { ...REFERENCE_EVENTS['channel.goal.progress'], id: '1woowvbkiNv8BRxEWSqmQz6Zk92', broadcaster_user_id: FIXTURE_CHANNEL_ID, type: 'follow', description: 'Follow goal for Helix testing', target_amount: 30000 };

async function open(query: string): Promise<OverlayPage> {
  page = await openPage(url(`debug&${query}`), { reducedMotion: true });
  await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
  return page;
}
const part = async (name: string) => (await page!.text('ovl-goal', `[part="${name}"]`))[0] ?? null;
const bar = async () => ({ description: await part('description'), amount: await part('amount'), percent: await part('percent') });

describe('goal page (production build) against the fake Helix and EventSub servers', () => {
  test('starts from the goal Helix reports, moves with each event, hides when the goal ends', async () => {
    await open('hide-after=0');
    expect(await bar()).toEqual({ description: 'Follow goal for Helix testing', amount: '27,062 / 30,000', percent: '90%' });
    expect(await part('label')).toBe('Follower goal');
    expect(await page!.text('ovl-status-panel', '.note')).toContain('current goal: 27062 of 30000 (follow)');
    const requests = await commands.httpRequests('/helix/goals');
    expect(requests.at(-1)?.url).toBe(`/helix/goals?broadcaster_id=${FIXTURE_CHANNEL_ID}`);
    await page!.screenshot('goal');

    await commands.esNotify('channel.goal.progress', { ...FIXTURE_GOAL, current_amount: 28_500 });
    await expect.poll(bar, { timeout: 5000 }).toEqual({ description: 'Follow goal for Helix testing', amount: '28,500 / 30,000', percent: '95%' });
    await commands.esNotify('channel.goal.progress', { ...FIXTURE_GOAL, current_amount: 29_999 });
    await expect.poll(bar, { timeout: 5000 }).toEqual({ description: 'Follow goal for Helix testing', amount: '29,999 / 30,000', percent: '99%' });
    await commands.esNotify('channel.goal.end', { ...FIXTURE_GOAL, current_amount: 30_000, is_achieved: true, ended_at: new Date().toISOString() });
    await expect.poll(() => page!.eval<boolean>(`!document.querySelector('ovl-goal').shadowRoot.querySelector('[part="goal"]')`), { timeout: 5000 }).toBe(true);
  });

  test('hidden while the goal moves (OBS sends both signals), shown again it shows the current amount', async () => {
    await open('hide-after=0');
    await setShown(page!, false, 'both');
    await commands.esNotify('channel.goal.progress', { ...FIXTURE_GOAL, current_amount: 28_000 });
    await commands.esNotify('channel.goal.progress', { ...FIXTURE_GOAL, current_amount: 28_500 });
    await expect.poll(() => page!.eval<boolean>(`document.querySelector('ovl-goal').paused`)).toBe(true);
    await setShown(page!, true, 'both');
    await expect.poll(bar, { timeout: 5000 }).toEqual({ description: 'Follow goal for Helix testing', amount: '28,500 / 30,000', percent: '95%' });
  });

  test('no goal: nothing shows until one begins; a reached goal stays for hide-after seconds', async () => {
    await commands.httpScript('GET', '/helix/goals', [{ status: 200, body: { data: [] } }]);
    await open('hide-after=600');
    expect(await page!.text('ovl-status-panel', '.note')).toContain('no active goal');
    expect(await part('goal')).toBeNull();
    await commands.esNotify('channel.goal.begin', { ...REFERENCE_EVENTS['channel.goal.progress'], id: 'new-goal', type: 'new_subscription', description: 'Subs!', current_amount: 0, target_amount: 10 });
    await expect.poll(bar, { timeout: 5000 }).toEqual({ description: 'Subs!', amount: '0 / 10', percent: '0%' });
    await commands.esNotify('channel.goal.end', { ...REFERENCE_EVENTS['channel.goal.end'], id: 'new-goal', type: 'new_subscription', description: 'Subs!', current_amount: 10, target_amount: 10, is_achieved: true });
    await expect.poll(() => page!.attr('ovl-goal', '[part="goal"]', 'data-state'), { timeout: 5000 }).toEqual(['achieved']);
    await page!.screenshot('goal-achieved');
  });

  test('EventSub away while the goal moves: back, the bar reads the goal from Helix again', async () => {
    await open('hide-after=0');
    expect(await bar()).toEqual({ description: 'Follow goal for Helix testing', amount: '27,062 / 30,000', percent: '90%' });
    await commands.fakeAway('eventsub', true);
    // Followers came while EventSub was away; Twitch will not send those events later.
    await commands.httpSetLive('/helix/goals', { data: [{ ...helixGoals.data[0], current_amount: 29_100 }] });
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('reconnecting');
    await commands.fakeAway('eventsub', false);
    await expect.poll(bar, { timeout: 15_000 }).toEqual({ description: 'Follow goal for Helix testing', amount: '29,100 / 30,000', percent: '97%' });
    expect(await page!.text('ovl-status-panel', '.note')).toContain('current goal: 29100 of 30000 (follow)');
  });

  test('the description is inert: markup from Helix or EventSub stays characters', async () => {
    const markup = '<img src=x onerror="document.title=1"><i>big</i> goal';
    await commands.httpScript('GET', '/helix/goals', [{ status: 200, body: { data: [{ id: 'g-markup', broadcaster_id: FIXTURE_CHANNEL_ID, broadcaster_name: 'TestStreamer', broadcaster_login: 'teststreamer', type: 'subscription', description: markup, current_amount: 1, target_amount: 4, created_at: '2026-11-28T07:00:00Z' }] } }]);
    await open('hide-after=0');
    expect(await part('description')).toBe(markup);
    await commands.esNotify('channel.goal.progress', { ...REFERENCE_EVENTS['channel.goal.progress'], id: 'g-markup', description: `${markup}!`, current_amount: 2, target_amount: 4 });
    await expect.poll(bar, { timeout: 5000 }).toEqual({ description: `${markup}!`, amount: '2 / 4', percent: '50%' });
    expect(await page!.eval<number>(`document.querySelector('ovl-goal').shadowRoot.querySelectorAll('img, i').length`)).toBe(0);
  });

  test('Helix failing at start is said in ?debug; the first event brings the bar', async () => {
    await commands.httpScript('GET', '/helix/goals', [{ status: 400, body: { error: 'Bad Request', status: 400, message: 'nope' } }]);
    await open('hide-after=0');
    expect((await page!.text('ovl-status-panel', '.note')).some((note) => note.startsWith('could not read the current goal from Twitch'))).toBe(true);
    expect(await part('goal')).toBeNull();
    await commands.esNotify('channel.goal.progress', { ...FIXTURE_GOAL, current_amount: 100 });
    await expect.poll(bar, { timeout: 5000 }).toEqual({ description: 'Follow goal for Helix testing', amount: '100 / 30,000', percent: '0%' });
  });

  test('a token without channel:read:goals gets a card naming the scope', async () => {
    page = await openPage(url('debug', scopedToken(['bits:read'])));
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toContain('The goal overlay needs the "channel:read:goals" scope');
  });

  test('?record keeps the EventSub session; ?replay moves the bar the same way with no account', async () => {
    await open('record&hide-after=0');
    await commands.esNotify('channel.goal.progress', { ...FIXTURE_GOAL, current_amount: 29_000 });
    await expect.poll(bar, { timeout: 5000 }).toEqual({ description: 'Follow goal for Helix testing', amount: '29,000 / 30,000', percent: '96%' });
    const file = await page!.eval<string>('document.querySelector("ovl-status-panel").recorder.toBlob().text()');
    await page!.close();
    const replay = encodeURIComponent(`data:application/x-ndjson;charset=utf-8,${encodeURIComponent(file)}`);
    page = await openPage(`/overlays/goal/?replay=${replay}&replay-speed=10&debug`);
    // The replay starts from its recording alone (no Helix call for today's goal): the recorded event sets the bar.
    await expect.poll(bar, { timeout: 5000 }).toEqual({ description: 'Follow goal for Helix testing', amount: '29,000 / 30,000', percent: '96%' });
    expect(await page.errors()).toEqual([]);
  });

  test('?demo shows the simulated goal from the start', async () => {
    page = await openPage('/overlays/goal/?demo', { reducedMotion: true });
    await expect.poll(() => part('description'), { timeout: 10_000 }).toBe('Road to 1,000 followers');
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
    await page.screenshot('goal-demo');
  });
});
