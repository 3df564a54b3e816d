import type { labelSchema } from '../config/label-config.js';
import type { ConfigOf } from '../config/schema.js';
import type { OverlayEnv } from '../boot/boot.js';
import { twitchSession } from '../boot/connect-twitch.js';
import { SourceError } from '../core/errors.js';
import { createLogger } from '../core/logger.js';
import type { Source } from '../core/source.js';
import { labelEntry } from '../registry/label.js';
import { getBitsLeaderboard, type LeaderboardPeriod } from '../twitch/bits-leaderboard.js';
import type { TokenValidation } from '../twitch/validate-token.js';
import { EventHistory } from '../sources/history/event-history.js';
import type { HistoryReader } from '../sources/history/history-reader.js';
import { LABEL_EVENT_KINDS, LEADERBOARDS, type LabelTally } from '../components/label/label-tally.js';
import type { OvlLabel } from '../components/label/ovl-label.js';
import { connectLiveEvents, connectStreamEvents, type StreamEventFeed } from './stream-event-feed.js';
import { seedLatest } from './label-seeds.js';
import { currentGoal } from './current-goal.js';
import { streamStart } from './stream-start.js';

const log = createLogger('label');

/**
 * A live label's token, accepted before this code loads, and its user's history as it opens to
 * be read (label-overlay.ts): the writing, for the page that holds the connection, comes here.
 */
export interface AcceptedLabel {
  readonly validation: TokenValidation;
  readonly history: Promise<HistoryReader>;
}

/** What a label page starts once this code has loaded: its events, and live the token's hourly watch. */
export interface LabelConnection {
  readonly events: Source;
  readonly watch: Source | null;
}

/**
 * The label's connection (label-overlay.ts draws before this code loads): its events, from the
 * token accepted up front (`accepted`), or the simulator under `?demo`, or the recording under
 * `?replay`; then what the label showed before this page loaded where Helix has the answer (the
 * leaderboard, the goal, this stream's start for the counts and tops). Each event then moves it.
 */
export async function connectLabel({
  config,
  env,
  tally,
  element,
  accepted,
}: {
  config: ConfigOf<typeof labelSchema>;
  env: OverlayEnv;
  tally: LabelTally;
  element: OvlLabel;
  accepted: AcceptedLabel | null;
}): Promise<LabelConnection> {
  const label = tally.label;
  const kinds = LABEL_EVENT_KINDS[label];
  const session = accepted && twitchSession(config.token, accepted.validation, env);
  const feed = session ? connectLiveEvents(labelEntry, session, kinds, env, storing(accepted)) : await connectStreamEvents(labelEntry, config.token, kinds, env, { intervalMs: 3000, kinds });
  // A replay starts from its recording alone: what Helix and the history say now belongs to another time.
  if (!env.replay) await seed(tally, feed, env, accepted !== null);
  element.fields = tally.fields;
  feed.events.addEventListener('event', (e) => {
    if (tally.add(e.detail)) element.fields = tally.fields;
  });
  return { events: feed.events, watch: session?.watch ?? null };
}

/** What the label showed before this page loaded; a latest-… label of a live page was seeded up front (label-overlay.ts). */
async function seed(tally: LabelTally, feed: StreamEventFeed, env: OverlayEnv, live: boolean): Promise<void> {
  const label = tally.label;
  const period = LEADERBOARDS[label];
  if (period) await seedLeaderboard(tally, period, feed, env);
  else if (label === 'goal') tally.seedGoal(await currentGoal(feed.helix, feed.userId, [], env));
  else if (!feed.history) return;
  else if (!label.startsWith('latest-')) {
    const records = await (await feed.history).since(await streamStart(feed.helix, feed.userId, env), { origins: ['live'], kinds: LABEL_EVENT_KINDS[label] });
    for (const { event } of records) tally.add(event);
  } else if (!live) await seedLatest(tally, await feed.history);
}

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
 * The user's history for the connection to store what it receives in and read from: the reader
 * that label-overlay.ts opened up front (without the writing, which only this code needs) has
 * done its part and lets go.
 */
function storing({ validation, history }: AcceptedLabel): Promise<EventHistory> {
  void history.then((reader) => reader.close());
  return EventHistory.open({ userId: validation.userId });
}
