import type { dockSchema } from '../config/dock-config.js';
import type { ConfigOf } from '../config/schema.js';
import { dockEntry } from '../registry/dock.js';
import { EVENT_KINDS, type AlertEvent } from '../domain/stream-event.js';
import type { OverlayDefinition, OverlayEnv } from '../boot/boot.js';
import type { Source } from '../core/source.js';
import { LruCache } from '../core/lru-cache.js';
import type { StreamEventSource } from '../sources/eventsub/stream-event-source.js';
import type { Schedule } from '../core/schedule.js';
import { ChatSource } from '../sources/tmi/chat-source.js';
import { ControlChannel } from '../sources/control/control-channel.js';
import { ControlStateStore, type ControlState } from '../sources/control/control-state.js';
import { PRESENCE_CHANNEL, type ChannelRef, type ControlCommand } from '../sources/control/control-protocol.js';
import { PING_MS, PageRoster, type RosterPage } from '../sources/control/page-roster.js';
import type { EventHistory } from '../sources/history/event-history.js';
import type { EventOrigin, HistoryRecord } from '../sources/history/history-record.js';
import { isListed } from '../components/event-list/event-rows.js';
import { DOCK_COMMAND } from '../components/dock/dock-command.js';
import type { OvlDock } from '../components/dock/ovl-dock.js';
import type { OvlDockChat } from '../components/dock/ovl-dock-chat.js';
import { connectStreamEvents } from './stream-event-feed.js';
import '../components/dock/ovl-dock.js';

type DockConfig = ConfigOf<typeof dockSchema>;

/**
 * The Activity feed: the history's last live events, then each live event as the dock's own
 * connection receives it, newest first (by Twitch's send time), at most `max`, each once (by
 * id: an event the history holds may come again live).
 */
async function keepFeed(dock: OvlDock, events: StreamEventSource, history: EventHistory | null, max: number): Promise<void> {
  const listed = new LruCache<string, true>(max * 2);
  const add = (records: readonly HistoryRecord[]) => {
    const fresh = records.filter((record) => !listed.has(record.event.id) && isListed(record.event, EVENT_KINDS));
    for (const record of fresh) listed.set(record.event.id, true);
    if (fresh.length > 0) dock.records = [...fresh, ...dock.records].sort((a, b) => b.event.at - a.event.at).slice(0, max);
  };
  const readHistory = async () => history && add(await history.latest(max, { origins: ['live'], where: (record) => isListed(record.event, EVENT_KINDS) }));
  // Read before the sources start (the boot starts them once the page is built): no live event comes first.
  await readHistory();
  events.addEventListener('event', (e) => add([{ event: e.detail, receivedAt: Date.now(), origin: 'live' }]));
  // What another page stored between that read and this page joining the connection came neither
  // live nor in the read: read again once joined.
  events.addEventListener('status', (e) => e.detail.state === 'connected' && void readHistory());
}

/**
 * The On-stream chat: the channel's chat read anonymously (the demo's simulated one), the lines
 * the chat overlays would show, so the streamer can take one off them.
 */
async function chatSection(login: string, env: OverlayEnv): Promise<{ element: OvlDockChat; source: ChatSource }> {
  await import('../components/dock/ovl-dock-chat.js');
  const simulator = env.demo ? new (await import('../simulator/chat-simulator.js')).ChatSimulator({ channel: login }) : null;
  const source = new ChatSource({ channel: login, server: env.endpoints.chat, transport: simulator?.transport });
  simulator?.attach(source);
  const element = document.createElement('ovl-dock-chat');
  element.slot = 'chat';
  source.addEventListener('message', (e) => element.add(e.detail));
  source.addEventListener('delete', (e) => element.removeLine(e.detail.messageId));
  source.addEventListener('clear-user', (e) => element.removeUser(e.detail.userId));
  return { element, source };
}

/**
 * The token's days left move this slowly: the Overlays section is redrawn for them once a
 * minute; while a connection is away, at each round, for the time it has been gone.
 */
const CLOCK_MS = 60_000;

const someAway = (pages: readonly RosterPage[]) => pages.some(({ report, gone }) => !gone && report.sources.some((source) => source.awaySince !== undefined));

/**
 * Pings the pages every PING_MS and redraws the Overlays section (and the chat's filters) from
 * their answers, only when what they say changed: each answer is a new object, and an idle dock
 * should cost next to nothing.
 */
function watchPages(dock: OvlDock, channel: ControlChannel, roster: PageRoster, chat: OvlDockChat | null, schedule: Schedule): void {
  let said = '';
  const round = () => {
    channel.post({ kind: 'ping' });
    const now = Date.now();
    const pages = roster.list(now);
    const saying = JSON.stringify([someAway(pages) ? now : Math.floor(now / CLOCK_MS), pages.map(({ report, gone }) => [report, gone])]);
    if (saying !== said) {
      said = saying;
      Object.assign(dock, { pages, now });
      const filters = pages.find((page) => !page.gone && page.report.chat)?.report.chat ?? null;
      if (chat && JSON.stringify(filters) !== JSON.stringify(chat.filters)) chat.filters = filters;
    }
    schedule(round, PING_MS);
  };
  round();
}

/**
 * The streamer's control dock, for an OBS Custom Browser Dock: it joins the channel's shared
 * EventSub connection like an overlay (and so keeps the event history when it holds it), lists
 * every event, and drives the open overlays of its origin over the control channel
 * (src/sources/control/). What the streamer sets (pause, mute, hide, hidden chatters) is kept in
 * the origin's storage, so an overlay opened later starts from it. Not hidden by Hide overlays.
 */
export const dockOverlay: OverlayDefinition<typeof dockSchema> = {
  entry: dockEntry,
  hideable: false,
  async build(config: DockConfig, env) {
    const { events, sources, history, userId, login } = await connectStreamEvents(dockEntry, config.token, EVENT_KINDS, env);
    // OBS keeps a dock open and in view while it runs: it takes the shared connection over (README, The control dock).
    events.eventsub.preferOwner = true;
    const broadcaster: ChannelRef = { id: userId, login };
    const store = new ControlStateStore(broadcaster);
    const roster = new PageRoster();
    const element = document.createElement('ovl-dock');
    element.sampleEvent = async (kind) => (await import('../simulator/sample-event.js')).sampleEvent(kind);
    const chat = config.chat && !env.replay ? await chatSection(login, env) : null;
    if (chat) element.append(chat.element);

    let state = store.read();
    const show = (next: ControlState) => {
      state = next;
      Object.assign(element, { paused: state.paused, muted: state.muted, overlaysHidden: state.hidden });
      if (chat) chat.element.hiddenUsers = new Set(state.hiddenUsers.map((user) => user.userId));
    };
    show(state);
    // Another dock (a second OBS profile's, a browser tab) changed the state.
    store.onChange(show);
    // The pages' presence reports, open for the page's life like the control channel.
    new ControlChannel(broadcaster, (message) => message.kind === 'presence' && roster.heard(message, Date.now()), PRESENCE_CHANNEL);
    const channel = new ControlChannel(broadcaster, (message) => {
      if (message.kind === 'alert-state') show({ ...state, paused: message.paused, muted: message.muted });
      else if (message.kind === 'hide') show({ ...state, hidden: message.hidden });
    });

    const opened = history ? await history : null;
    let serial = 0;
    /** A replay or a test, stored apart from live events (no goal, counter or total counts it), under an id of its own. */
    const asked = (event: AlertEvent, origin: EventOrigin): AlertEvent => {
      const copy = { ...event, id: `${origin}:${event.id}:${Date.now().toString(36)}-${++serial}` };
      void opened?.add({ event: copy, receivedAt: Date.now(), origin });
      return copy;
    };
    const change = (next: ControlState) => {
      show(next);
      store.write(next);
    };
    const obey = (command: ControlCommand): ControlCommand => {
      if (command.kind === 'replay' || command.kind === 'test') return { ...command, event: asked(command.event, command.kind) };
      if (command.kind === 'alert-state') change({ ...state, paused: command.paused, muted: command.muted });
      else if (command.kind === 'hide') change({ ...state, hidden: command.hidden });
      else if (command.kind === 'chat-hide-user') change({ ...state, hiddenUsers: [...state.hiddenUsers, { userId: command.userId, login: command.login, at: Date.now() }] });
      return command;
    };
    element.addEventListener(DOCK_COMMAND, (e) => channel.post(obey(e.detail)));
    // Hide this user lasts until the stream ends (HIDDEN_USER_MS bounds it when no dock heard the end).
    events.addEventListener('event', (e) => {
      if (e.detail.kind !== 'stream-offline' || state.hiddenUsers.length === 0) return;
      change({ ...state, hiddenUsers: [] });
      channel.post({ kind: 'chat-unhide-users' });
    });

    await keepFeed(element, events, opened, config.feed);
    watchPages(element, channel, roster, chat?.element ?? null, env.schedule);
    const all: readonly Source[] = chat ? [...sources, chat.source] : sources;
    return { sources: all, element };
  },
};
