import type { eventsSchema } from '../config/events-config.js';
import { eventsEntry } from '../registry/events.js';
import { EVENT_KINDS, type EventKind } from '../domain/stream-event.js';
import type { OverlayDefinition } from '../boot/boot.js';
import { connectStreamEvents } from './stream-event-feed.js';
import { assignConfig } from './assign-config.js';
import '../components/event-list/ovl-event-list.js';

/**
 * The event list: the latest stream events of the channel over EventSub, newest first, as a
 * sidebar or a one-line ticker; each kind only when the token carries its scope (`?debug`
 * names the ones that are off).
 */
export const eventsOverlay: OverlayDefinition<typeof eventsSchema> = {
  entry: eventsEntry,
  records: ['eventsub'],
  async build(config, env) {
    const kinds = config.kinds.length > 0 ? (config.kinds as EventKind[]) : EVENT_KINDS;
    // The demo fills the list faster than the alert box's demo, which waits for each alert.
    const { events, sources } = await connectStreamEvents(eventsEntry, config.token, kinds, env, { intervalMs: 1500 });
    const element = document.createElement('ovl-event-list');
    element.kinds = kinds;
    assignConfig(element, config, ['max', 'mode', 'followBurst']);
    element.style.setProperty('--ovl-events-font-size', `${config.fontSize}px`);
    element.style.setProperty('--ovl-events-ticker-duration', `${config.tickerSeconds}s`);
    element.source = events;
    return { sources, element };
  },
};
