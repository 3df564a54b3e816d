import type { creditsSchema } from '../config/credits-config.js';
import type { ConfigOf } from '../config/schema.js';
import { creditsEntry } from '../registry/credits.js';
import type { OverlayDefinition, OverlayEnv } from '../boot/boot.js';
import type { EventKind, StreamEvent } from '../domain/stream-event.js';
import { ChatSource } from '../sources/tmi/chat-source.js';
import { pageStorage } from '../core/page-storage.js';
import { CreditsRoll, type CreditsSectionName } from '../components/credits/credits-rows.js';
import { ChatterStore, chattersKey } from '../components/credits/chatter-store.js';
import { leavesOut } from '../components/chat/line-filter.js';
import type { ControlledParts } from './controlled-parts.js';
import { connectStreamEvents } from './stream-event-feed.js';
import { CreditsEvents } from './credits-events.js';
import { streamStart } from './stream-start.js';
import '../components/credits/ovl-credits.js';

type CreditsConfig = ConfigOf<typeof creditsSchema>;

const CREDIT_KINDS: readonly EventKind[] = ['follow', 'sub', 'resub', 'gift', 'cheer', 'raid'];

/** Demo names, one of each section's kinds a few times over, from the simulator's payloads; their viewers are the demo's chatters. */
async function demoEvents(): Promise<StreamEvent[]> {
  const [{ sampleEvent }, { seededRandom }] = await Promise.all([import('../simulator/sample-event.js'), import('../simulator/random.js')]);
  const random = seededRandom(21);
  return Array.from({ length: 8 }, () => CREDIT_KINDS.map((kind) => sampleEvent(kind, random))).flat();
}

/**
 * The `chatters` section: the channel's chat read anonymously (as the dock's On-stream chat
 * reads it), each speaker once, bots (`hide-bots`) left out as the chat overlay leaves out their
 * lines, kept in the origin's storage for this stream (ChatterStore). Null under `?replay`,
 * which rolls its EventSub recording alone, and in the demo, whose chatters are its supporters.
 */
function watchChatters(login: string, userId: string, config: CreditsConfig, env: OverlayEnv): { source: ChatSource; store: ChatterStore } | null {
  if (!config.sections.includes('chatters') || env.demo || env.replay) return null;
  const store = new ChatterStore(chattersKey(userId), pageStorage());
  const source = new ChatSource({ channel: login, server: env.endpoints.chat });
  source.addEventListener('message', (e) => {
    const { user } = e.detail;
    if (!leavesOut(e.detail, { hideBots: config.hideBots, hideCommands: false })) store.add({ id: user.id, name: user.displayName, at: Date.now() });
  });
  return { source, store };
}

/**
 * End credits: this stream's followers, subs, gifters, cheerers, raiders and, when asked,
 * chatters, read from the event history (and the chatters' store) each time they roll, on the
 * `roll` parameter, on the dock's Roll credits (`control`), or on EventSub's `stream.offline`.
 * Only live events count: the dock's replays and tests are in the history under their own origin.
 * `stream.online` starts "this stream" afresh (a page left open from last night).
 */
export const creditsOverlay: OverlayDefinition<typeof creditsSchema> = {
  entry: creditsEntry,
  records: ['eventsub'],
  async build(config, env) {
    const kinds: readonly EventKind[] = [...CREDIT_KINDS, 'stream-online', ...(config.rollOffline ? (['stream-offline'] as const) : [])];
    // The demo stream stays live: it plays the supporters only.
    const feed = await connectStreamEvents(creditsEntry, config.token, kinds, env, { intervalMs: 3000, kinds: CREDIT_KINDS });
    // A replay rolls its recording alone, and the demo its own names: neither reads the history.
    const events = new CreditsEvents(feed.history && !env.demo ? await feed.history : null, CREDIT_KINDS);
    const chatters = watchChatters(feed.login, feed.userId, config, env);
    // EventSub tells of a change, never of the state: a page opened mid-stream asks Helix once when it began.
    let since = env.demo || env.replay ? 0 : await streamStart(feed.helix, feed.userId, env);
    chatters?.store.begin(since);
    if (env.demo) for (const event of await demoEvents()) events.add(event);

    const element = document.createElement('ovl-credits');
    element.speed = config.speed;
    element.loop = config.loop || env.demo;
    element.style.setProperty('--ovl-credits-font-size', `${config.fontSize}px`);
    element.style.setProperty('--ovl-credits-color', config.color);
    const start = async () => {
      const roll = new CreditsRoll();
      const supporters = await events.since(since);
      for (const event of supporters) roll.add(event);
      // The demo's chatters are its supporters.
      for (const chatter of chatters?.store.list() ?? (env.demo ? supporters.flatMap((event) => ('user' in event && event.user ? [event.user] : [])) : [])) roll.addChatter(chatter);
      element.sections = roll.sectionsFor(config.sections as CreditsSectionName[], config.titles);
      env.note(`credits: rolling ${element.sections.map((s) => `${s.rows.length} ${s.name}`).join(', ') || 'no names'}`, 'credits');
      element.roll();
    };
    feed.events.addEventListener('event', (e) => {
      const event = e.detail;
      if (event.kind === 'stream-online') {
        env.note(`this stream: since ${new Date(event.startedAt).toISOString()} (went live)`, 'stream-start');
        since = event.startedAt;
        events.clear();
        chatters?.store.begin(event.startedAt);
      } else if (event.kind === 'stream-offline') {
        // A replay plays its recorded end whatever `roll-offline` says.
        if (!config.rollOffline) return;
        env.note('the stream went offline: rolling the credits', 'credits-offline');
        void start();
      } else events.add(event);
    });
    // A replay's names are all there once its recording has played and its last event is read (a task later).
    if (config.roll && env.replay) void env.replay.finished.then(() => env.schedule(() => void start(), 0));
    else if (config.roll || env.demo) await start();

    const parts: ControlledParts = {
      sources: chatters ? [...feed.sources, chatters.source] : feed.sources,
      element,
      control(message) {
        if (message.kind === 'credits-roll') void start();
      },
    };
    return parts;
  },
};
