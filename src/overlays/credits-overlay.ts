import type { creditsSchema } from '../config/credits-config.js';
import { creditsEntry } from '../registry/credits.js';
import type { OverlayDefinition, OverlayEnv } from '../boot/boot.js';
import type { EventKind } from '../domain/stream-event.js';
import { getStreams } from '../twitch/helix-api.js';
import type { HelixClient } from '../twitch/helix-client.js';
import type { Source } from '../core/source.js';
import { CreditsRoll, type CreditsSectionName } from '../components/credits/credits-rows.js';
import type { ControlledParts } from './controlled-parts.js';
import { connectStreamEvents } from './stream-event-feed.js';
import { streamStart } from './stream-start.js';
import '../components/credits/ovl-credits.js';

const CREDIT_KINDS: readonly EventKind[] = ['follow', 'sub', 'resub', 'gift', 'cheer', 'raid'];
/** How often Helix is asked whether the stream is still live. */
const OFFLINE_CHECK_MS = 60_000;

/**
 * Calls `offline` once when the channel, live at some check, is not at the next, until the
 * overlay's `events` stop. Helix answers an offline channel with no stream; a failed check
 * changes nothing (the next one decides).
 */
function watchOffline(helix: HelixClient, userId: string, events: Source, env: OverlayEnv, offline: () => void): void {
  let wasLive = false;
  const check = async () => {
    try {
      const live = (await getStreams(helix, { userIds: [userId] })).length > 0;
      if (wasLive && !live) {
        env.note('the stream went offline: rolling the credits', 'credits-offline');
        offline();
      }
      wasLive = live;
    } catch (error) {
      env.note(`could not ask Twitch whether the stream is live: ${error instanceof Error ? error.message : String(error)}`, 'credits-offline');
    }
    if (events.status.state !== 'stopped') env.schedule(() => void check(), OFFLINE_CHECK_MS);
  };
  void check();
}

/** Demo names, one of each section's kinds a few times over, from the simulator's payloads. */
async function demoEvents(roll: CreditsRoll): Promise<void> {
  const [{ sampleEvent }, { seededRandom }] = await Promise.all([import('../simulator/sample-event.js'), import('../simulator/random.js')]);
  const random = seededRandom(21);
  for (let i = 0; i < 8; i++) for (const kind of CREDIT_KINDS) roll.add(sampleEvent(kind, random));
}

/**
 * End credits: this stream's followers, subs, gifters, cheerers and raiders (since Helix's
 * `started_at`), read from the event history at load and kept up with each event, rolled on the
 * `roll` parameter, on the dock's Roll credits (`control`), or when the stream goes offline.
 * Only live events count: the dock's replays and tests are in the history under their own origin.
 */
export const creditsOverlay: OverlayDefinition<typeof creditsSchema> = {
  entry: creditsEntry,
  records: ['eventsub'],
  async build(config, env) {
    const feed = await connectStreamEvents(creditsEntry, config.token, CREDIT_KINDS, env, { intervalMs: 3000 });
    const roll = new CreditsRoll();
    // A replay rolls its recording alone.
    if (env.demo) await demoEvents(roll);
    else if (feed.history && !env.replay) {
      const since = await streamStart(feed.helix, feed.userId, env);
      for (const { event } of await (await feed.history).since(since, { origins: ['live'], kinds: CREDIT_KINDS })) roll.add(event);
    }
    feed.events.addEventListener('event', (e) => roll.add(e.detail));

    const element = document.createElement('ovl-credits');
    element.speed = config.speed;
    element.loop = config.loop || env.demo;
    element.style.setProperty('--ovl-credits-font-size', `${config.fontSize}px`);
    element.style.setProperty('--ovl-credits-color', config.color);
    const start = () => {
      element.sections = roll.sectionsFor(config.sections as CreditsSectionName[], config.titles);
      env.note(`credits: rolling ${element.sections.map((s) => `${s.rows.length} ${s.name}`).join(', ') || 'no names'}`, 'credits');
      element.roll();
    };
    if (config.roll || env.demo) start();
    if (config.rollOffline && !env.demo && !env.replay) watchOffline(feed.helix, feed.userId, feed.events, env, start);

    const parts: ControlledParts = {
      sources: feed.sources,
      element,
      control(message) {
        if (message.kind === 'credits-roll') start();
      },
    };
    return parts;
  },
};
