import type { subathonSchema } from '../config/subathon-config.js';
import type { ConfigOf } from '../config/schema.js';
import { subathonEntry } from '../registry/subathon.js';
import type { OverlayDefinition } from '../boot/boot.js';
import type { EventKind, StreamEvent } from '../domain/stream-event.js';
import type { TimerCommand } from '../domain/widget-commands.js';
import type { HistoryRecord } from '../sources/history/history-record.js';
import { addTime, countEvent, newSubathon, pauseAt, resumeAt, startAt, type SubathonRates, type SubathonState } from '../components/subathon/subathon-clock.js';
import { SubathonStore, subathonKey } from '../components/subathon/subathon-store.js';
import type { ControlledParts } from './controlled-parts.js';
import { connectStreamEvents } from './stream-event-feed.js';
import '../components/subathon/ovl-subathon.js';

/** The events that can add time. */
const TIMER_KINDS: readonly EventKind[] = ['sub', 'resub', 'gift', 'cheer', 'follow', 'raid'];
const MINUTE = 60_000;
/** How far before the last event it saw a page back from a reload reads the history: the ids counted cover the overlap. */
const CATCH_UP_MS = 10_000;

function ratesOf(config: ConfigOf<typeof subathonSchema>): SubathonRates {
  return {
    tiers: [config.tier1 * MINUTE, config.tier2 * MINUTE, config.tier3 * MINUTE],
    gift: config.gift * MINUTE,
    bits100: config.bits100 * MINUTE,
    follow: config.follow * MINUTE,
    raid: config.raid * MINUTE,
    multiplier: config.multiplier,
    capMs: config.capHours * 60 * MINUTE,
    overtime: config.overtime,
  };
}

/**
 * Calls `lead` once this page is the one timer page of the origin and broadcaster that counts:
 * the first to ask holds a Web Lock until it closes, and the next takes over. Pages that read
 * each other's writes through `localStorage` can miss a write made a moment before in another
 * page, so two counting pages could count one event twice; one counting page cannot. Where Web
 * Locks are missing (OBS's local files, on plain http) every page counts, each skipping the ids
 * it finds stored. A replay's clock is its own, and it leads it at once. The lead ends with
 * `until`.
 */
function leadWhenFree(userId: string, alone: boolean, until: Promise<void>, lead: () => void): void {
  if (alone || typeof navigator === 'undefined' || !navigator.locks) return lead();
  void navigator.locks.request(`${subathonKey(userId)}:lead`, () => {
    lead();
    // Held until the overlay stops (or the page closes, when the browser lets go).
    return until;
  });
}

/** What the dock's timer command does to the state, at `now`. */
function obey(state: SubathonState, command: TimerCommand, lengthMs: number, now: number): SubathonState {
  switch (command.action) {
    case 'start':
      return startAt(state, now);
    case 'pause':
      return pauseAt(state, now);
    case 'resume':
      return resumeAt(state, now);
    case 'add':
      return addTime(state, command.minutes * MINUTE, command.id, now);
    case 'reset':
      // The ids stay counted: an event from before the reset must not come back from the history.
      return { ...newSubathon(lengthMs, now), counted: state.counted };
  }
}

/**
 * The subathon timer: a countdown that each qualifying event extends (subathon-clock.ts), its
 * state shared by every timer page of the origin in `localStorage`, so a reload, an OBS restart,
 * a second timer page or a change of connection owner neither counts an event twice nor resets
 * the clock. Back from a reload it reads from the event history what arrived meanwhile; it then
 * counts what the page receives and what other pages store. Only live events count: the dock's
 * replays and tests are in the history under their own origin and never reach it. The dock
 * starts, pauses, resumes, extends and resets it (`control`).
 */
export const subathonOverlay: OverlayDefinition<typeof subathonSchema> = {
  entry: subathonEntry,
  records: ['eventsub'],
  async build(config, env) {
    const feed = await connectStreamEvents(subathonEntry, config.token, TIMER_KINDS, env, { intervalMs: 5000, kinds: ['sub', 'gift', 'cheer', 'resub'] });
    const rates = ratesOf(config);
    const lengthMs = config.length * MINUTE;
    // A replay keeps its clock to itself: the streamer's timer is no recording's business.
    const store = new SubathonStore(subathonKey(feed.userId), () => (env.replay ? null : localStorage));
    const element = document.createElement('ovl-subathon');
    element.endingText = config.endingText;
    element.schedule = env.schedule;
    element.style.setProperty('--ovl-subathon-font-size', `${config.fontSize}px`);
    element.style.setProperty('--ovl-subathon-color', config.color);
    const show = (state: SubathonState) => {
      element.state = state;
      return state;
    };
    // Only the leading page counts and obeys the dock; the others draw what it stores.
    let leading = false;
    const count = (event: StreamEvent, at: number) => leading && show(store.update((state) => countEvent(state ?? newSubathon(lengthMs, at), event, at, rates).state));
    const live = (record: HistoryRecord) => record.origin === 'live' && TIMER_KINDS.includes(record.event.kind) && count(record.event, record.receivedAt);

    const stored = store.read();
    let state = show(store.update((found) => found ?? newSubathon(lengthMs, Date.now())));
    if (config.start === 'now') state = show(store.update((found) => startAt(found ?? state, Date.now())));
    if (store.problem) env.note(`subathon: ${store.problem}`, 'subathon-store');
    env.note(stored ? `subathon: carried on from the stored timer (${stored.phase})` : 'subathon: a new timer', 'subathon');
    const history = feed.history && (await feed.history);
    // What other pages store from now on: events of this session this page may not receive itself.
    history?.subscribe(live);
    feed.events.addEventListener('event', (e) => count(e.detail, Date.now()));
    store.watch(show);
    const stopped = new Promise<void>((done) =>
      feed.events.addEventListener('status', () => {
        if (feed.events.status.state !== 'stopped') return;
        leading = false;
        done();
      }),
    );
    leadWhenFree(feed.userId, Boolean(env.replay), stopped, async () => {
      leading = true;
      env.note('subathon: this page counts the events (the other timer pages show its clock)', 'subathon-lead');
      // What arrived while no page was counting: this page away for a reload, or the last leader closing.
      const from = (store.read() ?? state).seenUntil - (stored ? CATCH_UP_MS : 0);
      if (history) for (const record of await history.since(from, { origins: ['live'], kinds: TIMER_KINDS })) live(record);
    });

    const parts: ControlledParts = {
      sources: feed.sources,
      element,
      control(message) {
        if (message.kind === 'timer' && leading) show(store.update((found) => obey(found ?? newSubathon(lengthMs, Date.now()), message, lengthMs, Date.now())));
      },
    };
    return parts;
  },
};
