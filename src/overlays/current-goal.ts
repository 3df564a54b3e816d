import { getCreatorGoals, type CreatorGoal } from '../twitch/helix-api.js';
import type { HelixClient } from '../twitch/helix-client.js';
import type { OverlayEnv } from '../boot/boot.js';
import type { GoalView } from '../components/goal/goal-state.js';

/**
 * The goal Twitch reports now (§3.5: `GET /helix/goals`), so the bar is right before the first
 * event: the newest active goal of the wanted types, or null. A failed call is said in `?debug`
 * and leaves the bar to the first event.
 */
export async function currentGoal(helix: HelixClient, userId: string, types: readonly string[], env: OverlayEnv): Promise<GoalView | null> {
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

