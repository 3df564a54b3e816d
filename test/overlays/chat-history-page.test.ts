import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { uniqueChannel } from '../helpers/chat.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const chatUrl = (query: string) => `/overlays/chat/?${query}&emotes=&badges=&dev-chat=127.0.0.1:${fake.tmiPort}&dev-origin=${fake.httpOrigin}`;
const historyPath = (channel: string) => `/recent-messages/api/v2/recent-messages/${channel}`;
/** The lines of the recorded history the fake service answers, once the overlay drew them (test/fixtures/http/recent-messages.json). */
const RECORDED = ['hist-0001', 'hist-0005', 'hist-0006', 'hist-0007', 'hist-0008', 'hist-0009'];

const ids = () => page!.attr('ovl-chat', '[part~="line"]', 'data-id');
const historyIds = () => page!.attr('ovl-chat', '[part~="history"]', 'data-id');
const notes = async () => (await page!.text('ovl-status-panel', '.note')).join(' | ');
const joined = (channel: string) => expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);

describe('chat history on the chat page (history=N, fake recent-messages service)', () => {
  test('the recent history is drawn before live chat, without what moderators removed; the page stays transparent and error-free', async () => {
    const channel = uniqueChannel('hist');
    page = await openPage(chatUrl(`channel=${channel}&history=50&debug`));
    await expect.poll(historyIds, { timeout: 10_000 }).toEqual(RECORDED);
    await joined(channel);
    await commands.tmiPush(channel, [privmsg(channel, 'live after the reload', { id: 'live-1' })]);
    await expect.poll(ids).toEqual([...RECORDED, 'live-1']);
    // One request, for this channel, with the limit asked for.
    expect((await commands.httpRequests(historyPath(channel))).map((r) => r.url)).toEqual([`${historyPath(channel)}?limit=50`]);
    expect((await page.text('ovl-chat', '[data-id="hist-0005"] [part~="notice-text"]'))[0]).toMatch(/subscribed/);
    expect(await notes()).toContain(`history #${channel}: 6 lines shown, from recent-messages.robotty.de`);
    // The history's ROOMSTATE and NOTICE lines were not live ones: one chip, connected, no card.
    expect(await page.attr('ovl-status-panel', '[part="chip"]', 'data-state')).toEqual(['connected']);
    expect(await page.eval('document.querySelector("ovl-setup-card")')).toBeNull();
    expect(await page.eval('getComputedStyle(document.body).backgroundColor')).toBe('rgba(0, 0, 0, 0)');
    // Twitch's emote images are out of reach here by design (tests never reach a Twitch host).
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
  });

  test('off by default: no request is made', async () => {
    const channel = uniqueChannel('hist');
    page = await openPage(chatUrl(`channel=${channel}`));
    await joined(channel);
    await commands.tmiPush(channel, [privmsg(channel, 'just live', { id: 'live-1' })]);
    await expect.poll(ids).toEqual(['live-1']);
    expect(await commands.httpRequests('/recent-messages/')).not.toContainEqual(expect.objectContaining({ url: expect.stringContaining(channel) }));
  });

  test('history first: a live copy of a history line is not drawn again, even once the history line has left the screen', async () => {
    const channel = uniqueChannel('hist');
    page = await openPage(chatUrl(`channel=${channel}&history=50&max-messages=3`));
    await expect.poll(historyIds, { timeout: 10_000 }).toEqual(['hist-0007', 'hist-0008', 'hist-0009']);
    await joined(channel);
    await commands.tmiPush(channel, [privmsg(channel, 'the newest line before the reload', { id: 'hist-0009' }), privmsg(channel, 'one', { id: 'live-1' })]);
    await expect.poll(ids).toEqual(['hist-0008', 'hist-0009', 'live-1']);
    await commands.tmiPush(channel, [privmsg(channel, 'two', { id: 'live-2' }), privmsg(channel, 'three', { id: 'live-3' })]);
    await expect.poll(ids).toEqual(['live-1', 'live-2', 'live-3']);
    // hist-0009 is off screen now: only the source remembers that the history showed it.
    await commands.tmiPush(channel, [privmsg(channel, 'the newest line before the reload', { id: 'hist-0009' }), privmsg(channel, 'four', { id: 'live-4' })]);
    await expect.poll(ids).toEqual(['live-2', 'live-3', 'live-4']);
  });

  test('live first: a line that came live before the history is not drawn again by it', async () => {
    const channel = uniqueChannel('hist');
    const answer = JSON.parse(
      JSON.stringify({ messages: [privmsg(channel, 'said just before the reload', { id: 'edge-1', extraTags: { historical: '1', 'rm-received-ts': '1700000000000' } })], error: null, error_code: null }),
    );
    // The service answers late (within the 2 s the page waits); meanwhile the same line arrives live.
    await commands.httpScript('GET', historyPath(channel), [{ status: 200, body: answer, delayMs: 1500 }]);
    page = await openPage(chatUrl(`channel=${channel}&history=50&debug`));
    await joined(channel);
    await commands.tmiPush(channel, [privmsg(channel, 'said just before the reload', { id: 'edge-1' })]);
    await expect.poll(ids).toEqual(['edge-1']);
    await expect.poll(notes, { timeout: 5000 }).toContain(`history #${channel}: 0 lines shown`);
    expect(await ids()).toEqual(['edge-1']);
    expect(await historyIds()).toEqual([]);
  });

  test('a timeout or a deletion in the history removes what it names, even lines the service did not mark deleted', async () => {
    const channel = uniqueChannel('hist');
    const historical = (at: number) => ({ historical: '1', 'rm-received-ts': String(at) });
    const line = (id: string, login: string, userId: string, at: number) => privmsg(channel, `${login} says ${id}`, { id, login, userId, extraTags: historical(at) });
    const messages = [
      line('kept-1', 'regular', '9001', 1_700_000_001_000),
      line('gone-1', 'troll', '9002', 1_700_000_002_000),
      line('gone-2', 'troll', '9002', 1_700_000_003_000),
      line('gone-3', 'regular', '9001', 1_700_000_004_000),
      `@ban-duration=60;historical=1;rm-received-ts=1700000005000;room-id=1;target-user-id=9002;tmi-sent-ts=1700000004990 :tmi.twitch.tv CLEARCHAT #${channel} :troll`,
      `@historical=1;login=regular;rm-received-ts=1700000006000;room-id=;target-msg-id=gone-3;tmi-sent-ts=1700000005990 :tmi.twitch.tv CLEARMSG #${channel} :regular says gone-3`,
      // What the troll says after the timeout ran out is theirs to say.
      line('kept-2', 'troll', '9002', 1_700_000_070_000),
    ];
    await commands.httpScript('GET', historyPath(channel), [{ status: 200, body: { messages, error: null, error_code: null } }]);
    page = await openPage(chatUrl(`channel=${channel}&history=50`));
    await expect.poll(historyIds, { timeout: 10_000 }).toEqual(['kept-1', 'kept-2']);
  });

  test('a channel that opted out, an error, a malformed answer and a timeout show nothing on stream, only a ?debug note; live chat goes on at once', async () => {
    const optedOut = uniqueChannel('optedout');
    page = await openPage(chatUrl(`channel=${optedOut}&history=50`));
    await joined(optedOut);
    await commands.tmiPush(optedOut, [privmsg(optedOut, 'live', { id: 'live-1' })]);
    await expect.poll(ids).toEqual(['live-1']);
    expect(await commands.httpRequests(historyPath(optedOut))).toHaveLength(1);
    // On stream: the live line and nothing else, no card, no panel.
    expect(await page.eval('document.querySelector("ovl-setup-card") || document.querySelector("ovl-status-panel")')).toBeNull();
    await page.close();
    page = await openPage(chatUrl(`channel=${optedOut}&history=50&debug`));
    await expect.poll(notes, { timeout: 6000 }).toContain(`history #${optedOut}: none (the channel opted out of the service)`);
    await page.close();

    for (const [script, reason] of [
      [{ status: 503, body: { status: 503, status_message: 'Service Unavailable', error: 'Service Unavailable', error_code: 'service_unavailable' } }, /HTTP 503/],
      [{ status: 200, rawBody: '<html>oops</html>' }, /not JSON/],
      [{ status: 200, body: { messages: [], error: null, error_code: null }, delayMs: 4000 }, /within 2000 ms/],
    ] as const) {
      const channel = uniqueChannel('hist');
      await commands.httpScript('GET', historyPath(channel), [script]);
      page = await openPage(chatUrl(`channel=${channel}&history=50&debug`));
      await joined(channel);
      // Live chat does not wait for the history: this line is drawn while the request is out.
      await commands.tmiPush(channel, [privmsg(channel, 'live', { id: 'live-1' })]);
      await expect.poll(ids).toEqual(['live-1']);
      await expect.poll(notes, { timeout: 6000 }).toMatch(new RegExp(`history #${channel}: none \\(.*${reason.source}`));
      expect(await page.eval('document.querySelector("ovl-setup-card")')).toBeNull();
      expect(await page.attr('ovl-status-panel', '[part="chip"]', 'data-state')).toEqual(['connected']);
      await page.close();
    }
    page = undefined;

    const notJoined = uniqueChannel('newchan');
    page = await openPage(chatUrl(`channel=${notJoined}&history=50&debug`));
    await expect.poll(notes, { timeout: 6000 }).toMatch(/none \(the service had not followed this channel yet/);
    expect(await page.eval('document.querySelector("ovl-setup-card")')).toBeNull();
  });

  test('channel=a,b: one request per channel, the histories merged by time above live chat', async () => {
    const [first, second] = [uniqueChannel('hist'), uniqueChannel('costream')];
    page = await openPage(chatUrl(`channel=${first},${second}&history=20`));
    await expect
      .poll(historyIds, { timeout: 10_000 })
      .toEqual(['hist-0001', 'cost-0001', 'hist-0005', 'cost-0002', 'hist-0006', 'hist-0007', 'hist-0008', 'cost-0003', 'hist-0009']);
    expect(await page.attr('ovl-chat', '[part~="history"]', 'data-channel')).toEqual([first, second, first, second, first, first, first, second, first]);
    for (const channel of [first, second]) expect(await commands.httpRequests(historyPath(channel))).toHaveLength(1);
  });

  test('viewer strings in a history line or a live line stay text; an emote id no Twitch emote has makes no request', async () => {
    const channel = uniqueChannel('hist');
    page = await openPage(chatUrl(`channel=${channel}&history=50`));
    await expect.poll(historyIds, { timeout: 10_000 }).toEqual(RECORDED);
    await joined(channel);
    await commands.tmiPush(channel, [
      privmsg(channel, '<img src=x onerror=alert(3)> Kappa Kappa', { id: 'live-crafted', displayName: '<i>Live</i>', emotes: '25?y=2:29-33/..:35-39' }),
    ]);
    await expect.poll(ids).toContain('live-crafted');
    const elementsIn = (id: string) =>
      page!.eval<string[]>(`[...document.querySelector('ovl-chat').shadowRoot.querySelectorAll('[data-id="${id}"] *')].map((e) => e.tagName)`);
    for (const id of ['hist-0008', 'live-crafted']) expect(await elementsIn(id)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(IMG|SCRIPT|B|I)$/)]));
    expect((await page.text('ovl-chat', '[data-id="hist-0008"] [part~="message"]'))[0]).toBe('<img src=x onerror=alert(1)> Kappa <script>alert(2)</script>');
    expect((await page.text('ovl-chat', '[data-id="hist-0008"] [part~="name"]'))[0]).toBe('<b>Crafty</b> (crafty)');
    expect((await page.text('ovl-chat', '[data-id="live-crafted"] [part~="name"]'))[0]).toBe('<i>Live</i> (viewer)');
    // The other lines' Kappa was requested by its real id; nothing with a crafted one.
    const emoteRequests = (await page.requests()).filter((url) => url.includes('/emoticons/'));
    expect(emoteRequests.length).toBeGreaterThan(0);
    for (const url of emoteRequests) expect(url).toMatch(/^https:\/\/static-cdn\.jtvnw\.net\/emoticons\/v2\/\w+\/default\/dark\/[\d.]+$/);
  });

  test('?record marks the history as such, and ?replay draws it as history again', async () => {
    const channel = uniqueChannel('hist');
    page = await openPage(chatUrl(`channel=${channel}&history=50&record&debug`));
    await expect.poll(historyIds, { timeout: 10_000 }).toEqual(RECORDED);
    await joined(channel);
    await commands.tmiPush(channel, [privmsg(channel, 'recorded live', { id: 'live-1' })]);
    await expect.poll(ids).toEqual([...RECORDED, 'live-1']);
    const file = await page.eval<string>('document.querySelector("ovl-status-panel").recorder.toBlob().text()');
    const frames = file.trim().split('\n').slice(1).map((line) => JSON.parse(line) as { via: string; data: string });
    expect(frames.filter((frame) => frame.via === 'chat-history')).toHaveLength(1);
    expect(frames.find((frame) => frame.via === 'chat-history')!.data.split('\r\n')).toHaveLength(14);
    expect(frames.filter((frame) => frame.via === 'chat' && frame.data.includes('historical=1'))).toEqual([]);
    await page.close();

    const dataUrl = encodeURIComponent(`data:application/x-ndjson;charset=utf-8,${encodeURIComponent(file)}`);
    page = await openPage(`/overlays/chat/?replay=${dataUrl}&replay-speed=10&debug`);
    await expect.poll(ids, { timeout: 5000 }).toEqual([...RECORDED, 'live-1']);
    expect(await historyIds()).toEqual(RECORDED);
    await expect.poll(notes, { timeout: 5000 }).toMatch(/replay: finished/);
  });
});
