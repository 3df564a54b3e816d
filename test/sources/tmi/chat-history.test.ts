import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import type { ChatSource } from '../../../src/sources/tmi/chat-source.js';
import type { ChatMessage } from '../../../src/sources/tmi/chat-events.js';
import { ChatHistory, readHistory } from '../../../src/sources/tmi/chat-history.js';
import { fetchRecentMessages } from '../../../src/sources/tmi/recent-messages.js';
import { EmoteLookup } from '../../../src/chat-lookups/emotes/emote-lookup.js';
import { clearmsg, privmsg, timeout } from '../../../src/simulator/tmi-lines.js';
import { fakeChat, nextEvent, uniqueChannel, untilState } from '../../helpers/chat.js';
import { fake } from '../../helpers/fake-servers.js';
import { emoteCodes, partsText } from '../../helpers/parts.js';

const endpoint = `${fake.httpOrigin}/recent-messages/api/v2`;

/** What the fake recent-messages service answers for `channel`, from the recorded fixtures. */
async function recorded(channel: string, limit = 100): Promise<readonly string[]> {
  const answer = await fetchRecentMessages(channel, { limit, endpoint, timeoutMs: 2000 });
  if (!answer.ok) throw new Error(answer.reason);
  return answer.lines;
}

const sources: ChatSource[] = [];
afterEach(() => {
  for (const source of sources.splice(0)) source.stop();
});

async function joined(channel: string): Promise<{ source: ChatSource; history: ChatHistory }> {
  const source = fakeChat(channel);
  sources.push(source);
  const history = new ChatHistory(source, { limit: 100 });
  source.start();
  await untilState(source, 'connected');
  return { source, history };
}

describe('reading a recent-messages answer', () => {
  test('keeps the lines, leaves out what moderators removed, reads no ROOMSTATE or NOTICE, times lines by rm-received-ts', async () => {
    const channel = uniqueChannel('hist');
    const lines = readHistory(await recorded(channel), { channel, limit: 100 });
    expect(lines.map((line) => line.id)).toEqual(['hist-0001', 'hist-0005', 'hist-0006', 'hist-0007', 'hist-0008', 'hist-0009']);
    expect(lines.map((line) => line.type)).toEqual(['message', 'notice', 'message', 'message', 'message', 'message']);
    expect(lines.map((line) => line.sentAt)).toEqual([1000, 4000, 5000, 6000, 7000, 9000].map((ms) => 1_700_000_000_000 + ms));
    // Read by the live parser: Twitch emotes, badges, the resub and the reply as live chat has them.
    const [first, resub, reply] = lines as [ChatMessage, ...ChatMessage[]];
    expect(emoteCodes(first.parts)).toEqual(['Kappa']);
    expect(first.badges).toEqual([{ set: 'subscriber', version: '12' }]);
    expect(resub).toMatchObject({ type: 'notice', details: { kind: 'resub', cumulativeMonths: 12 }, text: 'a year here PogChamp' });
    expect(reply).toMatchObject({ reply: { messageId: 'hist-0001', user: { login: 'earlyviewer' } } });
  });

  test('an emote id no Twitch emote has stays text; markup stays text', async () => {
    const channel = uniqueChannel('hist');
    const crafted = readHistory(await recorded(channel), { channel, limit: 100 }).find((line) => line.id === 'hist-0008') as ChatMessage;
    expect(emoteCodes(crafted.parts)).toEqual([]);
    expect(partsText(crafted.parts)).toBe('<img src=x onerror=alert(1)> Kappa <script>alert(2)</script>');
    expect(crafted.user.displayName).toBe('<b>Crafty</b>');
  });

  test('third-party emotes are split out with the table the source has', async () => {
    const channel = uniqueChannel('hist');
    const raw = await recorded(channel);
    const roomId = await commands.tmiRoomId(channel);
    const emotes = new EmoteLookup();
    emotes.setChannel(roomId, 'bttv', [{ provider: 'bttv', id: 'b1', code: 'catJAM', url: 'https://cdn.test/catJAM' }]);
    const line = readHistory(raw, { channel, limit: 100, emotes }).find((l) => l.id === 'hist-0007')!;
    expect(emoteCodes(line.parts)).toEqual(['catJAM']);
  });

  test('a CLEARCHAT of the whole chat removes every line before it; the limit keeps the newest; another channel\'s lines are not this one\'s', () => {
    const channel = 'histclear';
    const at = (ms: number) => ({ extraTags: { historical: '1', 'rm-received-ts': String(ms) } });
    const lines = readHistory(
      [
        privmsg(channel, 'before the clear', { id: 'a', ...at(1) }),
        `@historical=1;rm-received-ts=2;room-id=1 :tmi.twitch.tv CLEARCHAT #${channel}`,
        privmsg(channel, 'one', { id: 'b', ...at(3) }),
        privmsg('otherchannel', 'not ours', { id: 'x', ...at(4) }),
        privmsg(channel, 'two', { id: 'c', ...at(5) }),
        privmsg(channel, 'three', { id: 'd', ...at(6) }),
      ],
      { channel, limit: 2 },
    );
    expect(lines.map((line) => line.id)).toEqual(['c', 'd']);
  });
});

describe('fetching the recent-messages service', () => {
  test('asks for the channel and the limit', async () => {
    const channel = uniqueChannel('hist');
    expect(await recorded(channel, 30)).toHaveLength(14);
    expect((await commands.httpRequests(`/recent-messages/api/v2/recent-messages/${channel}`)).map((r) => r.url)).toEqual([`/recent-messages/api/v2/recent-messages/${channel}?limit=30`]);
  });

  test('an opted-out channel, a channel not joined yet, errors and a timeout each come back as a reason, never a rejection', async () => {
    const fetch = (channel: string, timeoutMs = 2000) => fetchRecentMessages(channel, { limit: 50, endpoint, timeoutMs });
    expect(await fetch(uniqueChannel('optedout'))).toEqual({ ok: false, reason: 'the channel opted out of the service' });
    expect(await fetch(uniqueChannel('newchan'))).toEqual({ ok: false, reason: expect.stringContaining('not followed this channel yet') });
    const broken = uniqueChannel('hist');
    const path = `/recent-messages/api/v2/recent-messages/${broken}`;
    await commands.httpScript('GET', path, [
      { status: 500, body: { status: 500, status_message: 'Internal Server Error', error: 'Internal Server Error', error_code: 'internal_server_error' } },
      { status: 200, rawBody: '{"messages": [' },
      { status: 200, body: { messages: 'nope', error: null, error_code: null } },
      { status: 200, body: { messages: [], error: null, error_code: null }, delayMs: 1500 },
    ]);
    expect(await fetch(broken)).toEqual({ ok: false, reason: expect.stringContaining('HTTP 500') });
    expect(await fetch(broken)).toEqual({ ok: false, reason: expect.stringContaining('not JSON') });
    expect(await fetch(broken)).toEqual({ ok: false, reason: 'the service sent no list of messages' });
    expect(await fetch(broken, 200)).toEqual({ ok: false, reason: expect.stringContaining('within 200 ms') });
  });
});

describe('a history against live chat (ChatHistory on a ChatSource, fake TMI server)', () => {
  const historyOf = (source: ChatSource) => nextEvent(source, 'history');

  test('history first: a live copy of a history line is held back, however late; other live lines pass', async () => {
    const channel = uniqueChannel('hist');
    const { source, history } = await joined(channel);
    const shown = historyOf(source);
    history.show(await recorded(channel));
    expect((await shown).map((line) => line.id)).toContain('hist-0009');
    const live: string[] = [];
    source.addEventListener('message', (e) => live.push(e.detail.id));
    await commands.tmiPush(channel, [privmsg(channel, 'the newest line before the reload', { id: 'hist-0009' }), privmsg(channel, 'new', { id: 'live-1' })]);
    await expect.poll(() => live).toEqual(['live-1']);
  });

  test('live first: the history leaves out what live chat showed, deleted or timed out before it came', async () => {
    const channel = uniqueChannel('hist');
    const roomId = await commands.tmiRoomId(channel);
    const { source, history } = await joined(channel);
    const live: string[] = [];
    source.addEventListener('message', (e) => live.push(e.detail.id));
    await commands.tmiPush(channel, [
      privmsg(channel, 'the newest line before the reload', { id: 'hist-0009', userId: '8009' }),
      clearmsg(channel, 'emoteviewer', 'hist-0007', 'catJAM EZ peepoHappy'),
      timeout(channel, roomId, 'replier', '8006', 60),
    ]);
    await expect.poll(() => live).toEqual(['hist-0009']);
    const shown = historyOf(source);
    history.show(await recorded(channel));
    expect((await shown).map((line) => line.id)).toEqual(['hist-0001', 'hist-0005', 'hist-0008']);
  });

  test('a historical ROOMSTATE, NOTICE or tos_ban never reaches the live path: the source is neither joined nor failed by them', async () => {
    const channel = uniqueChannel('hist');
    const source = fakeChat(channel);
    sources.push(source);
    const history = new ChatHistory(source, { limit: 100 });
    const events: string[] = [];
    for (const type of ['roomstate', 'server-notice', 'error'] as const) source.addEventListener(type, () => events.push(type));
    // Before start: nothing has joined, so a ROOMSTATE read as live would confirm a JOIN.
    history.show([
      `@historical=1;rm-received-ts=1;room-id=1;emote-only=0 :tmi.twitch.tv ROOMSTATE #${channel}`,
      `@historical=1;msg-id=tos_ban;rm-received-ts=2 :tmi.twitch.tv NOTICE #${channel} :This channel has been suspended.`,
    ]);
    expect(source.status.state).toBe('idle');
    expect(events).toEqual([]);
  });
});
