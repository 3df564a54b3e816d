import type { StreamEvent } from '../../domain/stream-event.js';

/** What each qualifying event adds, in ms, and the limits on it. */
export interface SubathonRates {
  /** Per sub or resub of tier 1, 2, 3 (index 0, 1, 2). */
  readonly tiers: readonly [number, number, number];
  /** Per gifted sub: a gift bomb of 50 adds 50 times this, once. */
  readonly gift: number;
  /** Per 100 bits, in proportion (150 bits add 1.5 times this). */
  readonly bits100: number;
  readonly follow: number;
  /** Per raid, whatever its size. */
  readonly raid: number;
  /** A "happy hour": every event's time is multiplied by this. */
  readonly multiplier: number;
  /** The longest the subathon may run in all (its start length plus every extension); 0: no cap. */
  readonly capMs: number;
  /** Whether events still add time once the clock reached zero (it starts again). */
  readonly overtime: boolean;
}

/**
 * The timer, as every timer page of the origin shares it (kept in `localStorage`): the end time
 * while it runs, the remainder while it waits or is paused, the length it has run to so far
 * (held to the cap), and the events and dock commands already counted, by id, so a reload, a
 * second page or a repeat never counts one twice.
 */
export interface SubathonState {
  readonly v: 1;
  readonly phase: 'waiting' | 'running' | 'paused';
  /** Epoch ms it reaches zero, while running. */
  readonly endsAt: number;
  /** Ms left, while waiting or paused. */
  readonly remainingMs: number;
  /** The start length plus every extension so far. */
  readonly totalMs: number;
  /** Ids counted, newest last; at most MAX_COUNTED. */
  readonly counted: readonly string[];
  /** Epoch ms of the newest event looked at: a page back from a reload reads the history from here. */
  readonly seenUntil: number;
}

/** More ids than a reload could ever bring back from the history's few seconds. */
export const MAX_COUNTED = 500;

/** A timer of `lengthMs` that has not started, as of `now`. */
export function newSubathon(lengthMs: number, now: number): SubathonState {
  return { v: 1, phase: 'waiting', endsAt: 0, remainingMs: lengthMs, totalMs: lengthMs, counted: [], seenUntil: now };
}

/** Ms left at `now` (0 once it is over). */
export function remainingAt(state: SubathonState, now: number): number {
  return state.phase === 'running' ? Math.max(0, state.endsAt - now) : state.remainingMs;
}

/** Whether the clock has reached zero. */
export function isOver(state: SubathonState, now: number): boolean {
  return remainingAt(state, now) <= 0;
}

/** The time one event adds before the cap, in ms; 0 for an event that does not qualify. */
export function extensionFor(event: StreamEvent, rates: SubathonRates): number {
  const base = (() => {
    switch (event.kind) {
      case 'sub':
        // A gifted sub alone: Twitch sent no gift event that counted it.
        return event.isGift ? rates.gift : rates.tiers[event.tier - 1]!;
      case 'resub':
        return rates.tiers[event.tier - 1]!;
      case 'gift':
        return event.total * rates.gift;
      case 'cheer':
        return (event.bits / 100) * rates.bits100;
      case 'follow':
        return event.count * rates.follow;
      case 'raid':
        return rates.raid;
      default:
        return 0;
    }
  })();
  return Math.round(base * rates.multiplier);
}

/** Moves a clock that has not reached zero by `ms` (may be negative). */
function moved(state: SubathonState, ms: number): SubathonState {
  if (state.phase === 'running') return { ...state, endsAt: state.endsAt + ms };
  return { ...state, remainingMs: Math.max(0, state.remainingMs + ms) };
}

function remember(state: SubathonState, id: string, at: number): SubathonState {
  return { ...state, counted: [...state.counted.slice(-(MAX_COUNTED - 1)), id], seenUntil: Math.max(state.seenUntil, at) };
}

/**
 * `event`, received at `at`, counted: it adds its time (to the cap), and the first one that
 * qualifies starts a waiting timer. Once the clock is at zero an event adds nothing, unless
 * `overtime`, when it starts the clock again from `at`. An id already counted changes nothing.
 */
export function countEvent(state: SubathonState, event: StreamEvent, at: number, rates: SubathonRates): { state: SubathonState; addedMs: number } {
  if (state.counted.includes(event.id)) return { state, addedMs: 0 };
  const wanted = extensionFor(event, rates);
  const room = rates.capMs > 0 ? Math.max(0, rates.capMs - state.totalMs) : Infinity;
  const over = state.phase === 'running' && state.endsAt <= at;
  const addedMs = wanted <= 0 || (over && !rates.overtime) ? 0 : Math.min(wanted, room);
  let next = remember(state, event.id, at);
  if (addedMs === 0) return { state: next, addedMs };
  next = { ...next, totalMs: next.totalMs + addedMs };
  if (next.phase === 'waiting') next = { ...next, phase: 'running', endsAt: at + next.remainingMs + addedMs, remainingMs: 0 };
  else if (over) next = { ...next, endsAt: at + addedMs };
  else next = moved(next, addedMs);
  return { state: next, addedMs };
}

/** Starts a waiting timer at `now` (a running or paused one is left as it is). */
export function startAt(state: SubathonState, now: number): SubathonState {
  return state.phase === 'waiting' ? { ...state, phase: 'running', endsAt: now + state.remainingMs, remainingMs: 0, seenUntil: Math.max(state.seenUntil, now) } : state;
}

/** Holds a running timer with what it has left. */
export function pauseAt(state: SubathonState, now: number): SubathonState {
  return state.phase === 'running' ? { ...state, phase: 'paused', remainingMs: remainingAt(state, now), endsAt: 0 } : state;
}

/** Runs a paused timer again from `now`. */
export function resumeAt(state: SubathonState, now: number): SubathonState {
  return state.phase === 'paused' ? { ...state, phase: 'running', endsAt: now + state.remainingMs, remainingMs: 0 } : state;
}

/**
 * The streamer's Add time (negative: takes time off), once per `id`: the cap is for events, the
 * streamer may go past it. A timer at zero starts again from `now` with what is added.
 */
export function addTime(state: SubathonState, ms: number, id: string, now: number): SubathonState {
  if (state.counted.includes(id)) return state;
  const next = { ...remember(state, id, now), totalMs: Math.max(0, state.totalMs + ms) };
  if (next.phase === 'running' && next.endsAt <= now) return ms > 0 ? { ...next, endsAt: now + ms } : next;
  return moved(next, ms);
}
