import type { labelSchema } from '../config/label-config.js';
import { labelEntry } from '../registry/label.js';
import type { OverlayDefinition, OverlayEnv } from '../boot/boot.js';
import { SourceError } from '../core/errors.js';
import { createLogger } from '../core/logger.js';
import type { EventHistory } from '../sources/history/event-history.js';
import { getBitsLeaderboard, type LeaderboardPeriod } from '../twitch/bits-leaderboard.js';
import type { StreamEventFeed } from './stream-event-feed.js';
import { DEFAULT_TEMPLATES, LABEL_EVENT_KINDS, LabelTally, type LabelKind } from '../components/label/label-tally.js';
import { connectStreamEvents } from './stream-event-feed.js';
import { currentGoal } from './current-goal.js';
import { streamStart } from './stream-start.js';
import { assignConfig } from './assign-config.js';
import '../components/label/ovl-label.js';

const log = createLogger('label');

/** The Bits leaderboard period each leaderboard label reads. */
const LEADERBOARDS: Partial<Record<LabelKind, LeaderboardPeriod>> = {
  'top-cheerer-week': 'week',
  'top-cheerer-month': 'month',
  'top-cheerer-all-time': 'all',
};

/** The label entry as a leaderboard label needs it: without `bits:read` Twitch will not say who leads. */
const leaderboardEntry = {
  ...labelEntry,
  scopes: labelEntry.scopes.map((need) => (need.scope === 'bits:read' ? { ...need, required: true, why: 'reads your Bits leaderboard, the top cheerers of the week, month and all time' } : need)),
};

/**
 * Twitch's Bits leaderboard for `period`. Without `bits:read` (Twitch answers 401 "Missing
 * scope") the streamer must make a new link: the setup card says so. Another failure leaves the
 * label to the cheers that arrive, and is said in `?debug`.
 */
async function seedLeaderboard(tally: LabelTally, period: LeaderboardPeriod, feed: StreamEventFeed, env: OverlayEnv): Promise<void> {
  try {
    const entries = await getBitsLeaderboard(feed.helix, period);
    tally.seedLeaderboard(entries);
    env.note(entries[0] ? `Bits leaderboard (${period}): ${entries[0].name} leads with ${entries[0].score}` : `Bits leaderboard (${period}): nobody has cheered`, 'leaderboard');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SourceError && error.code === 'auth') {
      log.error(`could not read the Bits leaderboard: ${message}`);
      throw error;
    }
    env.note(`could not read the Bits leaderboard: ${message}`, 'leaderboard');
  }
}

/**
 * What the label showed before this page loaded, from the event history (live events only):
 * the latest events of its kinds, or every one of this stream (since Helix's `started_at`).
 */
async function seedFromHistory(tally: LabelTally, history: EventHistory, feed: StreamEventFeed, env: OverlayEnv): Promise<void> {
  const kinds = LABEL_EVENT_KINDS[tally.label];
  const records = tally.label.startsWith('latest-')
    ? (await history.latest(20, { origins: ['live'], kinds })).reverse()
    : await history.since(await streamStart(feed.helix, feed.userId, env), { origins: ['live'], kinds });
  for (const { event } of records) tally.add(event);
}

/**
 * A label: one line of text for the latest follower, sub, cheer, raid or gift, the top cheerer or
 * gifter of this stream, the top cheerer of Twitch's Bits leaderboard, a count of this stream,
 * or the creator goal's progress. Right at load (from the event history, and Helix where it has
 * the answer), then moved by each event the page receives from Twitch. Replays and tests the
 * dock makes never reach it: they are stored as such in the history and not read here.
 */
export const labelOverlay: OverlayDefinition<typeof labelSchema> = {
  entry: labelEntry,
  records: ['eventsub'],
  async build(config, env) {
    const label = config.show;
    const period = LEADERBOARDS[label];
    let feed: StreamEventFeed;
    try {
      feed = await connectStreamEvents(period ? leaderboardEntry : labelEntry, config.token, LABEL_EVENT_KINDS[label], env, { intervalMs: 3000, kinds: LABEL_EVENT_KINDS[label] });
    } catch (error) {
      // The setup card says it on stream; the console says it too, where the page never ran.
      if (error instanceof SourceError) log.error(error.message);
      throw error;
    }
    const tally = new LabelTally(label);
    // A replay starts from its recording alone: what Helix and the history say now belongs to another time.
    if (!env.replay) {
      if (period) await seedLeaderboard(tally, period, feed, env);
      else if (label === 'goal') tally.seedGoal(await currentGoal(feed.helix, feed.userId, [], env));
      else if (feed.history) await seedFromHistory(tally, await feed.history, feed, env);
    }
    const element = document.createElement('ovl-label');
    element.template = config.template || DEFAULT_TEMPLATES[label];
    assignConfig(element, config, ['empty', 'animation']);
    element.style.setProperty('--ovl-label-font-size', `${config.fontSize}px`);
    element.style.setProperty('--ovl-label-color', config.color);
    element.fields = tally.fields;
    feed.events.addEventListener('event', (e) => {
      if (tally.add(e.detail)) element.fields = tally.fields;
    });
    return { sources: feed.sources, element };
  },
};
