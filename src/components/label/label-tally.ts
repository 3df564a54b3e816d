import type { EventKind, EventUser, StreamEvent } from '../../domain/stream-event.js';
import type { LeaderboardEntry, LeaderboardPeriod } from '../../twitch/bits-leaderboard.js';
import { goalPercent, type GoalView } from '../goal/goal-state.js';

/** What a label can show; the overlay's `show` parameter takes these words. */
export const LABELS = [
  'latest-follower',
  'latest-sub',
  'latest-cheer',
  'latest-raid',
  'latest-gift',
  'top-cheerer',
  'top-gifter',
  'top-cheerer-week',
  'top-cheerer-month',
  'top-cheerer-all-time',
  'followers',
  'subs',
  'bits',
  'goal',
] as const;
export type LabelKind = (typeof LABELS)[number];

/** A label's template fields, as text: `{name}`, `{amount}`, and the goal's own. */
export type LabelFields = Readonly<Record<string, string>>;

/** The stream events each label counts. */
export const LABEL_EVENT_KINDS: Readonly<Record<LabelKind, readonly EventKind[]>> = {
  'latest-follower': ['follow'],
  'latest-sub': ['sub', 'resub'],
  'latest-cheer': ['cheer'],
  'latest-raid': ['raid'],
  'latest-gift': ['gift'],
  'top-cheerer': ['cheer'],
  'top-gifter': ['gift'],
  'top-cheerer-week': ['cheer'],
  'top-cheerer-month': ['cheer'],
  'top-cheerer-all-time': ['cheer'],
  followers: ['follow'],
  subs: ['sub', 'resub', 'gift'],
  bits: ['cheer'],
  goal: ['goal'],
};

/** The Bits leaderboard period each leaderboard label reads. */
export const LEADERBOARDS: Partial<Record<LabelKind, LeaderboardPeriod>> = {
  'top-cheerer-week': 'week',
  'top-cheerer-month': 'month',
  'top-cheerer-all-time': 'all',
};

/** Each label's text when the streamer gives no template. */
export const DEFAULT_TEMPLATES: Readonly<Record<LabelKind, string>> = {
  'latest-follower': '{name}',
  'latest-sub': '{name}',
  'latest-cheer': '{name} – {amount} bits',
  'latest-raid': '{name} – {amount} viewers',
  'latest-gift': '{name} – {amount} subs',
  'top-cheerer': '{name} – {amount} bits',
  'top-gifter': '{name} – {amount} subs',
  'top-cheerer-week': '{name} – {amount} bits',
  'top-cheerer-month': '{name} – {amount} bits',
  'top-cheerer-all-time': '{name} – {amount} bits',
  followers: '{amount}',
  subs: '{amount}',
  bits: '{amount}',
  goal: '{current} / {target}',
};

const ANONYMOUS: EventUser = { id: '', login: '', name: 'Anonymous' };
const n = (value: number) => value.toLocaleString('en-US');

/** What one event adds to a label: who, how much, and whether a later one replaces it (latest) or adds to it. */
function contribution(label: LabelKind, event: StreamEvent): { user: EventUser; amount: number } | null {
  switch (event.kind) {
    case 'follow':
      return { user: event.user, amount: event.count };
    case 'sub':
      // A gifted sub counts towards the subs of the stream, but its viewer did not subscribe.
      return label === 'latest-sub' && event.isGift ? null : { user: event.user, amount: 1 };
    case 'resub':
      return { user: event.user, amount: label === 'latest-sub' ? event.months : 1 };
    case 'gift':
      return { user: event.user ?? ANONYMOUS, amount: event.total };
    case 'cheer':
      return { user: event.user ?? ANONYMOUS, amount: event.bits };
    case 'raid':
      return { user: event.user, amount: event.viewers };
    default:
      return null;
  }
}

/**
 * The value of one label, folded from stream events: the latest of a kind, the top supporter
 * (names summed by user: one cheerer of 100 and 250 bits has 350), a count, a goal's progress,
 * or a Bits leaderboard with this stream's cheers added. Each event counts once, by its id, so
 * events read from the history and the same ones arriving live fold to the same value. It reads
 * what it is given: the caller hands it live events only (replays and tests count towards nothing).
 */
export class LabelTally {
  private readonly seen = new Set<string>();
  private readonly totals = new Map<string, { name: string; amount: number }>();
  private latest: { name: string; amount: number } | null = null;
  private count = 0;
  private goal: GoalView | null = null;

  constructor(readonly label: LabelKind) {}

  /** Starts a leaderboard label from Twitch's ranking; cheers added later go on top of it. */
  seedLeaderboard(entries: readonly LeaderboardEntry[]): void {
    for (const entry of entries) this.totals.set(entry.userId, { name: entry.name, amount: entry.score });
  }

  /** Starts a goal label from the goal Helix reports; its events move it on. */
  seedGoal(goal: GoalView | null): void {
    this.goal = goal;
  }

  /** Counts `event` (once per id); true when the label's value may have changed. */
  add(event: StreamEvent): boolean {
    if (this.seen.has(event.id) || !LABEL_EVENT_KINDS[this.label].includes(event.kind)) return false;
    this.seen.add(event.id);
    if (event.kind === 'goal') {
      this.goal = event.phase === 'end' ? null : { id: event.goalId, type: event.goalType, description: event.description, current: event.current, target: event.target, state: 'active' };
      return true;
    }
    const part = contribution(this.label, event);
    if (!part) return false;
    if (this.label.startsWith('latest-')) this.latest = { name: part.user.name, amount: part.amount };
    else if (this.label.startsWith('top-')) {
      const key = part.user.id || 'anonymous';
      const total = this.totals.get(key);
      this.totals.set(key, { name: part.user.name, amount: (total?.amount ?? 0) + part.amount });
    } else this.count += part.amount;
    return true;
  }

  /** The template fields now; null while there is nothing to show. */
  get fields(): LabelFields | null {
    if (this.label === 'goal') {
      const goal = this.goal;
      return goal && { current: n(goal.current), target: n(goal.target), amount: n(goal.current), percent: `${goalPercent(goal)}%`, description: goal.description };
    }
    if (this.label.startsWith('latest-')) return this.latest && { name: this.latest.name, amount: n(this.latest.amount) };
    if (this.label.startsWith('top-')) {
      let top: { name: string; amount: number } | null = null;
      for (const total of this.totals.values()) if (!top || total.amount > top.amount) top = total;
      return top && { name: top.name, amount: n(top.amount) };
    }
    return { amount: n(this.count) };
  }
}
