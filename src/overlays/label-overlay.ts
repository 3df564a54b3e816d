import type { labelSchema } from '../config/label-config.js';
import type { ConfigOf } from '../config/schema.js';
import { labelPage } from '../registry/label-page.js';
import type { OverlayDefinition, OverlayEnv } from '../boot/boot.js';
import { acceptToken, acceptTokenFor } from '../boot/accept-token.js';
import { SourceError } from '../core/errors.js';
import { createLogger } from '../core/logger.js';
import { DeferredSource } from '../core/deferred-source.js';
import { HistoryReader } from '../sources/history/history-reader.js';
import { DEFAULT_TEMPLATES, LEADERBOARDS, LabelTally } from '../components/label/label-tally.js';
import type { AcceptedLabel, LabelConnection } from './label-connection.js';
import { seedLatest } from './label-seeds.js';
import { assignConfig } from './assign-config.js';
import '../components/label/ovl-label.js';

const log = createLogger('label');

/**
 * What a leaderboard label's token must hold: without `bits:read` Twitch will not say who leads.
 * Other labels require no scope: each of theirs (labelEntry) only turns its kinds on, and the
 * connection says so when the token turns on none of what the label shows.
 */
const leaderboardNeeds = {
  title: labelPage.title,
  scopes: [{ scope: 'bits:read', required: true, why: 'reads your Bits leaderboard, the top cheerers of the week, month and all time' }],
};

/**
 * A label: one line of text for the latest follower, sub, cheer, raid or gift, the top cheerer or
 * gifter of this stream, the top cheerer of Twitch's Bits leaderboard, a count of this stream,
 * or the creator goal's progress. Right at load (from the event history, and Helix where it has
 * the answer), then moved by each event the page receives from Twitch. Replays and tests the
 * dock makes never reach it: they are stored as such in the history and not read here.
 *
 * A streamer adds many labels, so the page loads little up front: it checks the token and draws
 * the latest event from the history while the connection's code (label-connection.ts: the
 * shared EventSub client, Helix, the event normalising) loads on demand, then starts it
 * (DeferredSource).
 */
export const labelOverlay: OverlayDefinition<typeof labelSchema> = {
  entry: labelPage,
  records: ['eventsub'],
  async build(config, env) {
    const connection = import('./label-connection.js');
    // Its failure is the connection's to report, once started (DeferredSource); not an unhandled rejection if the page never gets that far.
    connection.catch(() => {});
    const tally = new LabelTally(config.show);
    const element = labelElement(config);
    let accepted: AcceptedLabel | null = null;
    if (!env.demo && !env.replay) {
      accepted = await acceptLabel(config, env);
      if (config.show.startsWith('latest-')) await seedLatest(tally, await accepted.history);
    }
    element.fields = tally.fields;
    let connecting: Promise<LabelConnection> | null = null;
    const connect = () => (connecting ??= connection.then((c) => c.connectLabel({ config, env, tally, element, accepted })));
    const events = new DeferredSource('events', async () => (await connect()).events);
    const sources = accepted ? [events, new DeferredSource('token', async () => (await connect()).watch!)] : [events];
    return { sources, element };
  },
};

/** The token, accepted with the scopes the label needs (a missing one is the setup card, and the console's, where the page never ran), and the history opening. */
async function acceptLabel(config: ConfigOf<typeof labelSchema>, env: OverlayEnv): Promise<AcceptedLabel> {
  try {
    const validation = LEADERBOARDS[config.show] ? await acceptTokenFor(leaderboardNeeds, config.token, env) : await acceptToken(config.token, env);
    return { validation, history: HistoryReader.open({ userId: validation.userId }) };
  } catch (error) {
    if (error instanceof SourceError) log.error(error.message);
    throw error;
  }
}

function labelElement(config: ConfigOf<typeof labelSchema>) {
  const element = document.createElement('ovl-label');
  element.template = config.template || DEFAULT_TEMPLATES[config.show];
  assignConfig(element, config, ['empty', 'animation']);
  element.style.setProperty('--ovl-label-font-size', `${config.fontSize}px`);
  element.style.setProperty('--ovl-label-color', config.color);
  return element;
}
