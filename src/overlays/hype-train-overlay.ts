import type { hypeTrainSchema } from '../config/hype-train-config.js';
import { hypeTrainEntry } from '../registry/hype-train.js';
import type { OverlayDefinition } from '../boot/boot.js';
import { connectStreamEvents } from './stream-event-feed.js';
import { LiveStateFeed } from './live-state-feed.js';
import { liveStateEvents } from '../sources/helix/live-state.js';
import { assignConfig } from './assign-config.js';
import '../components/hype-train/ovl-hype-train.js';

/**
 * The hype-train overlay: the channel's hype train while one runs, from EventSub
 * (`channel.hype_train.*` v2, scope `channel:read:hype_train`), and from Helix's "Get Hype
 * Train Status" at the start of each EventSub session, so a train that ran on while the
 * overlay was away shows as it is (LiveStateFeed). `?demo` runs a train every 20 s, its
 * begin, progress and end 5 s apart.
 */
export const hypeTrainOverlay: OverlayDefinition<typeof hypeTrainSchema> = {
  entry: hypeTrainEntry,
  records: ['eventsub'],
  async build(config, env) {
    const { events, helix, userId, sources } = await connectStreamEvents(hypeTrainEntry, config.token, ['hype-train'], env, { firstMs: 500, stepMs: 5000, intervalMs: 20_000 });
    const element = document.createElement('ovl-hype-train');
    assignConfig(element, config, ['contributors']);
    element.schedule = env.schedule;
    element.style.setProperty('--ovl-hype-font-size', `${config.fontSize}px`);
    // The simulator and a recording say everything themselves.
    element.source = env.demo || env.replay ? events : new LiveStateFeed(events, () => liveStateEvents(helix, userId, ['hype-train']), (text) => env.note(text, 'live-state'));
    return { sources, element };
  },
};
