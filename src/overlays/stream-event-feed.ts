import { SourceError } from '../core/errors.js';
import { twitchSession, type TwitchSession } from '../boot/connect-twitch.js';
import { acceptTokenFor } from '../boot/accept-token.js';
import type { OverlayEnv } from '../boot/boot.js';
import type { Source } from '../core/source.js';
import { STREAM_STATE_KINDS, type EventKind } from '../domain/stream-event.js';
import type { HelixClient } from '../twitch/helix-client.js';
import { StreamEventSource } from '../sources/eventsub/stream-event-source.js';
import { EVENT_SCOPES, describeOff, needsScope } from '../sources/eventsub/subscription-catalog.js';
import type { OverlayEntry } from '../registry/overlay-entry.js';
import type { SimulatedEventSubOptions } from '../simulator/eventsub-simulator.js';
import { EventHistory } from '../sources/history/event-history.js';

/** The stream events an overlay shows, with the Helix client and channel they come from. */
export interface StreamEventFeed {
  readonly events: StreamEventSource;
  readonly helix: HelixClient;
  /** The broadcaster: the token's user, or the demo channel. */
  readonly userId: string;
  /** The broadcaster's login (the dock reads its chat). */
  readonly login: string;
  /** Everything the page starts and stops: the events and, live, the token's hourly watch. */
  readonly sources: readonly Source[];
  /** The channel's event history as it opens (see keepHistory); null under `?replay`, which neither reads nor writes it. */
  readonly history: Promise<EventHistory> | null;
}

/**
 * The stream going live or offline is no demo scene: a minute into a demo it would end the
 * demo's stream (the dock unhides chatters, the credits roll), and again every round.
 */
const NO_DEMO_SCENE = new Set<EventKind>(STREAM_STATE_KINDS);

/**
 * Connects an event overlay the way the alert box connects (alerts-overlay.ts): under `?demo`
 * the simulated EventSub and Helix, under `?replay` the recording's frames, else the token's
 * channel. A token missing a required scope of `entry`, or able to receive none of the wanted
 * kinds, is a setup mistake the card names. `?debug` tells which kinds are off and what Twitch
 * refused. Every page but a replay keeps the event history (keepHistory); the demo keeps the
 * demo channel's, apart from any streamer's.
 */
export async function connectStreamEvents(entry: OverlayEntry, token: string, kinds: readonly EventKind[], env: OverlayEnv, demo: SimulatedEventSubOptions = {}): Promise<StreamEventFeed> {
  if (env.demo || env.replay) {
    const [{ simulatedHelixClient }, { simulatedEventSubSocket }, { DEMO_USER }] = await Promise.all([
      import('../simulator/helix-simulator.js'),
      import('../simulator/eventsub-simulator.js'),
      import('../simulator/demo-channel.js'),
    ]);
    const helix = simulatedHelixClient(env.endpoints.twitch);
    const scenes = kinds.filter((kind) => !NO_DEMO_SCENE.has(kind));
    const events = new StreamEventSource({ helix, userId: DEMO_USER.id, scopes: EVENT_SCOPES, kinds, WebSocket: env.replay?.socket('eventsub') ?? simulatedEventSubSocket({ kinds: scenes, ...demo }) });
    return { events, helix, userId: DEMO_USER.id, login: DEMO_USER.login, sources: [events], history: env.replay ? null : keepHistory(events, EventHistory.open({ userId: DEMO_USER.id }), env) };
  }
  const validation = await acceptTokenFor(entry, token, env);
  return connectLiveEvents(entry, twitchSession(token, validation, env), kinds, env, EventHistory.open({ userId: validation.userId }));
}

/**
 * connectStreamEvents' live part, for a token already accepted with its scopes checked
 * (acceptTokenFor) and its user's history already opening: the label page does those first, to
 * draw from the history before this code has loaded.
 */
export function connectLiveEvents(entry: OverlayEntry, { validation, helix, watch }: TwitchSession, kinds: readonly EventKind[], env: OverlayEnv, history: Promise<EventHistory>): StreamEventFeed {
  const events = new StreamEventSource({ helix, userId: validation.userId, scopes: validation.scopes, kinds, url: env.endpoints.eventsub, tap: env.tap('eventsub') });
  const scoped = kinds.filter(needsScope);
  if (scoped.length > 0 && scoped.every((kind) => events.plan.off.some((o) => o.kind === kind))) {
    throw new SourceError('auth', `The ${entry.title.toLowerCase()} cannot receive what it shows with this token: ${describeOff(events.plan.off)}. Make a new link on the setup page with "Connect with Twitch".`);
  }
  noteOutcomes(events, env);
  return { events, helix, userId: validation.userId, login: validation.login, sources: [events, watch], history: keepHistory(events, history, env) };
}

/**
 * Takes the user's event history as it opens and, whenever this page holds the EventSub connection, stores
 * every event of the session in it (`session-event`): one writer per origin, whichever overlays
 * are open, so a handover or a relay never stores an event twice. The write waits neither for
 * the history to open nor for IndexedDB: the alert comes first. What keeps the history from
 * storing is said in `?debug`; the overlay runs live regardless.
 */
function keepHistory(events: StreamEventSource, opening: Promise<EventHistory>, env: OverlayEnv): Promise<EventHistory> {
  let said: string | null = null;
  const say = (history: EventHistory) => {
    if (history.problem === said) return;
    env.note(history.problem ? `history: off, ${history.problem}; events are shown live only` : 'history: storing events again', 'history');
    said = history.problem;
  };
  void opening.then(say);
  events.addEventListener('session-event', (e) => {
    const record = { event: e.detail.event, receivedAt: e.detail.receivedAt, origin: 'live', sessions: [e.detail.session] } as const;
    void opening.then(async (history) => {
      await history.add(record);
      say(history);
    });
  });
  return opening;
}

/** Tells `?debug` the page's part in the shared connection, what is off for want of a scope, what Twitch refused and what arrived unreadable. */
function noteOutcomes(source: StreamEventSource, env: OverlayEnv): void {
  // The part this page plays in the EventSub connection its overlays share: owner, follower or not shared.
  const notePart = () => env.note(source.eventsub.name, 'eventsub');
  source.eventsub.addEventListener('status', notePart);
  source.eventsub.addEventListener('role', notePart);
  if (source.plan.off.length > 0) env.note(`events off for want of a scope: ${describeOff(source.plan.off)}`, 'events-off');
  source.addEventListener('subscriptions', (e) => {
    const refused = e.detail.refused.map((r) => `${r.type} (${r.reason})`).join(', ');
    env.note(refused ? `Twitch refused: ${refused}` : `subscribed to ${e.detail.active.length} event types`, 'subscriptions');
  });
  let unreadable = 0;
  source.addEventListener('skipped', (e) => {
    if (!e.detail.duplicate) env.note(`skipped ${++unreadable} unreadable notifications (last: ${e.detail.reason})`, 'skipped');
  });
}
