import { afterEach, describe, expect, test } from 'vitest';
import { StreamEventSource } from '../../src/sources/eventsub/stream-event-source.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import { simulatedEventSubSocket } from '../../src/simulator/eventsub-simulator.js';
import { simulatedHelixClient } from '../../src/simulator/helix-simulator.js';
import { DEMO_USER } from '../../src/simulator/demo-channel.js';
import { EVENT_KINDS, type StreamEvent } from '../../src/domain/stream-event.js';
import { fakeTwitchEndpoints } from '../helpers/fake-servers.js';

let source: StreamEventSource | undefined;
afterEach(() => source?.stop());

describe('EventSub simulator', () => {
  test('plays every kind through the real client and normaliser, nothing skipped but Twitch’s own doubles', async () => {
    source = new StreamEventSource({
      helix: simulatedHelixClient(fakeTwitchEndpoints()),
      userId: DEMO_USER.id,
      scopes: EVENT_SCOPES,
      kinds: EVENT_KINDS,
      WebSocket: simulatedEventSubSocket({ intervalMs: 30, seed: 3 }),
    });
    const events: StreamEvent[] = [];
    const unreadable: string[] = [];
    source.addEventListener('event', (e) => events.push(e.detail));
    source.addEventListener('skipped', (e) => !e.detail.duplicate && unreadable.push(e.detail.reason));
    source.start();
    await expect.poll(() => new Set(events.map((e) => e.kind)).size, { timeout: 10_000 }).toBe(EVENT_KINDS.length);
    expect(unreadable).toEqual([]);
    // Every phase of the live kinds is played: hype train 3, poll 3, prediction 4, goal 3.
    await expect.poll(() => new Set(events.flatMap((e) => ('phase' in e ? [`${e.kind} ${e.phase}`] : []))).size, { timeout: 10_000 }).toBe(13);
    // A gift bomb is one gift event: its recipients never show up as subs.
    expect(events.filter((e) => e.kind === 'sub' && e.isGift)).toEqual([]);
  });

  test('a widget demo: the first scene at once, its phases spaced as asked, one whole lifecycle per scene', async () => {
    source = new StreamEventSource({
      helix: simulatedHelixClient(fakeTwitchEndpoints()),
      userId: DEMO_USER.id,
      scopes: EVENT_SCOPES,
      kinds: ['prediction'],
      WebSocket: simulatedEventSubSocket({ kinds: ['prediction'], firstMs: 0, stepMs: 20, intervalMs: 60_000 }),
    });
    const phases: string[] = [];
    source.addEventListener('event', (e) => e.detail.kind === 'prediction' && phases.push(e.detail.phase));
    source.start();
    await expect.poll(() => phases, { timeout: 5000 }).toEqual(['begin', 'progress', 'lock', 'end']);
  });
});
