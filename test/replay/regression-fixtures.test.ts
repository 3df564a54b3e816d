import { afterEach, expect, test } from 'vitest';
import pajlada from '../fixtures/recordings/pajlada-chat.jsonl?raw';
import { decodeRecording } from '../../src/replay/recording.js';
import { Replay } from '../../src/replay/replay.js';
import { ChatSource } from '../../src/sources/tmi/chat-source.js';
import type { ChatEvent } from '../../src/sources/tmi/chat-events.js';

let source: ChatSource | undefined;
afterEach(() => source?.stop());

/**
 * A recording is a regression fixture: replay it through the real pipeline and compare with
 * the stored outcome. This one is real Twitch lines from #pajlada (from the peer corpus) in
 * session order; a change to parsing shows up as a snapshot diff to review.
 */
test('the #pajlada recording replays to the same chat events', async () => {
  const decoded = decodeRecording(pajlada);
  if (!decoded.ok) throw new Error(decoded.reason);
  let ended = false;
  const replay = new Replay(decoded.recording, 100, () => (ended = true));
  source = new ChatSource({ channel: decoded.recording.header.channel, transport: replay.chatTransport() });
  const events: ChatEvent[] = [];
  for (const type of ['message', 'notice', 'delete', 'clear-user', 'clear'] as const) source.addEventListener(type, (e) => events.push(e.detail as ChatEvent));
  source.start();
  await expect.poll(() => ended, { timeout: 5000 }).toBe(true);

  // Every chat line of the recording became exactly one event.
  const commands = decoded.recording.frames.map((f) => / (PRIVMSG|USERNOTICE|CLEARMSG|CLEARCHAT) #/.exec(f.data)?.[1]).filter(Boolean);
  expect(events).toHaveLength(commands.length);
  expect(source.stats.malformed).toBe(0);
  expect(events).toMatchSnapshot();
});
