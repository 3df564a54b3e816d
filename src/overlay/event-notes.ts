import type { StreamEventSource } from '../sources/eventsub/stream-event-source.js';
import { describeOff } from '../sources/eventsub/subscription-catalog.js';
import type { OverlayEnv } from './overlay-definition.js';

/** Tells `?debug` which kinds are off, what Twitch refused and what arrived unreadable. */
export function noteEventOutcomes(events: StreamEventSource, env: OverlayEnv): void {
  if (events.plan.off.length > 0) env.note(`events off for want of a scope: ${describeOff(events.plan.off)}`, 'events-off');
  events.addEventListener('subscriptions', (e) => {
    const refused = e.detail.refused.map((r) => `${r.type} (${r.reason})`).join(', ');
    env.note(refused ? `Twitch refused: ${refused}` : `subscribed to ${e.detail.active.length} event types`, 'subscriptions');
  });
  let unreadable = 0;
  events.addEventListener('skipped', (e) => {
    if (!e.detail.duplicate) env.note(`skipped ${++unreadable} unreadable notifications (last: ${e.detail.reason})`, 'skipped');
  });
}
