import type { eventsSchema } from '../config/events-config.js';
import { eventsEntry } from '../registry/events.js';
import { ALERT_KINDS, type EventKind, type StreamEvent } from '../domain/stream-event.js';
import type { OverlayDefinition } from '../boot/boot.js';
import type { EventHistory } from '../sources/history/event-history.js';
import type { HistoryQuery } from '../sources/history/history-record.js';
import { isListed, withEvent, type EventRow, type RowOptions } from '../components/event-list/event-rows.js';
import { connectStreamEvents } from './stream-event-feed.js';
import { assignConfig } from './assign-config.js';
import '../components/event-list/ovl-event-list.js';

/**
 * The events the list showed before this page loaded, oldest first: the newest live ones it
 * lists, enough to fill its rows once folded as it folds them (a burst of follows is one row),
 * so that after a reload it looks as it did. Replays and tests made from the dock are left out:
 * they are no new events. A history that cannot be read gives none.
 */
async function listedBefore(history: EventHistory, options: RowOptions): Promise<StreamEvent[]> {
  const query: HistoryQuery = { origins: ['live'], where: (record) => isListed(record.event, options.kinds) };
  // One row more than shown: the oldest row read may be a burst cut short, and is not shown.
  const fold = (events: readonly StreamEvent[]) => events.reduce<readonly EventRow[]>((rows, event) => withEvent(rows, event, { ...options, max: options.max + 1 }), []);
  for (let count = options.max + 1; ; count *= 2) {
    const events = (await history.latest(count, query)).map((record) => record.event).reverse();
    if (events.length < count || fold(events).length > options.max) return events;
  }
}

/**
 * The event list: the latest stream events of the channel over EventSub, newest first, as a
 * sidebar or a one-line ticker; each kind only when the token carries its scope (`?debug`
 * names the ones that are off). It starts with the rows it had before a reload, from the event
 * history, before any new event arrives.
 */
export const eventsOverlay: OverlayDefinition<typeof eventsSchema> = {
  entry: eventsEntry,
  records: ['eventsub'],
  async build(config, env) {
    const kinds = config.kinds.length > 0 ? (config.kinds as EventKind[]) : ALERT_KINDS;
    // The demo fills the list faster than the alert box's demo, which waits for each alert.
    const { events, sources, history } = await connectStreamEvents(eventsEntry, config.token, kinds, env, { intervalMs: 1500 });
    const element = document.createElement('ovl-event-list');
    element.kinds = kinds;
    assignConfig(element, config, ['max', 'mode', 'followBurst']);
    element.style.setProperty('--ovl-events-font-size', `${config.fontSize}px`);
    element.style.setProperty('--ovl-events-ticker-duration', `${config.tickerSeconds}s`);
    if (history) for (const event of await listedBefore(await history, { kinds, max: config.max, followBurstMs: config.followBurst * 1000 })) element.add(event);
    element.source = events;
    return { sources, element };
  },
};
