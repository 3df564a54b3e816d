import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import type { ChatSource } from '../../../src/sources/tmi/chat-source.js';
import type { EmotePart } from '../../../src/domain/message-parts.js';
import { fakeChat, nextEvent, uniqueChannel, untilState } from '../../helpers/chat.js';
import { privmsg } from '../../../src/simulator/tmi-lines.js';
import { TmiTransport } from '../../../src/sources/tmi/tmi-transport.js';
import { parseIrcLine } from '../../../src/sources/tmi/irc-message.js';
import { fake } from '../../helpers/fake-servers.js';
import { emoteCodes } from '../../helpers/parts.js';
import { EmoteLookup } from '../../../src/chat-lookups/emotes/emote-lookup.js';

const sources: ChatSource[] = [];
function track(source: ChatSource): ChatSource {
  sources.push(source);
  return source;
}
afterEach(() => {
  for (const source of sources.splice(0)) source.stop();
});

async function joined(channel: string, options: Parameters<typeof fakeChat>[1] = {}): Promise<ChatSource> {
  const chat = track(fakeChat(channel, options));
  chat.start();
  await untilState(chat, 'connected');
  return chat;
}

describe('ChatSource against the fake TMI server', () => {
  test('logs in anonymously as justinfan and joins the channel', async () => {
    const channel = uniqueChannel();
    const chat = await joined(channel);
    const sent = await commands.tmiSent(channel);
    expect(sent).toContain('CAP REQ :twitch.tv/tags twitch.tv/commands');
    expect(sent).toContain('PASS SCHMOOPIIE');
    expect(sent.find((l) => l.startsWith('NICK '))).toMatch(/^NICK justinfan\d+$/);
    expect(sent).toContain(`JOIN #${channel}`);
    expect(chat.channelId).toMatch(/^\d+$/);
    expect(chat.canSend).toBe(false);
    await expect(chat.send('hi')).rejects.toMatchObject({ code: 'auth' });
  });

  test('emits a normalised message with emotes counted in code points', async () => {
    const channel = uniqueChannel();
    const chat = await joined(channel);
    const message = nextEvent(chat, 'message');
    await commands.tmiPush(channel, [privmsg(channel, '👉 <3 hi', { emotes: '483:2-3', displayName: 'Some\u00a0One' })]);
    const m = await message;
    expect(m.text).toBe('👉 <3 hi');
    const emote = m.parts.find((p): p is EmotePart => p.type === 'emote');
    expect(emote).toMatchObject({ id: '483', code: '<3', provider: 'twitch' });
    expect(m.user.displayName).toBe('Some\u00a0One');
  });

  test('third-party emotes are split out as a line is read, from the channel it was sent in; a line read before the table came keeps its parts', async () => {
    const channel = uniqueChannel();
    const chat = await joined(channel);
    const early = nextEvent(chat, 'message');
    await commands.tmiPush(channel, [privmsg(channel, 'catJAM early', { roomId: '' })]);
    expect((await early).parts).toEqual([{ type: 'text', text: 'catJAM early' }]);
    const emotes = new EmoteLookup();
    emotes.setChannel(chat.channelId, 'bttv', [{ provider: 'bttv', id: 'b1', code: 'catJAM', url: 'https://cdn.test/catJAM' }]);
    emotes.setChannel('4242', '7tv', [{ provider: '7tv', id: 's1', code: 'peepo', url: 'https://cdn.test/peepo' }]);
    chat.emotes = emotes;
    // No room-id: the line is the joined channel's.
    const own = nextEvent(chat, 'message');
    await commands.tmiPush(channel, [privmsg(channel, 'catJAM peepo', { roomId: '' })]);
    expect(emoteCodes((await own).parts)).toEqual(['catJAM']);
    const shared = nextEvent(chat, 'message');
    await commands.tmiPush(channel, [privmsg(channel, 'catJAM peepo', { roomId: chat.channelId, extraTags: { 'source-room-id': '4242' } })]);
    expect(emoteCodes((await shared).parts)).toEqual(['peepo']);
  });

  test('reads every line of a multi-line frame, in order', async () => {
    const channel = uniqueChannel();
    const chat = await joined(channel);
    const texts: string[] = [];
    chat.addEventListener('message', (e) => texts.push(e.detail.text));
    const third = nextEvent(chat, 'message', (m) => m.text === 'three');
    await commands.tmiPush(channel, [privmsg(channel, 'one'), privmsg(channel, 'two'), privmsg(channel, 'three')], true);
    await third;
    expect(texts).toEqual(['one', 'two', 'three']);
  });

  test('emits deletions, timeouts, bans and clears', async () => {
    const channel = uniqueChannel();
    const chat = await joined(channel);
    const events: string[] = [];
    for (const type of ['delete', 'clear-user', 'clear'] as const) chat.addEventListener(type, (e) => events.push(JSON.stringify(e.detail)));
    const last = nextEvent(chat, 'clear');
    await commands.tmiPush(channel, [
      `@login=spammer;room-id=12345;target-msg-id=abc-123;tmi-sent-ts=1 :tmi.twitch.tv CLEARMSG #${channel} :buy followers`,
      `@ban-duration=600;room-id=12345;target-user-id=777;tmi-sent-ts=2 :tmi.twitch.tv CLEARCHAT #${channel} :spammer`,
      `@room-id=12345;target-user-id=778;tmi-sent-ts=3 :tmi.twitch.tv CLEARCHAT #${channel} :troll`,
      `@room-id=12345;tmi-sent-ts=4 :tmi.twitch.tv CLEARCHAT #${channel}`,
    ]);
    await last;
    expect(events.map((e) => JSON.parse(e))).toEqual([
      expect.objectContaining({ type: 'delete', messageId: 'abc-123', login: 'spammer', text: 'buy followers' }),
      expect.objectContaining({ type: 'clear-user', userId: '777', login: 'spammer', durationSeconds: 600 }),
      expect.objectContaining({ type: 'clear-user', userId: '778', login: 'troll', durationSeconds: null }),
      expect.objectContaining({ type: 'clear', channel }),
    ]);
  });

  test('logs in with a token, sends, replies, and shows its own message locally', async () => {
    const channel = uniqueChannel();
    const chat = await joined(channel, { token: 'goodtoken', login: 'streamerbot' });
    expect(chat.canSend).toBe(true);
    const own = nextEvent(chat, 'message', (m) => m.self);
    await chat.send('hello\r\nJOIN #elsewhere');
    await chat.send('thanks!', { replyTo: 'abc-123' });
    const local = await own;
    expect(local).toMatchObject({ self: true, text: 'hello JOIN #elsewhere', user: { login: 'streamerbot', color: '#8A2BE2' } });
    await expect.poll(() => commands.tmiSent(channel)).toEqual(
      expect.arrayContaining(['PASS oauth:goodtoken', 'NICK streamerbot', `PRIVMSG #${channel} :hello JOIN #elsewhere`, `@reply-parent-msg-id=abc-123 PRIVMSG #${channel} :thanks!`]),
    );
    expect(await commands.tmiSent(channel)).not.toContain('JOIN #elsewhere');
  });

  test('a rejected token ends in an auth error instead of a reconnect loop', async () => {
    const channel = uniqueChannel();
    const chat = track(fakeChat(channel, { token: 'expired', login: 'someone' }));
    chat.start();
    await untilState(chat, 'error');
    expect(chat.lastError).toMatchObject({ code: 'auth', retryable: false });
    expect(chat.lastError?.message).toMatch(/Login authentication failed.*setup page/);
    const statesAfter: string[] = [];
    chat.addEventListener('status', (e) => statesAfter.push(e.detail.state));
    await new Promise((r) => setTimeout(r, 600)); // several reconnect delays of this test's 50–300 ms backoff
    expect(statesAfter).toEqual([]);
  });
});

describe('One parse per line', () => {
  test('through a real tmi.js connection, each received line is parsed exactly once, and tmi.js still answers PING', async () => {
    const channel = uniqueChannel();
    const parsed: string[] = [];
    const transport = new TmiTransport({
      channel,
      server: { host: '127.0.0.1', port: fake.tmiPort, secure: false },
      parse: (line) => {
        parsed.push(line);
        return parseIrcLine(line);
      },
    });
    const chat = await joined(channel, { transport });
    const loginLines = parsed.length;
    // CAP ACK, 001–004, 375, 372, 376, JOIN, 353, 366, ROOMSTATE (fake-tmi's anonymous login).
    expect(loginLines).toBe(12);
    expect(new Set(parsed).size).toBe(loginLines);

    const texts: string[] = [];
    chat.addEventListener('message', (e) => texts.push(e.detail.text));
    const last = nextEvent(chat, 'message', (m) => m.text === 'line 200');
    const lines = Array.from({ length: 200 }, (_, i) => privmsg(channel, `line ${i + 1}`, { id: `one-parse-${i}` }));
    await commands.tmiPush(channel, lines.slice(0, 100), true);
    await commands.tmiPush(channel, lines.slice(100));
    await last;
    expect(texts).toHaveLength(200);
    expect(parsed.slice(loginLines)).toEqual(lines);

    // tmi.js keeps the connection: it gets the PING (parsed by us, once) and answers it.
    await commands.tmiPush(channel, ['PING :tmi.twitch.tv']);
    await expect.poll(() => commands.tmiSent(channel), { timeout: 5000 }).toContain('PONG');
    expect(parsed.slice(loginLines + 200)).toEqual(['PING :tmi.twitch.tv']);
  });
});

describe('ChatSource faults', () => {
  test('reconnects after the server drops the socket and reads the next message', async () => {
    const channel = uniqueChannel();
    const chat = await joined(channel);
    const reconnecting = untilState(chat, 'reconnecting');
    await commands.tmiDrop(channel);
    await reconnecting;
    expect(chat.lastError).toMatchObject({ code: 'network', retryable: true });
    await untilState(chat, 'connected');
    expect(await commands.tmiJoinCount(channel)).toBe(2);
    const message = nextEvent(chat, 'message');
    await commands.tmiPush(channel, [privmsg(channel, 'still here')]);
    expect((await message).text).toBe('still here');
  });

  test('follows a server RECONNECT and rejoins', async () => {
    const channel = uniqueChannel();
    const chat = await joined(channel);
    await commands.tmiPush(channel, [':tmi.twitch.tv RECONNECT']);
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 5000 }).toBe(2);
    await untilState(chat, 'connected');
    const message = nextEvent(chat, 'message');
    await commands.tmiPush(channel, [privmsg(channel, 'after reconnect')]);
    expect((await message).text).toBe('after reconnect');
  });

  test('skips garbage and a 100 kB line, then reads the next valid message', async () => {
    const channel = uniqueChannel();
    const chat = await joined(channel);
    const message = nextEvent(chat, 'message', (m) => m.text === 'valid');
    await commands.tmiPush(
      channel,
      ['@@@', ':only-a-prefix', '\u0000\u0001garbage ☃', `PRIVMSG`, `@a=b :x PRIVMSG #${channel}`, privmsg(channel, 'x'.repeat(100_000)), privmsg(channel, 'valid')],
      true,
    );
    expect((await message).text).toBe('valid');
    // tmi.js silently discards some of these before we see them; the rest are counted, not thrown.
    expect(chat.stats.malformed).toBeGreaterThanOrEqual(1);
    expect(chat.status.state).toBe('connected');
  });

  test('the watchdog reconnects a connection that went silent', async () => {
    const channel = uniqueChannel();
    const chat = await joined(channel, { silenceTimeoutMs: 400 });
    await commands.tmiSilence(channel, true);
    await untilState(chat, 'reconnecting', 5000);
    expect(chat.lastError?.message).toMatch(/silent/);
    await commands.tmiSilence(channel, false);
    await untilState(chat, 'connected');
    expect(await commands.tmiJoinCount(channel)).toBeGreaterThanOrEqual(2);
  });

  test('a channel that is not a login is refused before anything connects; a pasted form is normalised', async () => {
    expect(() => fakeChat('foo bar\r\nPRIVMSG #victim :hello')).toThrowError(expect.objectContaining({ code: 'config' }));
    const channel = uniqueChannel();
    await joined(`@${channel.toUpperCase()}`);
    expect(await commands.tmiJoinCount(channel)).toBe(1);
  });

  test('start and stop are idempotent, and a stopped source can start again', async () => {
    const channel = uniqueChannel();
    const chat = track(fakeChat(channel));
    const states: string[] = [];
    chat.addEventListener('status', (e) => states.push(e.detail.state));
    chat.start();
    chat.start();
    await untilState(chat, 'connected');
    chat.stop();
    chat.stop();
    expect(chat.status.state).toBe('stopped');
    chat.start();
    await untilState(chat, 'connected');
    expect(states).toEqual(['connecting', 'connected', 'stopped', 'connecting', 'connected']);
  });
});
