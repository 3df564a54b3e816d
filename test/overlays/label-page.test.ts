import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { FIXTURE_CHANNEL_ID, scopedToken } from '../helpers/http.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import type { HistoryRecord } from '../../src/sources/history/history-record.js';
import { advancingBy, openPage, type OverlayPage } from '../helpers/page.js';
import { clearSiteHistories, putRecordsIn, storedRecordsIn } from '../helpers/history.js';
import { fake } from '../helpers/fake-servers.js';
import { cheerTwice, goLive } from '../helpers/stream-session.js';

/**
 * Labels as a streamer adds them: pages of the production build against the fake EventSub and
 * Helix servers, each label right at load (from the event history or Helix) and after an event.
 * Each test starts from an origin with no history and tags its EventSub connections.
 */
const pages: OverlayPage[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
  await commands.httpSetStream(FIXTURE_CHANNEL_ID, null);
});
beforeEach(clearSiteHistories);

let counter = 0;
const EVERYTHING = scopedToken(EVENT_SCOPES);
const url = (query: string, tag: string, token = EVERYTHING) =>
  `/overlays/label/?debug&${query}&dev-origin=${fake.httpOrigin}&dev-eventsub=${encodeURIComponent(`${fake.eventsubUrl}?tag=${tag}`)}#token=${token}`;

async function open(query: string, tag: string, token = EVERYTHING): Promise<OverlayPage> {
  const page = await openPage(url(query, tag, token), { reducedMotion: true });
  pages.push(page);
  await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
  return page;
}
/** The label page's chunk loaded on demand (label-connection.ts), as the build names it. */
const CONNECTION_CODE = '**/assets/label-connection-*.js';
const shown = async (page: OverlayPage) => (await page.text('ovl-label', '[part="label"]'))[0] ?? '';
const notes = (page: OverlayPage) => page.text('ovl-status-panel', '.note');
const stored = async (page: OverlayPage) => (await storedRecordsIn(page, FIXTURE_CHANNEL_ID)) as HistoryRecord[];

const cheer = (name: string, bits: number) => cheerTwice(`7${name.length}${bits}`, name, bits);
const follow = (n: number) => ({ ...REFERENCE_EVENTS['channel.follow'], user_id: String(8000 + n), user_login: `fan${n}`, user_name: `Fan${n}` });
const raid = (name: string, viewers: number) => ({ ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: String(6000 + viewers), from_broadcaster_user_login: name.toLowerCase(), from_broadcaster_user_name: name, viewers });

/** Opens the page, lets Twitch send `send`, waits until the history holds `count` records, and closes it: the history the next page reads. */
async function historyOf(show: string, tag: string, count: number, send: () => Promise<void>): Promise<void> {
  const page = await open(`show=${show}`, tag);
  await send();
  await expect.poll(async () => (await stored(page)).length).toBe(count);
  await page.close();
  pages.splice(pages.indexOf(page), 1);
}

/**
 * A latest-cheer label over a history of one stored cheer, drawn, while its connection's code
 * (the EventSub client, Helix, the normalising) is held back as from a cold disk until the test
 * releases it.
 */
async function heldLabel(tag: string, name: string, bits: number): Promise<OverlayPage> {
  await historyOf('latest-cheer', tag, 1, () => cheer(name, bits));
  const page = await openPage(url('show=latest-cheer', tag), { reducedMotion: true, hold: CONNECTION_CODE });
  pages.push(page);
  await expect.poll(() => shown(page)).toBe(`${name} – ${bits} bits`);
  return page;
}

// Several pages one after another, each connecting: a minute each on a loaded machine.
describe('label page (production build) against the fake EventSub and Helix servers', { timeout: 60_000 }, () => {
  test('latest cheer: right at load from the history (a replay made by the dock left out), then each new cheer', async () => {
    const tag = `label-${++counter}`;
    await historyOf('latest-cheer', tag, 2, async () => {
      await cheer('Early', 100);
      await cheer('Later', 250);
    });
    const page = await open('show=latest-cheer', tag);
    // The dock's replay of the first cheer, stored after the second: no new cheer.
    const [first] = (await stored(page)).filter((r) => r.event.kind === 'cheer' && r.event.bits === 100);
    await putRecordsIn(page, FIXTURE_CHANNEL_ID, [{ event: { ...first!.event, id: `replay:${first!.event.id}:1` }, receivedAt: Date.now() + 1000, origin: 'replay' }]);
    await page.close();
    pages.splice(0);

    const label = await open('show=latest-cheer', tag);
    // Connected and no event sent since: the text came from the history.
    expect(await shown(label)).toBe('Later – 250 bits');
    await cheer('Newest', 1500);
    await expect.poll(() => shown(label)).toBe('Newest – 1,500 bits');
    await label.screenshot('label-latest-cheer');
    expect(await label.errors()).toEqual([]);
  });

  test('draws the latest cheer from the history before its connection’s code has arrived; that code then connects it', async () => {
    const tag = `label-${++counter}`;
    const page = await heldLabel(tag, 'Stored', 300);
    // Its events and its token's hourly watch, both in that code.
    expect(await page.attr('ovl-status-panel', '[part="chip"]', 'data-state')).toEqual(['connecting', 'connecting']);
    expect(await page.release('answer')).toBe(1);
    await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    await cheer('Live', 50);
    await expect.poll(() => shown(page)).toBe('Live – 50 bits');
    expect(await page.errors()).toEqual([]);
    // Without ?debug (whose panel is a Lit element) the page runs no Lit at all: lit-html registers its version on load.
    const plain = await openPage(url('show=latest-cheer', tag).replace('?debug&', '?'));
    pages.push(plain);
    await expect.poll(() => shown(plain)).toBe('Live – 50 bits');
    expect(await plain.eval('window.litHtmlVersions === undefined && customElements.get("ovl-label") !== undefined')).toBe(true);
  });

  test('a connection whose code never arrives: the history’s value stays, and the setup card says to refresh the source', async () => {
    const page = await heldLabel(`label-${++counter}`, 'Kept', 120);
    await page.release('fail');
    const card = async () => (await page.text('ovl-setup-card', '[part="item"]')).join(' | ');
    await expect.poll(card, { timeout: 5000 }).toMatch(/^Part of this overlay's code did not load \(.+\)\. Refresh the source in OBS\.$/);
    // Said once, though both of the page's connections (its events and its token's watch) wait for that code.
    expect(await page.text('ovl-setup-card', '[part="item"]')).toHaveLength(1);
    expect(await shown(page)).toBe('Kept – 120 bits');
  });

  // Many labels share one connection: only the page that holds it loads the EventSub client (a
  // chunk of its own); a follower hears everything on the channel.
  test('a label that follows another loads no EventSub client; when the owner closes it loads it, takes over and shows the next cheer', async () => {
    const tag = `label-${++counter}`;
    const client = async (page: OverlayPage) => (await page.requests()).filter((request) => /\/eventsub-owner-[\w-]+\.js$/.test(request));
    const owner = await open('show=latest-cheer', tag);
    const follower = await open('show=latest-cheer', tag);
    expect(await client(owner)).toHaveLength(1);
    expect(await notes(follower)).toContain('eventsub: shared (follower)');
    await cheer('Shared', 100);
    await expect.poll(() => shown(follower)).toBe('Shared – 100 bits');
    expect(await client(follower)).toEqual([]);
    const [before] = (await commands.esSessions()).filter((session) => session.tag === tag);

    await owner.close();
    pages.splice(pages.indexOf(owner), 1);
    await expect.poll(() => notes(follower), { timeout: 10_000 }).toContain('eventsub: shared (owner)');
    expect(await client(follower)).toHaveLength(1);
    // The new owner's session holds what the label needs before Twitch sends the next cheer.
    const sessions = async () => (await commands.esSessions()).filter((session) => session.tag === tag).map((session) => [session.id === before!.id, [...session.types].sort()]);
    await expect.poll(sessions, { timeout: 10_000 }).toEqual([[false, [...before!.types].sort()]]);
    await cheer('Handover', 250);
    await expect.poll(() => shown(follower)).toBe('Handover – 250 bits');
    expect(await commands.esConnections(tag)).toEqual({ opened: 2, open: 1 });
    expect(await follower.errors()).toEqual([]);
  });

  test('an owner whose EventSub client never arrives lets the connection go: its card says to refresh it, and another label takes over', async () => {
    const tag = `label-${++counter}`;
    const stuck = await openPage(url('show=latest-cheer', tag), { reducedMotion: true, hold: '**/assets/eventsub-owner-*.js' });
    pages.push(stuck);
    await expect.poll(() => notes(stuck)).toContain('eventsub: shared (owner)');
    const other = await openPage(url('show=latest-cheer', tag), { reducedMotion: true });
    pages.push(other);
    await expect.poll(() => notes(other)).toContain('eventsub: shared (follower)');
    expect(await stuck.release('fail')).toBe(1);
    await expect.poll(async () => (await stuck.text('ovl-setup-card', '[part="item"]')).join(' | '), { timeout: 5000 }).toMatch(/^Part of this overlay's code did not load \(.+\)\. Refresh the source in OBS\.$/);
    await expect.poll(async () => (await other.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    expect(await notes(other)).toContain('eventsub: shared (owner)');
    await cheer('Rescued', 75);
    await expect.poll(() => shown(other)).toBe('Rescued – 75 bits');
  });

  test('top cheerer of this stream: since Helix’s started_at, one name summed, a cheer Twitch reports twice counted once', async () => {
    const tag = `label-${++counter}`;
    await goLive(Date.now() - 60_000);
    await historyOf('top-cheerer', tag, 3, async () => {
      await cheerTwice('501', 'Alice', 300);
      await cheerTwice('502', 'Bob', 500);
      await cheerTwice('501', 'Alice', 300);
    });
    const opened = await open('show=top-cheerer&template={name} has {amount}', tag);
    // A big cheer from before this stream began (a record of last night): not this stream's.
    const [one] = await stored(opened);
    await putRecordsIn(opened, FIXTURE_CHANNEL_ID, [{ event: { ...one!.event, id: 'last-night', user: { id: '503', login: 'carol', name: 'Carol' }, bits: 9999 }, receivedAt: Date.now() - 3_600_000, origin: 'live' }]);
    await opened.close();
    pages.splice(0);

    const label = await open('show=top-cheerer&template={name} has {amount}', tag);
    expect(await shown(label)).toBe('Alice has 600');
    expect(await notes(label)).toContainEqual(expect.stringMatching(/^this stream: since .* \(live\)$/));
    // Bob's 150 more: one cheer, reported twice by Twitch, counts once.
    await cheerTwice('502', 'Bob', 150);
    await expect.poll(() => shown(label)).toBe('Bob has 650');
    await cheerTwice('501', 'Alice', 100);
    await expect.poll(() => shown(label)).toBe('Alice has 700');
  });

  test('counts of this stream: followers, subs (a gift bomb of 5 is 5, its per-recipient subs not again), bits', async () => {
    const tag = `label-${++counter}`;
    await goLive(Date.now() - 60_000);
    await historyOf('followers', tag, 2, async () => {
      for (const n of [1, 2]) await commands.esNotify('channel.follow', follow(n));
    });
    const followers = await open('show=followers&template={amount} new followers', tag);
    const subs = await open('show=subs', tag);
    const bits = await open('show=bits&empty=no bits yet', tag);
    expect(await shown(followers)).toBe('2 new followers');
    expect(await shown(subs)).toBe('0');
    expect(await shown(bits)).toBe('0');
    await commands.esNotify('channel.follow', follow(3));
    await commands.esNotify('channel.subscribe', { ...REFERENCE_EVENTS['channel.subscribe'], user_id: '9001' });
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], total: 5 });
    for (const i of [1, 2, 3, 4, 5]) await commands.esNotify('channel.subscribe', { ...REFERENCE_EVENTS['channel.subscribe'], user_id: `91${i}`, is_gift: true });
    await cheer('Someone', 1234);
    await expect.poll(() => shown(followers)).toBe('3 new followers');
    await expect.poll(() => shown(subs)).toBe('6');
    await expect.poll(() => shown(bits)).toBe('1,234');
    // Many labels, one connection: one of them owns it, the others follow.
    const roles = await Promise.all([followers, subs, bits].map(async (page) => (await notes(page)).find((note) => note.startsWith('eventsub: '))));
    expect(roles.filter((role) => role === 'eventsub: shared (owner)')).toHaveLength(1);
    expect(roles.filter((role) => role === 'eventsub: shared (follower)')).toHaveLength(2);
  });

  test('latest raid and gift, and top gifter, with the empty text until there is one', async () => {
    const tag = `label-${++counter}`;
    await goLive(Date.now() - 60_000);
    const raidLabel = await open('show=latest-raid&empty=No raid yet', tag);
    const gift = await open('show=latest-gift', tag);
    const gifter = await open('show=top-gifter', tag);
    expect(await shown(raidLabel)).toBe('No raid yet');
    expect(await gift.text('ovl-label', '[part="label"]')).toEqual([]);
    await commands.esNotify('channel.raid', raid('Raider', 42));
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], user_id: '700', user_name: 'Gina', user_login: 'gina', total: 3 });
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], user_id: '701', user_name: 'Hal', user_login: 'hal', total: 5 });
    await commands.esNotify('channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], user_id: '700', user_name: 'Gina', user_login: 'gina', total: 5 });
    await expect.poll(() => shown(raidLabel)).toBe('Raider – 42 viewers');
    await expect.poll(() => shown(gift)).toBe('Gina – 5 subs');
    await expect.poll(() => shown(gifter)).toBe('Gina – 8 subs');
  });

  test('top cheerer of the week from Helix’s Bits leaderboard, then this stream’s cheers on top', async () => {
    const tag = `label-${++counter}`;
    const label = await open('show=top-cheerer-week', tag);
    expect(await shown(label)).toBe('TundraCowboy – 12,543 bits');
    expect(await notes(label)).toContain('Bits leaderboard (week): TundraCowboy leads with 12543');
    const [request] = (await commands.httpRequests('/helix/bits/leaderboard')).slice(-1);
    expect(request?.url).toBe('/helix/bits/leaderboard?count=10&period=week');
    // Topramens (6,900) cheers 6,000 more and leads.
    await cheerTwice('7168163', 'Topramens', 6000);
    await expect.poll(() => shown(label)).toBe('Topramens – 12,900 bits');
    const allTime = await open('show=top-cheerer-all-time&template={name}', tag);
    expect(await shown(allTime)).toBe('TundraCowboy');
    expect((await commands.httpRequests('/helix/bits/leaderboard')).at(-1)?.url).toBe('/helix/bits/leaderboard?count=10&period=all');
  });

  test('the Bits leaderboard without bits:read: the setup card and the console say what is missing', async () => {
    const tag = `label-${++counter}`;
    const noBits = scopedToken(EVENT_SCOPES.filter((scope) => scope !== 'bits:read'));
    const page = await openPage(url('show=top-cheerer-month', tag, noBits));
    pages.push(page);
    const expected = 'The label overlay needs the "bits:read" scope (it reads your Bits leaderboard, the top cheerers of the week, month and all time), which this token lacks.';
    await expect.poll(async () => (await page.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toContain(expected);
    expect(await page.errors()).toContainEqual(expect.stringContaining(`[ovl:label] ${expected}`));
    // And when Twitch itself refuses (a token whose scopes changed since): the same card, from Twitch's words.
    await commands.httpScript('GET', '/helix/bits/leaderboard', [{ status: 401, body: { error: 'Unauthorized', status: 401, message: 'Missing scope: bits:read' } }]);
    const refused = await openPage(url('show=top-cheerer-week', `${tag}-b`));
    pages.push(refused);
    await expect.poll(async () => (await refused.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toContain('Missing scope: bits:read');
    expect(await refused.errors()).toContainEqual(expect.stringContaining('[ovl:label] could not read the Bits leaderboard: The Twitch API answered 401: Missing scope: bits:read'));
  });

  test('the goal’s progress from Helix at load, then each goal event', async () => {
    const tag = `label-${++counter}`;
    const label = await open('show=goal&template={current} of {target} ({percent})', tag);
    expect(await shown(label)).toBe('27,062 of 30,000 (90%)');
    await commands.esNotify('channel.goal.progress', { ...REFERENCE_EVENTS['channel.goal.progress'], id: '1woowvbkiNv8BRxEWSqmQz6Zk92', broadcaster_user_id: FIXTURE_CHANNEL_ID, type: 'follow', current_amount: 28_000, target_amount: 30_000 });
    await expect.poll(() => shown(label)).toBe('28,000 of 30,000 (93%)');
  });

  test('viewer names stay text: markup from EventSub or Helix is never HTML', async () => {
    const tag = `label-${++counter}`;
    const markup = '<img src=x onerror="document.title=1"><b>Bold</b>';
    const latest = await open('show=latest-follower', tag);
    await commands.esNotify('channel.follow', { ...follow(9), user_name: markup });
    await expect.poll(() => shown(latest)).toBe(markup);
    // A leaderboard led by a name with markup, as Helix could send it.
    await commands.httpScript('GET', '/helix/bits/leaderboard', [{ status: 200, body: { data: [{ user_id: '90000311', user_login: 'markup_fan', user_name: markup, rank: 1, score: 500 }], date_range: { started_at: '', ended_at: '' }, total: 1 } }]);
    const board = await open('show=top-cheerer-week', tag);
    expect(await shown(board)).toBe(`${markup} – 500 bits`);
    const cheered = await open('show=top-cheerer', tag);
    await cheerTwice('90000312', markup, 5);
    await expect.poll(() => shown(cheered)).toBe(`${markup} – 5 bits`);
    for (const page of [latest, board, cheered]) expect(await page.eval<number>(`document.querySelector('ovl-label').shadowRoot.querySelectorAll('img, b').length`)).toBe(0);
  });

  test('?record keeps the session; ?replay shows the recorded cheer with no account, and reads neither history nor Helix', async () => {
    const tag = `label-${++counter}`;
    const recording = await open('show=latest-cheer&record', tag);
    await cheer('Recorded', 777);
    await expect.poll(() => shown(recording)).toBe('Recorded – 777 bits');
    const file = await recording.eval<string>('document.querySelector("ovl-status-panel").recorder.toBlob().text()');
    await recording.close();
    pages.splice(0);
    const before = (await commands.httpRequests('/helix/')).length;
    const replay = encodeURIComponent(`data:application/x-ndjson;charset=utf-8,${encodeURIComponent(file)}`);
    const page = await openPage(`/overlays/label/?show=latest-cheer&replay=${replay}&replay-speed=10&debug`);
    pages.push(page);
    await expect.poll(() => shown(page)).toBe('Recorded – 777 bits');
    expect((await commands.httpRequests('/helix/')).length).toBe(before);
    expect(await page.errors()).toEqual([]);
  });

  test('?demo: the simulated channel’s cheers and its leaderboard', async () => {
    const page = await openPage('/overlays/label/?demo&show=latest-cheer', { reducedMotion: true, clock: true });
    pages.push(page);
    await expect.poll(advancingBy(page, 1000, () => shown(page)), { timeout: 15_000 }).toMatch(/ – [\d,]+ bits$/);
    const board = await openPage('/overlays/label/?demo&show=top-cheerer-all-time', { reducedMotion: true, width: 600, height: 60 });
    pages.push(board);
    await expect.poll(() => shown(board), { timeout: 10_000 }).toBe('BitBaron – 12,500 bits');
    await board.screenshot('label-demo');
    expect((await board.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
  });
});
