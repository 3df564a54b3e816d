import type { pollSchema } from '../config/poll-config.js';
import { pollEntry } from '../registry/poll.js';
import type { OverlayDefinition } from '../boot/boot.js';
import { connectStreamEvents } from './stream-event-feed.js';
import { LiveStateFeed } from './live-state-feed.js';
import { liveStateEvents } from '../sources/helix/live-state.js';
import { assignConfig } from './assign-config.js';
import type { ContestKind } from '../components/poll/ovl-poll.js';
import '../components/poll/ovl-poll.js';

/**
 * The poll overlay: the channel's live poll or prediction, from EventSub (`channel.poll.*`,
 * `channel.prediction.*`), each when the token carries its scope, and from Helix at the start
 * of each EventSub session, so one that moved on or ended while the overlay was away shows as
 * it is (LiveStateFeed). `?demo` alternates a poll and a prediction, their phases 4 s apart.
 */
export const pollOverlay: OverlayDefinition<typeof pollSchema> = {
  entry: pollEntry,
  records: ['eventsub'],
  async build(config, env) {
    const kinds: ContestKind[] = config.show.length > 0 ? (config.show as ContestKind[]) : ['poll', 'prediction'];
    const demo = { firstMs: 500, stepMs: 4000, intervalMs: 16_000 + config.resultSeconds * 1000 };
    const { events, helix, userId, sources } = await connectStreamEvents(pollEntry, config.token, kinds, env, demo);
    const element = document.createElement('ovl-poll');
    element.kinds = kinds;
    assignConfig(element, config, ['resultSeconds']);
    element.schedule = env.schedule;
    element.style.setProperty('--ovl-poll-font-size', `${config.fontSize}px`);
    // What the token may read; the simulator and a recording say everything themselves.
    const readable = kinds.filter((kind) => !events.plan.off.some((off) => off.kind === kind));
    element.source = env.demo || env.replay ? events : new LiveStateFeed(events, () => liveStateEvents(helix, userId, readable), (text) => env.note(text, 'live-state'));
    return { sources, element };
  },
};
