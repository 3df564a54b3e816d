import type { GoalEvent } from '../../domain/stream-event.js';

/** The goal a bar shows. */
export interface GoalView {
  readonly id: string;
  /** As EventSub names it: `follow`, `subscription`, `new_bit`, … */
  readonly type: string;
  /** The streamer's text; shown as text only. */
  readonly description: string;
  readonly current: number;
  readonly target: number;
  /** `active` while it runs; after its end `achieved` or `ended` (not reached). */
  readonly state: 'active' | 'achieved' | 'ended';
}

/** What the bar knows: the goal shown, and which phase last moved it (for late deliveries). */
export interface GoalTrack {
  readonly goal: GoalView | null;
  /** The phase of the last event applied to `goal`; null when it came from Helix. */
  readonly phase: GoalEvent['phase'] | null;
  /** The last goal that ended, shown or already hidden: its late deliveries are ignored. */
  readonly ended: string | null;
}

/**
 * The track after `event`. Twitch may deliver a goal's begin after its progress
 * (twitch-protocols.md §3.5): a begin for the goal already moved by progress is stale and
 * ignored, as is anything for a goal that has ended, even once its bar is hidden. Another
 * goal's event takes the bar over.
 */
export function applyGoalEvent(track: GoalTrack, event: GoalEvent): GoalTrack {
  if (event.goalId === track.ended) return track;
  if (track.goal?.id === event.goalId && event.phase === 'begin' && track.phase === 'progress') return track;
  const state = event.phase !== 'end' ? 'active' : event.achieved ? 'achieved' : 'ended';
  const goal = { id: event.goalId, type: event.goalType, description: event.description, current: event.current, target: event.target, state } as const;
  return { goal, phase: event.phase, ended: event.phase === 'end' ? event.goalId : track.ended };
}

/** Whole percent reached (may pass 100). */
export function goalPercent(goal: GoalView): number {
  return goal.target > 0 ? Math.floor((goal.current / goal.target) * 100) : 0;
}

/** The bar's small heading for a goal type. */
export function goalLabel(type: string): string {
  switch (type) {
    case 'follow':
      return 'Follower goal';
    case 'subscription':
    case 'subscription_count':
      return 'Sub goal';
    case 'new_subscription':
    case 'new_subscription_count':
      return 'New sub goal';
    case 'new_bit':
      return 'Bits goal';
    case 'new_cheerer':
      return 'Cheerer goal';
    default:
      return 'Goal';
  }
}
