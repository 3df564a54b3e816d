import type { goalSchema } from '../config/goal-config.js';
import { goalEntry } from '../registry/goal.js';
import type { OverlayDefinition } from '../boot/boot.js';
import { currentGoal } from './current-goal.js';
import { connectStreamEvents } from './stream-event-feed.js';
import { onEachSession } from './live-state-feed.js';
import { assignConfig } from './assign-config.js';
import '../components/goal/ovl-goal.js';

/**
 * The goal bar: the channel's creator goal from Helix at start (so the bar is right before the
 * first event), then moved by `channel.goal.begin`/`progress`/`end` over EventSub, and read
 * again from Helix after each new EventSub session, since Twitch does not replay what a lost
 * connection missed; hidden while there is no goal.
 */
export const goalOverlay: OverlayDefinition<typeof goalSchema> = {
  entry: goalEntry,
  records: ['eventsub'],
  async build(config, env) {
    const { events, helix, userId, sources } = await connectStreamEvents(goalEntry, config.token, ['goal'], env);
    const element = document.createElement('ovl-goal');
    // A replay starts from its recording alone: what Helix says now belongs to another time.
    if (!env.replay) {
      element.goal = (await currentGoal(helix, userId, config.types, env)) ?? null;
      const reread = async () => {
        const goal = await currentGoal(helix, userId, config.types, env);
        if (goal !== undefined) element.goal = goal;
      };
      onEachSession(events, () => void reread(), { skipFirst: true });
    }
    assignConfig(element, config, ['types', 'hideAfter']);
    element.schedule = env.schedule;
    element.style.setProperty('--ovl-goal-font-size', `${config.fontSize}px`);
    element.style.setProperty('--ovl-goal-bar-color', config.barColor);
    element.source = events;
    return { sources, element };
  },
};
