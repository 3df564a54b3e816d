import type { goalSchema } from '../config/goal-config.js';
import { goalEntry } from '../registry/goal.js';
import { getCreatorGoals, type CreatorGoal } from '../twitch/helix-api.js';
import type { HelixClient } from '../twitch/helix-client.js';
import type { OverlayDefinition, OverlayEnv } from '../boot/boot.js';
import type { GoalView } from '../components/goal/goal-state.js';
import { connectStreamEvents } from './stream-event-feed.js';
import { assignConfig } from './assign-config.js';
import '../components/goal/ovl-goal.js';

/**
 * The goal Twitch reports now (§3.5: `GET /helix/goals`), so the bar is right before the first
 * event: the newest active goal of the wanted types, or null. A failed call is said in `?debug`
 * and leaves the bar to the first event.
 */
async function currentGoal(helix: HelixClient, userId: string, types: readonly string[], env: OverlayEnv): Promise<GoalView | null> {
  let goals: CreatorGoal[];
  try {
    goals = await getCreatorGoals(helix, userId);
  } catch (error) {
    env.note(`could not read the current goal from Twitch: ${error instanceof Error ? error.message : String(error)}`, 'goal');
    return null;
  }
  const [goal] = goals.filter((g) => types.length === 0 || types.includes(g.type)).sort((a, b) => b.createdAt - a.createdAt);
  env.note(goal ? `current goal: ${goal.current} of ${goal.target} (${goal.type})` : 'no active goal', 'goal');
  return goal ? { id: goal.id, type: goal.type, description: goal.description, current: goal.current, target: goal.target, state: 'active' } : null;
}

/**
 * The goal bar: the channel's creator goal from Helix at start, then moved by
 * `channel.goal.begin`/`progress`/`end` over EventSub; hidden while there is no goal.
 */
export const goalOverlay: OverlayDefinition<typeof goalSchema> = {
  entry: goalEntry,
  records: ['eventsub'],
  async build(config, env) {
    const { events, helix, userId, sources } = await connectStreamEvents(goalEntry, config.token, ['goal'], env);
    const element = document.createElement('ovl-goal');
    // A replay starts from its recording alone: what Helix says now belongs to another time.
    element.goal = env.replay ? null : await currentGoal(helix, userId, config.types, env);
    assignConfig(element, config, ['types', 'hideAfter']);
    element.schedule = env.schedule;
    element.style.setProperty('--ovl-goal-font-size', `${config.fontSize}px`);
    element.style.setProperty('--ovl-goal-bar-color', config.barColor);
    element.source = events;
    return { sources, element };
  },
};
