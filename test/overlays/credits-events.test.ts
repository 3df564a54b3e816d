import { afterEach, describe, expect, test } from 'vitest';
import { EventHistory } from '../../src/sources/history/event-history.js';
import { CreditsEvents } from '../../src/overlays/credits-events.js';
import type { StreamEvent } from '../../src/domain/stream-event.js';
import { referenceEvent } from '../helpers/reference-event.js';
import { deleteHistories } from '../helpers/history.js';

/**
 * What the end credits roll from, on this page's real IndexedDB: the history's events of the
 * stream, with what the page received lately and what the history could not store.
 */
const opened: EventHistory[] = [];
afterEach(async () => {
  for (const history of opened.splice(0)) history.close();
  await deleteHistories();
});

let users = 0;
async function open(indexedDB?: null): Promise<EventHistory> {
  const history = await EventHistory.open({ userId: `credits-events-${++users}`, ...(indexedDB === null && { indexedDB }) });
  opened.push(history);
  return history;
}

const follow = (i: number, at: number) => referenceEvent('channel.follow', { user_id: String(1000 + i), user_login: `fan_${i}`, user_name: `Fan_${i}` }, at);
const stored = (history: EventHistory, event: StreamEvent, receivedAt = event.at) => history.add({ event, receivedAt, origin: 'live' });
const users_ = (events: readonly StreamEvent[]) => events.map((event) => ('user' in event ? event.user?.name : event.kind));

describe('CreditsEvents', () => {
  test('the stream’s stored events and what this page received lately, each once, in the order Twitch sent them; events before the start left out', async () => {
    const history = await open();
    const start = Date.now() - 60_000;
    await stored(history, follow(0, start - 1000));
    const [a, b, c] = [follow(1, start + 1000), follow(2, start + 2000), follow(3, start + 3000)];
    await stored(history, a);
    await stored(history, b);
    const events = new CreditsEvents(history, ['follow']);
    // Received live: b again (the history has it), and c, not stored yet.
    events.add(c);
    events.add(b);
    expect(users_(await events.since(start))).toEqual(['Fan_1', 'Fan_2', 'Fan_3']);
  });

  test('twelve hours of an event every 10 s, stored: the page holds ten minutes of them, and rolls every one', async () => {
    const history = await open();
    let now = Date.now() - 12 * 60 * 60_000;
    const start = now;
    const events = new CreditsEvents(history, ['follow'], () => now);
    const writes: Promise<void>[] = [];
    for (let i = 0; i < 12 * 360; i++) {
      now += 10_000;
      const event = follow(i, now);
      writes.push(stored(history, event));
      events.add(event);
    }
    await Promise.all(writes);
    expect(events.held).toBe(60);
    const all = await events.since(start);
    expect(all).toHaveLength(12 * 360);
    expect(users_(all.slice(0, 2))).toEqual(['Fan_0', 'Fan_1']);
  });

  test('where the history cannot store, what leaves the last ten minutes is kept for good; without a history every event is', async () => {
    const refused = await open(null);
    expect(refused.problem).toMatch(/no IndexedDB/);
    let now = Date.now();
    const events = new CreditsEvents(refused, ['follow'], () => now);
    for (let i = 0; i < 200; i++) {
      now += 10_000;
      events.add(follow(i, now));
    }
    expect(events.held).toBe(200);
    expect(await events.since(0)).toHaveLength(200);

    const alone = new CreditsEvents(null, ['follow']);
    for (let i = 0; i < 3; i++) alone.add(follow(i, now + i));
    expect(users_(await alone.since(0))).toEqual(['Fan_0', 'Fan_1', 'Fan_2']);
  });

  test('a new stream starts afresh: what the page kept of the last one goes', async () => {
    const events = new CreditsEvents(null, ['follow']);
    events.add(follow(1, Date.now()));
    events.clear();
    events.add(follow(2, Date.now()));
    expect(users_(await events.since(0))).toEqual(['Fan_2']);
  });
});
