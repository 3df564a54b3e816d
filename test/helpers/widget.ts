import { expect } from 'vitest';
import type { ReactiveElement } from 'lit';
import type { Schedule } from '../../src/core/schedule.js';
import type { EventKind, StreamEvent } from '../../src/domain/stream-event.js';
import { StreamEventSource } from '../../src/sources/eventsub/stream-event-source.js';
import { HelixClient } from '../../src/twitch/helix-client.js';
import { FIXTURE_CHANNEL_ID, TEST_CLIENT_ID, scopedToken } from './http.js';
import { ManualSchedule } from './manual-schedule.js';
import { fake, fakeTwitchEndpoints } from './fake-servers.js';

/** A live widget element (hype train, poll): it takes a schedule, a clock and a source of stream events. */
type Widget = ReactiveElement & { schedule: Schedule; clock: () => number; source?: unknown };

export interface WidgetOptions<E extends Widget> {
  readonly tag: string;
  readonly scopes: readonly string[];
  readonly kinds: readonly EventKind[];
  /** How an arriving event is written into `received`. */
  readonly describe: (event: StreamEvent) => string;
  readonly setup?: (element: E) => void;
}

const mounted: { element: Widget; source: StreamEventSource }[] = [];

/** Stops and removes what `mountWidget` made; call it after each test. */
export function unmountWidgets(): void {
  for (const { element, source } of mounted.splice(0)) {
    source.stop();
    element.remove();
  }
}

/**
 * A widget fed by the real StreamEventSource from the fake EventSub server, with its clock and
 * timer stepped by hand: `now` is what the element believes the time is.
 */
export async function mountWidget<E extends Widget>(options: WidgetOptions<E>) {
  const schedule = new ManualSchedule();
  const start = Date.parse('2026-11-28T12:00:00Z');
  let now = start;
  const source = new StreamEventSource({
    helix: new HelixClient({ token: scopedToken(options.scopes), clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints(), maxRetries: 0 }),
    userId: FIXTURE_CHANNEL_ID,
    scopes: options.scopes,
    kinds: options.kinds,
    url: fake.eventsubUrl,
  });
  const received: string[] = [];
  source.addEventListener('event', (e) => received.push(options.describe(e.detail)));
  const el = document.createElement(options.tag) as E;
  el.schedule = schedule.schedule;
  el.clock = () => now;
  options.setup?.(el);
  el.source = source;
  mounted.push({ element: el, source });
  document.body.append(el);
  source.start();
  await expect.poll(() => source.status.state, { timeout: 5000 }).toBe('connected');
  return {
    el,
    schedule,
    received,
    at: (seconds: number) => new Date(start + seconds * 1000).toISOString(),
    /** Waits until the source has handed on `count` events, then for the element's update. */
    async arrived(count: number) {
      await expect.poll(() => received.length, { timeout: 5000 }).toBe(count);
      await el.updateComplete;
    },
    /** Moves the element's clock to `seconds` after the start and lets its pending tick run. */
    async advanceTo(seconds: number) {
      now = start + seconds * 1000;
      schedule.runNext();
      await el.updateComplete;
    },
  };
}
