import { afterEach, describe, expect, test } from 'vitest';
import { chatFixture, type ChatFixture } from '../helpers/chat-element.js';
import { clearmsg, privmsg, timeout } from '../../src/simulator/tmi-lines.js';
import { ChatHistory } from '../../src/sources/tmi/chat-history.js';
import { ChatSource } from '../../src/sources/tmi/chat-source.js';
import { ScriptedTransport } from '../../src/simulator/scripted-transport.js';
import { MergedChatFeed } from '../../src/components/chat/merged-chat-feed.js';
import type { OvlChat } from '../../src/components/chat/ovl-chat.js';
import '../../src/components/chat/ovl-chat.js';
import { untilState } from '../helpers/chat.js';

let fixture: ChatFixture | undefined;
const cleanups: (() => void)[] = [];
afterEach(() => {
  fixture?.dispose();
  fixture = undefined;
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A line as the recent-messages service keeps it: tagged historical, with the time it was received. */
const old = (channel: string, id: string, receivedAt: number, options: Parameters<typeof privmsg>[2] = {}) =>
  privmsg(channel, `${id} text`, { id, ...options, extraTags: { historical: '1', 'rm-received-ts': String(receivedAt), ...options.extraTags } });

const ids = (lines: readonly HTMLElement[]) => lines.map((line) => line.dataset.id);
const parts = (line: HTMLElement) => line.getAttribute('part');

describe('<ovl-chat> history', () => {
  test('a history is drawn in one frame, above the live lines that came first, marked `history`, without the entry animation', async () => {
    fixture = await chatFixture((element) => (element.animateEntry = true));
    const history = new ChatHistory(fixture.source, { limit: 100 });
    await fixture.push(privmsg(fixture.channel, 'live before the history', { id: 'live-1' }));
    history.show([old(fixture.channel, 'h-1', 1000), old(fixture.channel, 'h-2', 2000), old(fixture.channel, 'h-3', 3000)]);
    // The first history loads the module that draws it, then every line comes in one frame.
    await expect.poll(() => fixture!.lines().length).toBeGreaterThan(1);
    const lines = fixture.lines();
    expect(ids(lines)).toEqual(['h-1', 'h-2', 'h-3', 'live-1']);
    expect(lines.map(parts)).toEqual(['line history', 'line history', 'line history', 'line']);
    expect(lines.map((line) => getComputedStyle(line).animationDuration)).toEqual(['0s', '0s', '0s', '0.16s']);
    await fixture.push(privmsg(fixture.channel, 'live after it', { id: 'live-2' }));
    expect(ids(fixture.lines())).toEqual(['h-1', 'h-2', 'h-3', 'live-1', 'live-2']);
  });

  test('the histories of several channels are merged by time, above live chat, whichever comes first', async () => {
    const element = document.createElement('ovl-chat') as OvlChat;
    element.style.height = '600px';
    const feeds = ['first', 'second'].map((channel, i) => {
      const transport = new ScriptedTransport(channel, String(100 + i));
      const source = new ChatSource({ channel, transport });
      return { channel, transport, source, history: new ChatHistory(source, { limit: 100 }) };
    });
    element.source = new MergedChatFeed(feeds.map((feed) => feed.source));
    document.body.append(element);
    cleanups.push(() => element.remove(), ...feeds.map((feed) => () => feed.source.stop()));
    for (const feed of feeds) feed.source.start();
    await Promise.all(feeds.map((feed) => untilState(feed.source, 'connected')));
    const [first, second] = feeds as [(typeof feeds)[0], (typeof feeds)[0]];
    const lines = () => [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="line"]')];
    first.transport.push(privmsg('first', 'live', { id: 'live-1' }));
    second.history.show([old('second', 's-1', 1500), old('second', 's-2', 4000)]);
    await expect.poll(() => ids(lines())).toEqual(['s-1', 's-2', 'live-1']);
    first.history.show([old('first', 'f-1', 1000), old('first', 'f-2', 2000), old('first', 'f-3', 5000)]);
    await expect.poll(() => ids(lines())).toEqual(['f-1', 's-1', 'f-2', 's-2', 'f-3', 'live-1']);
  });

  test('the oldest history lines leave first once the list is full', async () => {
    fixture = await chatFixture((element) => (element.maxMessages = 3));
    const history = new ChatHistory(fixture.source, { limit: 100 });
    await fixture.push(privmsg(fixture.channel, 'live', { id: 'live-1' }));
    history.show([old(fixture.channel, 'h-1', 1), old(fixture.channel, 'h-2', 2), old(fixture.channel, 'h-3', 3)]);
    await expect.poll(() => ids(fixture!.lines())).toEqual(['h-2', 'h-3', 'live-1']);
    await fixture.push(privmsg(fixture.channel, 'live', { id: 'live-2' }));
    expect(ids(fixture.lines())).toEqual(['h-3', 'live-1', 'live-2']);
  });

  test('a live deletion or timeout removes a history line on screen; bots and commands stay hidden in the history too', async () => {
    fixture = await chatFixture((element) => (element.hideBots = ['nightbot']));
    const history = new ChatHistory(fixture.source, { limit: 100 });
    history.show([
      old(fixture.channel, 'h-1', 1, { login: 'deleted' }),
      old(fixture.channel, 'h-2', 2, { login: 'timedout', userId: '77' }),
      old(fixture.channel, 'h-3', 3, { login: 'nightbot' }),
      old(fixture.channel, 'h-4', 4, { login: 'stays' }),
    ]);
    await expect.poll(() => ids(fixture!.lines())).toEqual(['h-1', 'h-2', 'h-4']);
    await fixture.push(clearmsg(fixture.channel, 'deleted', 'h-1', 'h-1 text'), timeout(fixture.channel, '100000001', 'timedout', '77', 60));
    expect(ids(fixture.lines())).toEqual(['h-4']);
  });

  test('while OBS hides the source a history waits, and is drawn when shown', async () => {
    fixture = await chatFixture((element) => (element.paused = true));
    new ChatHistory(fixture.source, { limit: 100 }).show([old(fixture.channel, 'h-1', 1)]);
    await fixture.element.updateComplete;
    expect(fixture.lines()).toEqual([]);
    fixture.element.paused = false;
    await expect.poll(() => ids(fixture!.lines())).toEqual(['h-1']);
  });
});
