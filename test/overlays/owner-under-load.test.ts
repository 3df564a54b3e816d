import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { FIXTURE_CHANNEL_ID, scopedToken } from '../helpers/http.js';
import type { HistoryRecord } from '../../src/sources/history/history-record.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import { openInsecurePage, openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';
import { dockFeed } from '../helpers/dock.js';
import { clearInsecureSiteHistories, clearSiteHistories, holdHistory, releaseHistory, storedRecordsIn } from '../helpers/history.js';

/**
 * Issue 23, conditions 1 and 2: the shared EventSub connection when the page holding it is
 * starved of CPU or goes away on a slow machine, and issue 20's dock taking it over, on the
 * built event list and dock, with both elections:
 * Web Locks (a secure origin) and the BroadcastChannel lease (the same build under a host name
 * that is no secure context, as OBS's local-file mode is none). Each event must show on every
 * page exactly once. Each test tags its connections (`?tag=`) to count only its own.
 */
const pages: OverlayPage[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
});
// The event list starts from the history of its origin: earlier tests' overlays stored events there.
beforeEach(async () => {
  await clearSiteHistories();
  await clearInsecureSiteHistories();
});

let counter = 0;
const token = scopedToken(EVENT_SCOPES);
const ORIGINS = [
  ['a secure origin (Web Locks)', openPage, true],
  ['a non-secure origin (the BroadcastChannel election)', openInsecurePage, false],
] as const;

function scenario(open: (path: string) => Promise<OverlayPage>) {
  const tag = `under-load-${++counter}`;
  const query = `debug&dev-origin=${fake.httpOrigin}&dev-eventsub=${encodeURIComponent(`${fake.eventsubUrl}?tag=${tag}`)}#token=${token}`;
  return {
    tag,
    async openList(): Promise<OverlayPage> {
      return this.openOverlay('events');
    },
    async openOverlay(name: string): Promise<OverlayPage> {
      const page = await open(`/overlays/${name}/?${query}`);
      pages.push(page);
      return page;
    },
  };
}

/** A raid only this test sends: its viewers tell it apart. */
const raid = (viewers: number) => commands.esNotify('channel.raid', { ...REFERENCE_EVENTS['channel.raid'], from_broadcaster_user_id: String(5000 + viewers), from_broadcaster_user_login: `raider${viewers}`, from_broadcaster_user_name: `Raider${viewers}`, viewers });
const rows = (page: OverlayPage) => page.text('ovl-event-list', '[part="text"]');
const raidsShown = async (page: OverlayPage) => (await rows(page)).map((row) => Number(/with (\d+) viewers/.exec(row)?.[1])).sort((a, b) => a - b);
/** The raids the origin's event history holds: each must be there once, whichever session delivered it. */
const raidsStored = async (page: OverlayPage) =>
  ((await storedRecordsIn(page, FIXTURE_CHANNEL_ID)) as HistoryRecord[]).flatMap(({ event }) => (event.kind === 'raid' ? [event.viewers] : [])).sort((a, b) => a - b);
const part = async (page: OverlayPage) => (await page.text('ovl-status-panel', '.note')).find((note) => note.startsWith('eventsub:'));

/**
 * The page holding the connection once the election has settled, and the others: on a loaded
 * machine the page opened first is not always the one that claims first (over the
 * BroadcastChannel, a claim stands if nobody objects within 0.5 s).
 */
async function splitOwner(opened: readonly OverlayPage[]): Promise<[OverlayPage, OverlayPage[]]> {
  const owners = async () => (await Promise.all(opened.map(part))).flatMap((shown, i) => (shown === 'eventsub: shared (owner)' ? [opened[i]!] : []));
  await expect.poll(async () => (await owners()).length, { timeout: 10_000 }).toBe(1);
  const [owner] = await owners();
  return [owner, opened.filter((page) => page !== owner)];
}

/** The test's session that Twitch sends raids to now: the owner's. */
const raidSession = async (tag: string) => (await commands.esSessions()).find((session) => session.tag === tag && session.types.includes('channel.raid'))?.id;

/**
 * Waits until a session other than `old` holds the raids: the next owner's. Twitch sends an
 * event only to a session subscribed to it, and the closed owner's socket may outlive its page
 * for a moment, so a session holding raids may still be the old one.
 */
const nextOwnerSubscribed = (tag: string, old: string | undefined) =>
  expect.poll(async () => (await commands.esSessions()).some((session) => session.tag === tag && session.id !== old && session.types.includes('channel.raid')), { timeout: 10_000 }).toBe(true);

/**
 * Runs `check`; if it fails, prints what each page and the fake saw before failing, for a
 * failure that comes only under load: each page's part, raids shown and stored, `?debug` notes
 * and errors, the test's sessions and connections, and how many sessions each raid went to.
 */
async function tellOnFailure(check: () => Promise<void>, seenBy: readonly OverlayPage[], tag: string, sentTo: Record<number, number>): Promise<void> {
  try {
    await check();
  } catch (error) {
    const seen = await Promise.all(seenBy.map(async (page) => ({ part: await part(page), raids: await raidsShown(page), stored: await raidsStored(page), notes: await page.text('ovl-status-panel', '.note'), errors: await page.errors() })));
    const sessions = (await commands.esSessions()).filter((session) => session.tag === tag);
    console.error('pages after the failure:', JSON.stringify({ seen, sessions, connections: await commands.esConnections(tag), sentTo }));
    throw error;
  }
}

async function connected(page: OverlayPage): Promise<void> {
  await expect.poll(async () => (await page.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 15_000 }).toBe('connected');
}

describe.each(ORIGINS)('the connection owner under load, on %s', (_where, open, secure) => {
  test('the owner page blocked for 6 s while events go into its session: each shows once on every page, within 2 s of it running again, and one socket is left', async () => {
    const s = scenario(open);
    const opened = [await s.openList(), await s.openList(), await s.openList()];
    for (const page of opened) await connected(page);
    const [owner, others] = await splitOwner(opened);
    expect(await owner.eval('[isSecureContext, typeof navigator.locks]')).toEqual([secure, secure ? 'object' : 'undefined']);
    expect(await commands.esConnections(s.tag)).toEqual({ opened: 1, open: 1 });

    await commands.pageStall(owner.id, 6000);
    await raid(101);
    await raid(102);
    // Past the BroadcastChannel lease (3 s): another page may have taken over with a session of its own by now.
    await new Promise((resolve) => setTimeout(resolve, 4500));
    await raid(103);
    // Answers once the owner page runs again.
    await owner.eval('1');
    for (const page of [owner, ...others]) await expect.poll(() => raidsShown(page), { timeout: 2000 }).toEqual([101, 102, 103]);
    // Whoever holds it now, one socket serves every page.
    await expect.poll(async () => (await commands.esConnections(s.tag)).open, { timeout: 5000 }).toBe(1);
    await raid(104);
    for (const page of [owner, ...others]) await expect.poll(() => raidsShown(page), { timeout: 5000 }).toEqual([101, 102, 103, 104]);
    // Nothing more arrives late: each raid stays shown once.
    await raid(105);
    for (const page of [owner, ...others]) await expect.poll(() => raidsShown(page), { timeout: 5000 }).toEqual([101, 102, 103, 104, 105]);
    await expect.poll(() => raidsStored(owner)).toEqual([101, 102, 103, 104, 105]);
  }, 60_000);

  test('every page slowed 6× and the owner closed: a new owner is subscribed within 10 s, and each page shows the next events once', async () => {
    const s = scenario(open);
    const opened = [await s.openList(), await s.openList(), await s.openList(), await s.openList()];
    for (const page of opened) await connected(page);
    const [owner, others] = await splitOwner(opened);
    for (const page of [owner, ...others]) await commands.pageThrottleCpu(page.id, 6);
    await raid(201);
    for (const page of [owner, ...others]) await expect.poll(() => raidsShown(page), { timeout: 5000 }).toEqual([201]);
    // Closed at once, its write of 201 may be under way still: the next owner stores it (RecentRelays).
    const old = await raidSession(s.tag);
    pages.splice(pages.indexOf(owner), 1);
    await owner.close();
    await nextOwnerSubscribed(s.tag, old);
    // The closed page's socket goes as the page goes; the new owner's is the only other one ever opened.
    await expect.poll(() => commands.esConnections(s.tag), { timeout: 5000 }).toEqual({ opened: 2, open: 1 });
    const sentTo = { 202: await raid(202), 203: await raid(203), 204: await raid(204) };
    await tellOnFailure(
      async () => {
        for (const page of others) await expect.poll(() => raidsShown(page), { timeout: 10_000 }).toEqual([201, 202, 203, 204]);
      },
      others,
      s.tag,
      sentTo,
    );
    await expect.poll(() => raidsStored(others[0]!)).toEqual([201, 202, 203, 204]);
    expect((await Promise.all(others.map(part))).sort()).toEqual(['eventsub: shared (follower)', 'eventsub: shared (follower)', 'eventsub: shared (owner)']);
  }, 60_000);

  test("the owner closed while its write waits (another page's transaction holds the history): the next owner stores what it relayed, once", async () => {
    const s = scenario(open);
    const opened = [await s.openList(), await s.openList(), await s.openList()];
    for (const page of opened) await connected(page);
    const [owner, others] = await splitOwner(opened);
    await raid(501);
    await expect.poll(() => raidsStored(owner), { timeout: 5000 }).toEqual([501]);

    // IndexedDB runs one read-write transaction on the store at a time, across the origin's pages.
    await holdHistory(others[1]!, FIXTURE_CHANNEL_ID);
    await raid(502);
    for (const page of [owner, ...others]) await expect.poll(() => raidsShown(page), { timeout: 5000 }).toEqual([501, 502]);
    // The owner's write of 502 waits behind the held transaction; closing the page loses it.
    const old = await raidSession(s.tag);
    pages.splice(pages.indexOf(owner), 1);
    await owner.close();
    await expect.poll(async () => (await Promise.all(others.map(part))).sort(), { timeout: 10_000 }).toEqual(['eventsub: shared (follower)', 'eventsub: shared (owner)']);
    await releaseHistory(others[1]!);
    await expect.poll(() => raidsStored(others[0]!), { timeout: 5000 }).toEqual([501, 502]);
    await nextOwnerSubscribed(s.tag, old);
    const sentTo = { 503: await raid(503) };
    await tellOnFailure(() => expect.poll(() => raidsStored(others[0]!), { timeout: 5000 }).toEqual([501, 502, 503]), others, s.tag, sentTo);
    for (const page of others) expect(await raidsShown(page)).toEqual([501, 502, 503]);
  }, 60_000);

  test('the dock opened later takes the connection over, its session made before the old one breaks: each event once, stored once, one socket left', async () => {
    const s = scenario(open);
    const lists = [await s.openList(), await s.openList()];
    for (const page of lists) await connected(page);
    await splitOwner(lists);
    await raid(301);
    const dock = await s.openOverlay('dock');
    // Events all through the handover: before, while both sessions hold the subscriptions, after.
    for (const viewers of [302, 303, 304, 305, 306]) {
      await raid(viewers);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    // The overlays both follow: the dock holds the connection.
    await expect.poll(async () => (await Promise.all(lists.map(part))).sort(), { timeout: 10_000 }).toEqual(['eventsub: shared (follower)', 'eventsub: shared (follower)']);
    await expect.poll(() => commands.esConnections(s.tag), { timeout: 5000 }).toEqual({ opened: 2, open: 1 });
    await raid(307);
    const all = [301, 302, 303, 304, 305, 306, 307];
    for (const page of lists) await expect.poll(() => raidsShown(page), { timeout: 5000 }).toEqual(all);
    await expect.poll(() => raidsStored(dock)).toEqual(all);
    // The dock's activity feed lists each once too.
    await expect.poll(async () => (await dockFeed(dock)).filter((row) => /raided/.test(row ?? '')).length, { timeout: 5000 }).toBe(all.length);
  }, 60_000);

  test('a dock whose own session Twitch refuses what the owner holds leaves the connection to the owner and closes its session', async () => {
    const s = scenario(open);
    const list = await s.openList();
    await connected(list);
    await commands.esRefuse('channel.raid', 429);
    try {
      const dock = await s.openOverlay('dock');
      await expect.poll(() => commands.esConnections(s.tag), { timeout: 10_000 }).toEqual({ opened: 2, open: 1 });
      expect(await part(list)).toBe('eventsub: shared (owner)');
      await raid(401);
      await expect.poll(() => raidsShown(list), { timeout: 5000 }).toEqual([401]);
      await expect.poll(async () => (await dockFeed(dock)).filter((row) => /raided/.test(row ?? '')).length, { timeout: 5000 }).toBe(1);
    } finally {
      await commands.esRefuse('channel.raid', 0);
    }
  }, 60_000);
});

