import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { Recorder } from '../../src/replay/recorder.js';
import { Replay } from '../../src/replay/replay.js';
import { decodeRecording, type Recording } from '../../src/replay/recording.js';
import { ChatSource } from '../../src/sources/tmi/chat-source.js';
import type { ChatEvent } from '../../src/sources/tmi/chat-events.js';
import { HeatSource } from '../../src/sources/heat/heat-source.js';
import type { HeatClick } from '../../src/sources/heat/heat-click.js';
import { EventSubSource, type EventSubNotification } from '../../src/sources/eventsub/eventsub-source.js';
import { HelixClient } from '../../src/twitch/helix-client.js';
import { simulatedHelixClient } from '../../src/simulator/helix-simulator.js';
import { clearmsg, privmsg, timeout, usernotice } from '../../src/simulator/tmi-lines.js';
import type { Source } from '../../src/core/source.js';
import { fakeChat, uniqueChannel } from '../helpers/chat.js';
import { FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID } from '../helpers/http.js';
import { fake, fakeTwitchEndpoints } from '../helpers/fake-servers.js';

const running: Source[] = [];
afterEach(() => running.splice(0).forEach((source) => source.stop()));
function started<T extends Source>(source: T): T {
  running.push(source);
  source.start();
  return source;
}

async function saved(recorder: Recorder): Promise<Recording> {
  const decoded = decodeRecording(await recorder.toBlob().text());
  if (!decoded.ok) throw new Error(decoded.reason);
  return decoded.recording;
}

const CHAT_EVENTS = ['message', 'notice', 'delete', 'clear-user'] as const;
function chatEvents(source: ChatSource): ChatEvent[] {
  const events: ChatEvent[] = [];
  for (const type of CHAT_EVENTS) source.addEventListener(type, (e) => events.push(e.detail as ChatEvent));
  return events;
}

describe('record a live session, replay it through the same parsers', () => {
  test('chat: the replay gives the same messages, notices and deletions, in order', async () => {
    const channel = uniqueChannel('rec');
    const recorder = new Recorder('chat', channel);
    const live = started(fakeChat(channel, { tap: recorder.tap('chat') }));
    const liveEvents = chatEvents(live);
    await expect.poll(() => live.status.state, { timeout: 10_000 }).toBe('connected');
    const doomed = privmsg(channel, 'this one gets deleted', { login: 'oops', id: 'doomed-1' });
    await commands.tmiPush(channel, [
      privmsg(channel, 'hello Kappa 🎉', { login: 'alice', emotes: '25:6-10' }),
      doomed,
      usernotice(channel, { msgId: 'raid', login: 'raider', systemMsg: '15 raiders from Raider have joined!', params: { viewerCount: '15' } }),
      clearmsg(channel, 'oops', 'doomed-1', 'this one gets deleted'),
      timeout(channel, '12345', 'alice', '5001', 600),
    ]);
    await expect.poll(() => liveEvents.length, { timeout: 5000 }).toBe(5);
    live.stop();

    const recording = await saved(recorder);
    // Everything the socket carried, login included, not only what became an event.
    expect(recording.frames.some((f) => / 376 /.test(f.data))).toBe(true);
    const replay = new Replay(recording, 50);
    const replayed = started(new ChatSource({ channel, transport: replay.chatTransport() }));
    const replayedEvents = chatEvents(replayed);
    await expect.poll(() => replayedEvents.length, { timeout: 5000 }).toBe(5);
    expect(replayedEvents).toEqual(liveEvents);
    expect(replayed.status.state).toBe('connected');
  });

  test('heat: the same clicks, garbage still counted', async () => {
    const channelId = String(700_000 + Math.floor(Math.random() * 99_999));
    const recorder = new Recorder('heatmap', channelId);
    const clicksOf = (source: HeatSource) => {
      const clicks: HeatClick[] = [];
      source.addEventListener('click', (e) => clicks.push(e.detail));
      return clicks;
    };
    const live = started(new HeatSource({ channelId, url: fake.heatUrl, tap: recorder.tap('heat') }));
    const liveClicks = clicksOf(live);
    await expect.poll(() => live.status.state, { timeout: 5000 }).toBe('connected');
    await commands.heatSend(channelId, ['{"type":"click","id":"A1","x":0.1,"y":0.2}', 'garbage', '{"type":"click","id":"U2","x":"0.9","y":"0.8"}']);
    await expect.poll(() => liveClicks.length).toBe(2);
    live.stop();

    const replay = new Replay(await saved(recorder), 50);
    const replayed = started(new HeatSource({ channelId, WebSocket: replay.socket('heat') }));
    const replayedClicks = clicksOf(replayed);
    await expect.poll(() => replayedClicks.length).toBe(2);
    const strip = (clicks: HeatClick[]) => clicks.map(({ eventTime: _time, ...rest }) => rest);
    expect(strip(replayedClicks)).toEqual(strip(liveClicks));
    expect(replayed.rejected).toBe(1);
  });

  test('eventsub: notifications across a server-requested reconnect replay once each, subscriptions made again', async () => {
    const type = `test.replay.${Math.random().toString(36).slice(2, 8)}`;
    const recorder = new Recorder('alerts', 'x');
    const subscriptions = [{ type, version: '1', condition: { broadcaster_user_id: FIXTURE_CHANNEL_ID } }];
    const notificationsOf = (source: EventSubSource) => {
      const received: EventSubNotification[] = [];
      source.addEventListener('notification', (e) => received.push(e.detail));
      return received;
    };
    const live = started(
      new EventSubSource({
        helix: new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints() }),
        subscriptions,
        url: fake.eventsubUrl,
        tap: recorder.tap('eventsub'),
      }),
    );
    const liveReceived = notificationsOf(live);
    await expect.poll(() => live.status.state, { timeout: 5000 }).toBe('connected');
    await commands.esNotify(type, { n: 1 });
    await expect.poll(() => liveReceived.length).toBe(1);
    const firstSession = live.session;
    await commands.esReconnect();
    await expect.poll(() => live.session !== firstSession && live.status.state === 'connected', { timeout: 5000 }).toBe(true);
    await commands.esNotify(type, { n: 2 });
    await expect.poll(() => liveReceived.length).toBe(2);
    live.stop();

    const replay = new Replay(await saved(recorder), 20);
    const replayed = started(new EventSubSource({ helix: simulatedHelixClient(fakeTwitchEndpoints()), subscriptions, WebSocket: replay.socket('eventsub') }));
    const replayedReceived = notificationsOf(replayed);
    await expect.poll(() => replayedReceived.map((n) => n.event), { timeout: 5000 }).toEqual([{ n: 1 }, { n: 2 }]);
    expect(replayedReceived).toEqual(liveReceived);
  });
});

describe('Replay timing', () => {
  const header = { format: 'ovl-recording', version: 1, overlay: 'heatmap', channel: '1', startedAt: '2026-11-22T00:00:00.000Z' } as const;
  const click = (n: number) => `{"type":"click","id":"A${n}","x":0.5,"y":0.5}`;

  test('a minute of recording at 600× is over in a fraction of the time; the end is reported once', async () => {
    let ends = 0;
    const replay = new Replay({ header, frames: [0, 20_000, 40_000, 60_000].map((t, n) => ({ t, via: 'heat' as const, data: click(n) })) }, 600, () => ends++);
    const source = started(new HeatSource({ channelId: '1', WebSocket: replay.socket('heat') }));
    const ids: string[] = [];
    source.addEventListener('click', (e) => ids.push(e.detail.userId));
    await expect.poll(() => ends, { timeout: 3000 }).toBe(1);
    expect(ids).toEqual(['A0', 'A1', 'A2', 'A3']);
  });

  test('frames due while no connection listens wait for the next one: a reconnect loses nothing', async () => {
    const replay = new Replay({ header, frames: [0, 50, 100, 150].map((t, n) => ({ t, via: 'heat' as const, data: click(n) })) }, 1);
    const Socket = replay.socket('heat');
    const received: string[] = [];
    const first = new Socket('replay://1');
    first.onmessage = (e) => {
      received.push(String(e.data));
      first.close();
    };
    await expect.poll(() => received.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toHaveLength(1);
    const second = new Socket('replay://1');
    second.onmessage = (e) => received.push(String(e.data));
    await expect.poll(() => received).toEqual([click(0), click(1), click(2), click(3)]);
    second.close();
  });
});
