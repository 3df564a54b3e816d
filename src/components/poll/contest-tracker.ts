import type { PollEvent, PredictionEvent } from '../../domain/stream-event.js';
import type { PresenceTracker } from '../../controllers/presence-controller.js';

/** One choice of a poll or outcome of a prediction, as shown. */
export interface ContestOption {
  readonly id: string;
  readonly title: string;
  /** Votes (poll) or predictors (prediction). */
  readonly votes: number;
  /** Channel points wagered (prediction); 0 for a poll. */
  readonly points: number;
  /** `blue` or `pink` for a prediction's outcome; '' for a poll's choice. */
  readonly color: string;
}

/** A poll or a prediction, as the element shows it. */
export interface Contest {
  readonly kind: 'poll' | 'prediction';
  readonly id: string;
  readonly title: string;
  readonly options: readonly ContestOption[];
  /** `open`, `locked` (a prediction waiting for its result) or `ended`. */
  readonly state: 'open' | 'locked' | 'ended';
  /** Epoch ms the poll ends or the prediction locks; null when not counting down. */
  readonly deadline: number | null;
  /** Ids of the winning options (a poll's tie has several); empty when none won. */
  readonly winners: readonly string[];
  /** At the end, Twitch's status (`completed`, `terminated`, `resolved`, `canceled`); else ''. */
  readonly status: string;
}

interface Tracked {
  readonly contest: Contest;
  /** begin 0, progress 1, lock 2, end 3: how far along the last notification taken in was. */
  readonly rank: number;
  /** Epoch ms (our clock) this one was first seen: the newest is shown. */
  readonly seen: number;
  /** Epoch ms (our clock) it is hidden: the result's time is up, or a poll's end never came. */
  readonly hideAt: number | null;
}

const RANK = { begin: 0, progress: 1, lock: 2, end: 3 } as const;
/** Finished contests remembered, so that a late progress of one cannot bring it back. */
const FINISHED_KEPT = 16;

export interface ContestTrackerOptions {
  /** How long a result stays, ms; read when a contest ends. */
  resultMs: number;
}

/**
 * The poll or prediction to show, from notifications that may arrive out of order. A
 * notification that is not further along than the one taken in (an earlier phase, or fewer
 * votes: votes and points only grow) is ignored; an end is final, and its result stays for
 * `resultMs`. A poll whose end never comes goes `resultMs` after its end time (Twitch ends
 * polls on time); a locked prediction stays until the streamer resolves it, however long.
 * When a poll and a prediction run at once, the newer one shows.
 */
export class ContestTracker implements PresenceTracker<Contest> {
  private readonly live = new Map<string, Tracked>();
  private readonly finished: string[] = [];

  constructor(readonly options: ContestTrackerOptions) {}

  /** What to show at `now`, or null; forgets (as finished) what has gone by `now`. */
  current(now: number): Contest | null {
    let newest: Tracked | null = null;
    for (const [key, tracked] of this.live) {
      if (tracked.hideAt !== null && tracked.hideAt <= now) {
        this.live.delete(key);
        this.finish(key);
      } else if (!newest || tracked.seen >= newest.seen) newest = tracked;
    }
    return newest?.contest ?? null;
  }

  /** When what `current` shows changes by itself next (a countdown's end, a result's end), epoch ms. */
  nextChange(now: number): number | null {
    const times = [...this.live.values()].flatMap((t) => [t.hideAt, t.contest.deadline]).filter((t): t is number => t !== null && t > now);
    return times.length > 0 ? Math.min(...times) : null;
  }

  /** Takes in one notification at `now` (our clock); returns whether anything changed. */
  apply(event: PollEvent | PredictionEvent, now: number): boolean {
    const key = `${event.kind}:${event.kind === 'poll' ? event.pollId : event.predictionId}`;
    if (this.finished.includes(key)) return false;
    const contest = event.kind === 'poll' ? fromPoll(event) : fromPrediction(event);
    const rank = RANK[event.phase];
    const known = this.live.get(key);
    if (known && (rank < known.rank || (rank === known.rank && total(contest) < total(known.contest)))) return false;
    // An archived poll is one the streamer removed: it goes at once.
    if (contest.status === 'archived') {
      this.live.delete(key);
      this.finish(key);
      return known !== undefined;
    }
    const hideAt = contest.state === 'ended' ? now + this.options.resultMs : contest.kind === 'poll' && contest.deadline !== null ? contest.deadline + this.options.resultMs : null;
    this.live.set(key, { contest, rank, seen: known?.seen ?? now, hideAt });
    return true;
  }

  private finish(key: string): void {
    this.finished.push(key);
    if (this.finished.length > FINISHED_KEPT) this.finished.shift();
  }
}

const total = (contest: Contest) => contest.options.reduce((sum, o) => sum + o.votes + o.points, 0);

function fromPoll(event: PollEvent): Contest {
  const ended = event.phase === 'end';
  const most = Math.max(0, ...event.choices.map((c) => c.votes));
  return {
    kind: 'poll',
    id: event.pollId,
    title: event.title,
    options: event.choices.map((c) => ({ id: c.id, title: c.title, votes: c.votes, points: 0, color: '' })),
    state: ended ? 'ended' : 'open',
    deadline: ended ? null : event.endsAt,
    // A terminated poll still has its votes; a tie has several winners; no votes, no winner.
    winners: ended && most > 0 ? event.choices.filter((c) => c.votes === most).map((c) => c.id) : [],
    status: event.status,
  };
}

function fromPrediction(event: PredictionEvent): Contest {
  return {
    kind: 'prediction',
    id: event.predictionId,
    title: event.title,
    options: event.outcomes.map((o) => ({ id: o.id, title: o.title, votes: o.users, points: o.channelPoints, color: o.color })),
    state: event.phase === 'end' ? 'ended' : event.phase === 'lock' ? 'locked' : 'open',
    deadline: event.locksAt,
    winners: event.phase === 'end' && event.winningOutcomeId ? [event.winningOutcomeId] : [],
    status: event.status,
  };
}
