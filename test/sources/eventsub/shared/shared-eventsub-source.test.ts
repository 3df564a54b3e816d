import { afterEach, describe, expect, test, vi } from 'vitest';
import { commands } from 'vitest/browser';
import { SharedEventSubSource } from '../../../../src/sources/eventsub/shared/shared-eventsub-source.js';
import { PROTOCOL_VERSION, sharedNames } from '../../../../src/sources/eventsub/shared/shared-protocol.js';
import type { EventSubNotification } from '../../../../src/sources/eventsub/eventsub-source.js';
import { HelixClient } from '../../../../src/twitch/helix-client.js';
import { Backoff } from '../../../../src/core/backoff.js';
import { GOOD_TOKEN, TEST_CLIENT_ID } from '../../../helpers/http.js';
import { openObsLocalFile, openUrl, type OverlayPage } from '../../../helpers/page.js';
import { fake, fakeTwitchEndpoints } from '../../../helpers/fake-servers.js';

/**
 * Several real overlay pages (tabs of one browser context, like OBS browser sources sharing a
 * profile) against the fake EventSub server. Each test tags its connections (`?tag=` on the
 * EventSub URL) and uses its own user id and event type, so it counts only its own sockets.
 */
const pages: OverlayPage[] = [];
const sources: SharedEventSubSource[] = [];
afterEach(async () => {
  for (const page of pages.splice(0)) await page.close();
  for (const source of sources.splice(0)) source.stop();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const REDEMPTION_ADD = 'channel.channel_points_custom_reward_redemption.add';
let counter = 0;

interface PageOptions {
  /** Another user's id. */
  user?: string;
  /** `channel`: without Web Locks, as in OBS's local-file mode. */
  election?: 'channel';
  /** The page does not stop its source when it goes away, like one that crashed. */
  vanish?: boolean;
  /** The page's own timers wake only every so many ms, as on a hidden page (throttleLikeHiddenPage). */
  hiddenWake?: number;
  /** The channel election's heartbeat, lease and claim in ms. */
  timing?: readonly [number, number, number];
  /** The source's timers on the page's own timers instead of the worker. */
  pageTimers?: boolean;
}

function scenario() {
  const id = `${++counter}-${Math.random().toString(36).slice(2, 8)}`;
  const tag = `shared-${id}`;
  const user = String(90_000_000 + counter);
  const eventsub = `${fake.eventsubUrl}?tag=${tag}`;
  return {
    tag,
    user,
    eventsub,
    type: `test.shared.${id}`,
    /** Opens one overlay page needing `types`. */
    async open(types: string[], options: PageOptions = {}): Promise<OverlayPage> {
      const query = new URLSearchParams({ helix: fake.httpOrigin, client: TEST_CLIENT_ID, token: GOOD_TOKEN, user: options.user ?? user, eventsub });
      for (const type of types) query.append('type', type);
      if (options.election) query.set('election', options.election);
      if (options.vanish) query.set('vanish', '');
      if (options.hiddenWake) query.set('hidden-wake', String(options.hiddenWake));
      if (options.timing) query.set('timing', options.timing.join(','));
      if (options.pageTimers) query.set('page-timers', '');
      const page = await openUrl(`${location.origin}/test/sources/eventsub/shared/shared-page.html?${query}`);
      pages.push(page);
      return page;
    },
  };
}

const state = (page: OverlayPage) => page.eval<string>('window.shared.status.state');
const role = (page: OverlayPage) => page.eval<string | null>('window.shared.role');
const roles = async (list: OverlayPage[]) => (await Promise.all(list.map(role))).sort();
const numbers = (page: OverlayPage) => page.eval<unknown[]>('window.received.map((r) => r.n)');
const connected = (page: OverlayPage) => expect.poll(() => state(page), { timeout: 10_000 }).toBe('connected');
const sessionTypes = async (tag: string) => (await commands.esSessions()).filter((s) => s.tag === tag).map((s) => [...s.types].sort());

describe('SharedEventSubSource: one EventSub connection for all overlays of a user', () => {
  test('five pages share one socket, and each gets every event exactly once', async () => {
    const s = scenario();
    const open: OverlayPage[] = [];
    for (let i = 0; i < 5; i++) open.push(await s.open([s.type]));
    for (const page of open) await connected(page);
    expect(await roles(open)).toEqual(['follower', 'follower', 'follower', 'follower', 'owner']);
    // What ?debug's chip says on each.
    expect((await Promise.all(open.map((page) => page.eval<string>('window.shared.name')))).sort()).toEqual([
      ...Array<string>(4).fill('eventsub: shared (follower)'),
      'eventsub: shared (owner)',
    ]);
    expect(await commands.esConnections(s.tag)).toEqual({ opened: 1, open: 1 });
    // Every page knows the one session's id, as EventSubSource's `session` tells it.
    const [session] = await commands.esSessions().then((all) => all.filter((one) => one.tag === s.tag));
    expect(new Set(await Promise.all(open.map((page) => page.eval<string>('window.shared.session'))))).toEqual(new Set([session!.id]));

    // Twitch delivers #2 twice with one message id (§3.2); #5 is last, so once it is in, anything doubled would be too.
    for (const n of [1, 2, 3, 4, 5]) await commands.esNotify(s.type, { n }, n === 2 ? 2 : 1);
    for (const page of open) await expect.poll(() => numbers(page)).toEqual([1, 2, 3, 4, 5]);
    for (const page of open) expect(await page.errors()).toEqual([]);
  });

  // Sockets ever opened: the first owner's, the next owner's, and without Web Locks, when a
  // lease runs out, possibly a third: a page starved of CPU may claim with the other, and the
  // later page gives way at the next heartbeat (electOverChannel).
  test.each([
    ['Web Locks, the owner page stopping', {}, {}, [2]],
    ['Web Locks, the owner page vanishing', {}, { vanish: true }, [2]],
    ['BroadcastChannel, the owner page stopping', { election: 'channel' }, {}, [2]],
    ['BroadcastChannel, the owner page vanishing (its lease runs out)', { election: 'channel' }, { vanish: true }, [2, 3]],
  ] as const)('%s: another page takes over within seconds, events go on, nothing doubled', async (name, election, ownerExit, sockets) => {
    const s = scenario();
    const open = [await s.open([s.type], { ...election, ...ownerExit }), await s.open([s.type], election), await s.open([s.type], election)];
    for (const page of open) await connected(page);
    for (const n of [1, 2]) await commands.esNotify(s.type, { n });
    for (const page of open) await expect.poll(() => numbers(page)).toEqual([1, 2]);

    // The first page owns (Web Locks grant in order; the channel election favours the oldest page).
    expect(await Promise.all(open.map(role))).toEqual(['owner', 'follower', 'follower']);
    expect(await commands.esConnections(s.tag)).toEqual({ opened: 1, open: 1 });
    const owner = open[0]!;
    const rest = open.filter((page) => page !== owner);
    const closedAt = performance.now();
    await owner.close();
    pages.splice(pages.indexOf(owner), 1);
    await expect.poll(() => roles(rest), { timeout: 10_000 }).toEqual(['follower', 'owner']);
    await expect.poll(async () => (await commands.esConnections(s.tag)).open, { timeout: 10_000 }).toBe(1);
    expect(sockets).toContain((await commands.esConnections(s.tag)).opened);
    await expect.poll(() => sessionTypes(s.tag)).toEqual([[s.type]]);
    for (const page of rest) await connected(page);
    console.info(`handover (${name}): the new owner's session was subscribed ${Math.round(performance.now() - closedAt)} ms after the owner closed`);

    for (const n of [3, 4]) await commands.esNotify(s.type, { n });
    for (const page of rest) await expect.poll(() => numbers(page)).toEqual([1, 2, 3, 4]);
  });

  test('without Web Locks (OBS local-file mode) the pages elect the owner over BroadcastChannel: one socket, each event once', async () => {
    const s = scenario();
    const open = [await s.open([s.type], { election: 'channel' }), await s.open([s.type], { election: 'channel' }), await s.open([s.type], { election: 'channel' })];
    for (const page of open) await connected(page);
    expect(await roles(open)).toEqual(['follower', 'follower', 'owner']);
    expect(await commands.esConnections(s.tag)).toEqual({ opened: 1, open: 1 });
    for (const n of [1, 2, 3]) await commands.esNotify(s.type, { n });
    for (const page of open) await expect.poll(() => numbers(page)).toEqual([1, 2, 3]);
  });

  test('a page that joins later with a new type gets it on the live session, and again on the next session', async () => {
    const s = scenario();
    const other = `${s.type}.polls`;
    const first = await s.open([s.type]);
    await connected(first);
    const later = await s.open([s.type, other]);
    // A page is connected once its own subscriptions are live on the shared session.
    await connected(later);
    expect(await sessionTypes(s.tag)).toEqual([[s.type, other].sort()]);
    expect(await commands.esConnections(s.tag)).toEqual({ opened: 1, open: 1 });

    await commands.esNotify(other, { n: 1 });
    await commands.esNotify(s.type, { n: 2 });
    await expect.poll(() => numbers(later)).toEqual([1, 2]);
    // Each page hears only the types it asked for.
    await expect.poll(() => numbers(first)).toEqual([2]);

    // The connection drops: the owner's new session subscribes the union again, and every page saw the drop.
    await commands.esCloseAll(4006);
    await expect.poll(() => commands.esConnections(s.tag), { timeout: 10_000 }).toEqual({ opened: 2, open: 1 });
    await expect.poll(() => sessionTypes(s.tag), { timeout: 10_000 }).toEqual([[s.type, other].sort()]);
    for (const page of [first, later]) {
      await connected(page);
      expect(await page.eval<string[]>('window.states')).toContain('reconnecting');
    }
    await commands.esNotify(other, { n: 3 });
    await expect.poll(() => numbers(later)).toEqual([1, 2, 3]);
  });

  test('only the page holding the connection hears the session: every page’s types, once, with the types live on it; after a handover, the new owner, what the last one relayed first', async () => {
    const s = scenario();
    const other = `${s.type}.other`;
    const open = [await s.open([s.type]), await s.open([other]), await s.open([other])];
    for (const page of open) await connected(page);
    const heard = (page: OverlayPage) => page.eval<{ type: string; n: unknown; live: string[] }[]>('window.session');
    const live = [s.type, other].sort();
    // #2 comes twice with one message id (§3.2).
    for (const n of [1, 2]) await commands.esNotify(s.type, { n }, n);
    await commands.esNotify(other, { n: 3 });
    await expect.poll(() => heard(open[0]!)).toEqual([
      { type: s.type, n: 1, live },
      { type: s.type, n: 2, live },
      { type: other, n: 3, live },
    ]);
    await expect.poll(() => numbers(open[1]!)).toEqual([3]);
    for (const page of open.slice(1)) expect(await heard(page)).toEqual([]);

    await open[0]!.close();
    pages.splice(pages.indexOf(open[0]!), 1);
    const rest = open.slice(1);
    await expect.poll(() => roles(rest), { timeout: 10_000 }).toEqual(['follower', 'owner']);
    for (const page of rest) await connected(page);
    await commands.esNotify(other, { n: 4 });
    const owner = (await role(rest[0]!)) === 'owner' ? rest[0]! : rest[1]!;
    // The new owner first hands on what the last one relayed lately, every type (it may have gone
    // before storing them), then its own session's. The closed page's type is no longer asked
    // for: only the open pages' needs count on the new session.
    await expect.poll(() => heard(owner)).toEqual([
      { type: s.type, n: 1, live },
      { type: s.type, n: 2, live },
      { type: other, n: 3, live },
      { type: other, n: 4, live: [other] },
    ]);
    expect(await heard(rest.find((page) => page !== owner)!)).toEqual([]);
  });

  test('different users never share a connection', async () => {
    const s = scenario();
    const mine = await s.open([s.type]);
    const theirs = await s.open([s.type], { user: `${s.user}7` });
    for (const page of [mine, theirs]) await connected(page);
    expect(await roles([mine, theirs])).toEqual(['owner', 'owner']);
    expect(await commands.esConnections(s.tag)).toEqual({ opened: 2, open: 2 });
  });

  test('a subscription Twitch refuses is reported to the pages that asked for it; a page refused everything fails; the rest go on', async () => {
    const s = scenario();
    const owner = await s.open([s.type]);
    await connected(owner);
    // The fake refuses channel-points subscriptions to a token that is not the broadcaster's (403).
    const partly = await s.open([s.type, REDEMPTION_ADD]);
    const refusedOnly = await s.open([REDEMPTION_ADD]);
    await connected(partly);
    await expect.poll(() => partly.eval('window.outcomes.at(-1)')).toEqual({
      active: [s.type],
      refused: [{ type: REDEMPTION_ADD, version: '1', reason: 'unauthorized', message: expect.stringMatching(/403/) }],
    });
    await expect.poll(() => state(refusedOnly), { timeout: 10_000 }).toBe('error');
    expect((await refusedOnly.eval<string[]>('window.errors'))[0]).toMatch(/^Twitch would not create the subscription: .*403/);
    expect(await owner.eval('window.outcomes')).toEqual([{ active: [s.type], refused: [] }]);
    expect(await state(owner)).toBe('connected');
    await commands.esNotify(s.type, { n: 1 });
    for (const page of [owner, partly]) await expect.poll(() => numbers(page)).toEqual([1]);
  });

  test("the owner page's own subscriptions all refused: that page fails, the connection serves the others", async () => {
    const s = scenario();
    const owner = await s.open([REDEMPTION_ADD]);
    await expect.poll(() => state(owner), { timeout: 10_000 }).toBe('error');
    expect(await role(owner)).toBe('owner');
    const follower = await s.open([s.type]);
    await connected(follower);
    await commands.esNotify(s.type, { n: 1 });
    await expect.poll(() => numbers(follower)).toEqual([1]);
    // The session Twitch refused everything of rested (closed, the next minutes away); the follower's new type ended the rest at once.
    expect(await commands.esConnections(s.tag)).toEqual({ opened: 2, open: 1 });
  });

  test('a revocation ends only its subscription: the pages that asked for it hear it and warn, a page left with nothing fails, the rest go on', async () => {
    const s = scenario();
    const other = `${s.type}.other`;
    const both = await s.open([s.type, other]);
    const bystander = await s.open([other]);
    const only = await s.open([s.type]);
    for (const page of [both, bystander, only]) await connected(page);
    await commands.esRevoke(s.type, 'version_removed');
    const revocation = { type: s.type, version: '1', condition: { broadcaster_user_id: s.user }, status: 'version_removed' };
    for (const page of [both, only]) await expect.poll(() => page.eval('window.revocations')).toEqual([revocation]);
    // The page that still has a subscription goes on, and says what ended and what to do.
    await expect.poll(() => both.eval('window.shared.warning')).toBe(`Twitch retired version 1 of ${s.type} (version_removed), so these overlays no longer receive it: update the overlays to their latest version. The other events go on.`);
    expect(await both.eval('window.outcomes.at(-1)')).toEqual({ active: [other], refused: [{ type: s.type, version: '1', reason: 'ended', message: expect.stringContaining('version_removed') }] });
    expect(await state(both)).toBe('connected');
    // The page left with nothing fails, with the same words, and not as a refused token.
    await expect.poll(() => state(only)).toBe('error');
    expect(await only.eval('[window.shared.status.error.code, window.shared.status.error.message]')).toEqual(['config', expect.stringMatching(/^Twitch retired version 1 of .* update the overlays/)]);
    // The page that never asked for it hears nothing of it.
    expect(await bystander.eval('window.revocations')).toEqual([]);
    expect(await bystander.eval('window.shared.warning')).toBeNull();
    expect(await bystander.eval('window.errors')).toEqual([]);
    await commands.esNotify(other, { n: 1 });
    for (const page of [both, bystander]) await expect.poll(() => numbers(page)).toEqual([1]);
    expect(await state(bystander)).toBe('connected');
    expect(await commands.esConnections(s.tag)).toEqual({ opened: 1, open: 1 });
    // A page that joins later is not given the ended subscription again on this session.
    const calls = (await commands.httpRequests('/helix/eventsub/subscriptions')).length;
    const late = await s.open([other]);
    await connected(late);
    expect((await commands.httpRequests('/helix/eventsub/subscriptions')).length).toBe(calls);
    expect(await sessionTypes(s.tag)).toEqual([[other]]);
  });

  test.each([
    ['a revocation message', 'authorization_revoked', /token of this overlay was revoked \(authorization_revoked\).*Make a new overlay link/],
    ["the Twitch CLI's notification with that status", 'user_removed', /account it is about no longer exists or was suspended \(user_removed\)/],
  ] as const)('the token or the account gone (%s): only the pages of that type fail, as a refused token, in precise words', async (how, status, words) => {
    const s = scenario();
    const other = `${s.type}.other`;
    const gone = await s.open([s.type]);
    const bystander = await s.open([other]);
    for (const page of [gone, bystander]) await connected(page);
    if (how === 'a revocation message') await commands.esRevoke(s.type, status);
    else await commands.esTriggerWithStatus(s.type, status);
    await expect.poll(() => state(gone)).toBe('error');
    expect(await gone.eval('[window.shared.status.error.code, window.shared.status.error.message]')).toEqual(['auth', expect.stringMatching(words)]);
    expect(await gone.eval('window.received')).toEqual([]);
    await commands.esNotify(other, { n: 1 });
    await expect.poll(() => numbers(bystander)).toEqual([1]);
    expect(await state(bystander)).toBe('connected');
  });

  test('messages on the channel that are malformed, of another version or already seen change nothing', async () => {
    const s = scenario();
    const open = [await s.open([s.type]), await s.open([s.type])];
    for (const page of open) await connected(page);
    await commands.esNotify(s.type, { n: 1 });
    for (const page of open) await expect.poll(() => numbers(page)).toEqual([1]);
    const [delivered] = await open[0]!.eval<{ id: string }[]>('window.received');

    const intruder = new BroadcastChannel(sharedNames(s.user).channel);
    const copy: EventSubNotification = { type: s.type, version: '1', messageId: delivered!.id, timestamp: Date.now(), subscriptionId: 'x', event: { n: 1 } };
    intruder.postMessage('<img src=x onerror=alert(1)>');
    intruder.postMessage({ v: 2, kind: 'notification', notification: { ...copy, messageId: 'newer-build' } });
    intruder.postMessage({ v: PROTOCOL_VERSION, kind: 'notification', notification: { type: s.type } });
    intruder.postMessage({ v: PROTOCOL_VERSION, kind: 'status', status: { state: 'hacked', attempt: 0 }, live: [], refused: [] });
    intruder.postMessage({ v: PROTOCOL_VERSION, kind: 'notification', notification: copy, session: 'another' });
    intruder.close();

    await commands.esNotify(s.type, { n: 2 });
    for (const page of open) {
      await expect.poll(() => numbers(page)).toEqual([1, 2]);
      expect(await state(page)).toBe('connected');
    }
  });

  test('a second session’s copy of an event (under its own message id) is dropped; the same event twice on one session stays two', async () => {
    const s = scenario();
    const open = [await s.open([s.type]), await s.open([s.type])];
    for (const page of open) await connected(page);
    // Another session of the user, as while the connection changes hands: Twitch sends it its own copy of each event.
    const otherSession = new BroadcastChannel(sharedNames(s.user).channel);
    const copyOf = (n: number, messageId: string): EventSubNotification => ({ type: s.type, version: '1', messageId, timestamp: Date.now(), subscriptionId: 'other', event: { n } });
    try {
      await commands.esNotify(s.type, { n: 7 });
      for (const page of open) await expect.poll(() => numbers(page)).toEqual([7]);
      otherSession.postMessage({ v: PROTOCOL_VERSION, kind: 'notification', notification: copyOf(7, 'other-1'), session: 'other-session' });
      // The same viewer doing the same again: a new event on the session, shown.
      await commands.esNotify(s.type, { n: 7 });
      for (const page of open) await expect.poll(() => numbers(page)).toEqual([7, 7]);
      // The other session's copy of that one too: dropped; then its copy of an event it alone delivered: shown.
      otherSession.postMessage({ v: PROTOCOL_VERSION, kind: 'notification', notification: copyOf(7, 'other-2'), session: 'other-session' });
      otherSession.postMessage({ v: PROTOCOL_VERSION, kind: 'notification', notification: copyOf(8, 'other-3'), session: 'other-session' });
      for (const page of open) await expect.poll(() => numbers(page)).toEqual([7, 7, 8]);
      await commands.esNotify(s.type, { n: 9 });
      for (const page of open) await expect.poll(() => numbers(page)).toEqual([7, 7, 8, 9]);
    } finally {
      otherSession.close();
    }
  });

  test('a deposed owner’s session relays its events until the new owner’s status shows it holds as much, then closes', async () => {
    const s = scenario();
    // A lease far longer than the test: only the messages below move the ownership.
    const names = sharedNames(s.user);
    const shared = new BroadcastChannel(names.channel);
    const statuses: { live: string[] }[] = [];
    shared.onmessage = ({ data }) => data?.kind === 'status' && statuses.push(data);
    const election = new BroadcastChannel(names.election);
    try {
      const page = await s.open([s.type], { election: 'channel', timing: [1000, 600_000, 250] });
      await connected(page);
      await commands.esNotify(s.type, { n: 1 });
      await expect.poll(() => numbers(page)).toEqual([1]);
      const held = statuses.at(-1)!.live;
      expect(held).toHaveLength(1);
      // Another page owns, by a lesser id (a dock's), whose session is not subscribed yet.
      election.postMessage({ v: PROTOCOL_VERSION, kind: 'lease', page: '0-another-page' });
      await expect.poll(() => role(page)).toBe('follower');
      // Twitch still sends into this page's session: nothing of it is lost.
      await commands.esNotify(s.type, { n: 2 });
      await expect.poll(() => numbers(page)).toEqual([1, 2]);
      expect(await commands.esConnections(s.tag)).toEqual({ opened: 1, open: 1 });
      // A status of the new owner holding less changes nothing; one holding as much ends the old session.
      const status = { v: PROTOCOL_VERSION, kind: 'status', status: { state: 'connected', attempt: 0 }, session: 'new-session', refused: [], preferred: true };
      shared.postMessage({ ...status, live: [] });
      await commands.esNotify(s.type, { n: 3 });
      await expect.poll(() => numbers(page)).toEqual([1, 2, 3]);
      shared.postMessage({ ...status, live: held });
      await expect.poll(() => commands.esConnections(s.tag)).toEqual({ opened: 1, open: 0 });
    } finally {
      shared.close();
      election.close();
    }
  });

  test('a deposed owner elected again while its session drains takes that session back: no second session, nothing lost or doubled', async () => {
    const s = scenario();
    const election = new BroadcastChannel(sharedNames(s.user).election);
    try {
      // A 3 s lease: the page that deposes this one below never renews its own, as if it crashed.
      const page = await s.open([s.type], { election: 'channel', timing: [1000, 3000, 250] });
      await connected(page);
      await commands.esNotify(s.type, { n: 1 });
      await expect.poll(() => numbers(page)).toEqual([1]);
      election.postMessage({ v: PROTOCOL_VERSION, kind: 'lease', page: '0-another-page' });
      await expect.poll(() => role(page)).toBe('follower');
      await commands.esNotify(s.type, { n: 2 });
      // The lease runs out within the drain: the page claims the connection again, on its own session.
      await expect.poll(() => role(page), { timeout: 8000 }).toBe('owner');
      await commands.esNotify(s.type, { n: 3 });
      await expect.poll(() => numbers(page)).toEqual([1, 2, 3]);
      expect(await commands.esConnections(s.tag)).toEqual({ opened: 1, open: 1 });
      expect(await state(page)).toBe('connected');
    } finally {
      election.close();
    }
  });

  test("OBS's local-file mode has no Web Locks, but BroadcastChannel reaches across its pages: hence the channel election", async () => {
    const [one, two] = [await openObsLocalFile('overlays/chat/index.html?demo'), await openObsLocalFile('overlays/chat/index.html?demo')];
    pages.push(one!, two!);
    expect(await one!.eval('[location.origin, isSecureContext, typeof navigator.locks, typeof BroadcastChannel]')).toEqual(['http://absolute', false, 'undefined', 'function']);
    await one!.eval(`(window.heard = [], new BroadcastChannel('probe').onmessage = (e) => window.heard.push(e.data), 0)`);
    await two!.eval(`new BroadcastChannel('probe').postMessage('from the other source'), 0`);
    await expect.poll(() => one!.eval('window.heard')).toEqual(['from the other source']);
  });

  test.each([
    ['without BroadcastChannel', 'this browser has no BroadcastChannel', () => vi.stubGlobal('BroadcastChannel', undefined)],
    ['with a WebSocket of its own (demo, replay)', 'it plays a simulated or recorded connection', () => ({ WebSocket })],
    ['recording (a tap)', 'it records its own connection', () => ({ tap: (frame: string) => void frame })],
  ])('%s it opens its own connection and says why', async (_name, why, arrange) => {
    const s = scenario();
    const info = vi.spyOn(console, 'info');
    const source = new SharedEventSubSource({
      helix: new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0 }),
      userId: s.user,
      url: s.eventsub,
      subscriptions: [{ type: s.type, version: '1', condition: { broadcaster_user_id: s.user } }],
      backoff: new Backoff({ initialMs: 50, maxMs: 200, jitter: 0 }),
      ...arrange(),
    });
    sources.push(source);
    const received: EventSubNotification[] = [];
    source.addEventListener('notification', (e) => received.push(e.detail));
    source.start();
    await expect.poll(() => source.status.state, { timeout: 10_000 }).toBe('connected');
    expect(source.role).toBe('solo');
    expect(source.name).toBe('eventsub: not shared');
    expect(info).toHaveBeenCalledWith('[ovl:eventsub]', `EventSub is not shared with the other overlays: ${why}. This page opens its own connection.`);
    await commands.esNotify(s.type, { n: 1 });
    await expect.poll(() => received.map((r) => r.event.n)).toEqual([1]);
    source.stop();
    expect(source.role).toBeNull();
    await expect.poll(() => commands.esConnections(s.tag)).toEqual({ opened: 1, open: 0 });
  });
});

/**
 * Sources hidden in OBS (another scene, a BRB scene for ten minutes): Chromium wakes their
 * pages' timers once a second, after five minutes once a minute. Scaled down: an election of
 * 100 ms heartbeats and a 300 ms lease, on pages whose timers wake every 1.5 s, five leases.
 */
describe('SharedEventSubSource on hidden pages', () => {
  const WAKE_MS = 1500;
  const TIMING = [100, 300, 100] as const;
  const HIDDEN_FOR_MS = 3 * WAKE_MS;
  const heard = (page: OverlayPage) => page.eval<Record<string, number>>('({ ...window.election })');
  const hiddenFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  test.each([
    ['with Web Locks', undefined],
    ['over BroadcastChannel (OBS local-file mode)', 'channel'],
  ] as const)('%s: every page hidden keeps its one owner and one socket, nobody claims, each event arrives once', async (_how, election) => {
    const s = scenario();
    const open: OverlayPage[] = [];
    for (let i = 0; i < 3; i++) open.push(await s.open([s.type], { election, timing: TIMING, hiddenWake: WAKE_MS }));
    for (const page of open) await connected(page);
    const owner = await Promise.all(open.map(role));
    const before = await heard(open[0]!);
    await hiddenFor(HIDDEN_FOR_MS);
    expect(await Promise.all(open.map(role))).toEqual(owner);
    expect(await commands.esConnections(s.tag)).toEqual({ opened: 1, open: 1 });
    for (const page of open) expect(await page.eval('window.states')).toEqual(['connecting', 'connected']);
    const after = await heard(open[0]!);
    expect(after.claim ?? 0).toBe(before.claim ?? 0);
    // The owner's heartbeat kept its pace in the worker: far more leases than the page's wake-ups allow.
    if (election) expect((after.lease ?? 0) - (before.lease ?? 0)).toBeGreaterThan((3 * HIDDEN_FOR_MS) / WAKE_MS);
    for (const n of [1, 2]) await commands.esNotify(s.type, { n });
    for (const page of open) await expect.poll(() => numbers(page)).toEqual([1, 2]);
  });

  test("on the page's own throttled timers, as before the worker, the owner's heartbeat falls to the wake-ups", async () => {
    const s = scenario();
    const open: OverlayPage[] = [];
    for (let i = 0; i < 3; i++) open.push(await s.open([s.type], { election: 'channel', timing: TIMING, hiddenWake: WAKE_MS, pageTimers: true }));
    for (const page of open) await connected(page);
    const before = await heard(open[0]!);
    await hiddenFor(HIDDEN_FOR_MS);
    const after = await heard(open[0]!);
    // At most one heartbeat per wake-up, and the owner's answer to each claim of a follower whose
    // lease ran out meanwhile (measured: 9 leases, 6 claims; in the worker, 43 leases, no claim).
    const claims = (after.claim ?? 0) - (before.claim ?? 0);
    expect((after.lease ?? 0) - (before.lease ?? 0)).toBeLessThanOrEqual(HIDDEN_FOR_MS / WAKE_MS + 1 + claims);
  });
});
