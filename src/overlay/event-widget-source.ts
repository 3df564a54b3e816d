import { SourceError } from '../core/errors.js';
import type { Source } from '../core/source.js';
import type { EventKind } from '../events/stream-event.js';
import { StreamEventSource } from '../sources/eventsub/stream-event-source.js';
import { EVENT_SCOPES, describeOff } from '../sources/eventsub/subscription-catalog.js';
import type { SimulatedEventSubOptions } from '../simulator/eventsub-simulator.js';
import { connectTwitch } from './connect-twitch.js';
import { noteEventOutcomes } from './event-notes.js';
import type { OverlayEnv } from './overlay-definition.js';

export interface EventWidgetOptions {
  /** The overlay's title, for the setup card. */
  readonly title: string;
  /** The broadcaster's token (ignored in `?demo` and `?replay`). */
  readonly token: string;
  /** The event kinds the widget shows. */
  readonly kinds: readonly EventKind[];
  /** How `?demo` plays them: a widget wants whole lifecycles, soon and at a watchable pace. */
  readonly demo: SimulatedEventSubOptions;
}

export interface EventWidgetSources {
  /** The stream events to show. */
  readonly events: StreamEventSource;
  /** Everything the boot starts and stops: the events and, live, the token's hourly watch. */
  readonly sources: readonly Source[];
}

/**
 * The stream events of a live widget (hype train, poll): the simulator in `?demo`, the
 * recording in `?replay`, else the broadcaster's EventSub through `StreamEventSource`,
 * recorded with `?record`. A token that can receive none of the kinds is a setup mistake:
 * the setup card names the scopes, instead of a quiet overlay.
 */
export async function eventWidgetSources(options: EventWidgetOptions, env: OverlayEnv): Promise<EventWidgetSources> {
  const { kinds } = options;
  if (env.demo || env.replay) {
    const [{ simulatedHelixClient }, { simulatedEventSubSocket }, { DEMO_USER }] = await Promise.all([
      import('../simulator/helix-simulator.js'),
      import('../simulator/eventsub-simulator.js'),
      import('../simulator/demo-channel.js'),
    ]);
    // A replay still needs Helix for its subscriptions: the simulated one answers.
    const helix = simulatedHelixClient(env.endpoints.twitch);
    const WebSocket = env.replay?.socket('eventsub') ?? simulatedEventSubSocket({ kinds, ...options.demo });
    const events = new StreamEventSource({ helix, userId: DEMO_USER.id, scopes: EVENT_SCOPES, kinds, WebSocket });
    return { events, sources: [events] };
  }
  const { validation, helix, watch } = await connectTwitch(options.token, env);
  const events = new StreamEventSource({ helix, userId: validation.userId, scopes: validation.scopes, kinds, url: env.endpoints.eventsub, tap: env.tap('eventsub') });
  if (events.plan.subscriptions.length === 0) {
    throw new SourceError('auth', `The ${options.title.toLowerCase()} cannot receive what it shows with this token: ${describeOff(events.plan.off)}. Make a new link on the setup page with "Connect with Twitch".`);
  }
  noteEventOutcomes(events, env);
  return { events, sources: [events, watch] };
}
