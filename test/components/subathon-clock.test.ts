import { describe, expect, test } from 'vitest';
import type { StreamEvent } from '../../src/domain/stream-event.js';
import { addTime, countEvent, extensionFor, isOver, newSubathon, pauseAt, remainingAt, resumeAt, startAt, type SubathonRates, type SubathonState } from '../../src/components/subathon/subathon-clock.js';
import { readSubathonState } from '../../src/components/subathon/subathon-store.js';
import { clockText, extensionText } from '../../src/components/subathon/ovl-subathon.js';

const MIN = 60_000;
const RATES: SubathonRates = { tiers: [5 * MIN, 10 * MIN, 25 * MIN], gift: 5 * MIN, bits100: MIN, follow: 0, raid: 0, multiplier: 1, capMs: 0, overtime: false };
const user = { id: '1', login: 'viewer', name: 'Viewer' };
const message = { text: '', parts: [] };
let ids = 0;
const base = () => ({ id: `e${++ids}`, at: 0 });
const sub = (tier: 1 | 2 | 3, isGift = false): StreamEvent => ({ ...base(), kind: 'sub', user, tier, isGift });
const resub = (tier: 1 | 2 | 3): StreamEvent => ({ ...base(), kind: 'resub', user, tier, months: 3, streakMonths: null, durationMonths: 1, message });
const gift = (total: number): StreamEvent => ({ ...base(), kind: 'gift', user, total, tier: 1, cumulativeTotal: null });
const cheer = (bits: number): StreamEvent => ({ ...base(), kind: 'cheer', user, bits, via: 'cheer', powerUp: '', message });
const follow = (): StreamEvent => ({ ...base(), kind: 'follow', user, count: 1 });
const raid = (viewers: number): StreamEvent => ({ ...base(), kind: 'raid', user, viewers });

/** A clock stepped by hand: `now` moves only when the test says. */
class SteppedClock {
  now = 1_000_000;
  step(ms: number): number {
    return (this.now += ms);
  }
}

/** Counts each event at the clock's time, returning the state and what each added. */
function countAll(state: SubathonState, events: readonly StreamEvent[], at: number, rates = RATES): { state: SubathonState; added: number[] } {
  const added: number[] = [];
  for (const event of events) {
    const result = countEvent(state, event, at, rates);
    state = result.state;
    added.push(result.addedMs);
  }
  return { state, added };
}

describe('the subathon timer’s arithmetic', () => {
  test('each parameter: a tier’s sub and resub, a gifted sub, bits in proportion, follows and raids, the happy-hour multiplier', () => {
    expect([sub(1), sub(2), sub(3), resub(1), resub(3)].map((e) => extensionFor(e, RATES))).toEqual([5 * MIN, 10 * MIN, 25 * MIN, 5 * MIN, 25 * MIN]);
    // A gifted sub alone (no gift event counted it) is one gift's worth; a gift bomb of 50 is 50 of them.
    expect([sub(1, true), gift(1), gift(50)].map((e) => extensionFor(e, RATES))).toEqual([5 * MIN, 5 * MIN, 250 * MIN]);
    expect([cheer(100), cheer(150), cheer(1)].map((e) => extensionFor(e, RATES))).toEqual([MIN, 1.5 * MIN, 600]);
    expect([follow(), raid(500)].map((e) => extensionFor(e, RATES))).toEqual([0, 0]);
    const generous = { ...RATES, follow: 10_000, raid: 2 * MIN };
    expect([follow(), raid(500), raid(3)].map((e) => extensionFor(e, generous))).toEqual([10_000, 2 * MIN, 2 * MIN]);
    const happyHour = { ...RATES, multiplier: 2 };
    expect([sub(1), gift(10), cheer(500)].map((e) => extensionFor(e, happyHour))).toEqual([10 * MIN, 100 * MIN, 10 * MIN]);
  });

  test('the first qualifying event starts a waiting timer; a follow worth nothing does not', () => {
    const clock = new SteppedClock();
    let state = newSubathon(60 * MIN, clock.now);
    state = countEvent(state, follow(), clock.step(1000), RATES).state;
    expect(state.phase).toBe('waiting');
    state = countEvent(state, sub(1), clock.step(1000), RATES).state;
    expect(state.phase).toBe('running');
    expect(remainingAt(state, clock.now)).toBe(65 * MIN);
    clock.step(10 * MIN);
    expect(remainingAt(state, clock.now)).toBe(55 * MIN);
  });

  test('a gift bomb counts once, however often it is delivered; so does each event, by its id', () => {
    const clock = new SteppedClock();
    let state = startAt(newSubathon(60 * MIN, clock.now), clock.now);
    const bomb = gift(50);
    const { state: after, added } = countAll(state, [bomb, bomb, { ...bomb }], clock.step(1000));
    expect(added).toEqual([250 * MIN, 0, 0]);
    state = after;
    expect(remainingAt(state, clock.now)).toBe(60 * MIN - 1000 + 250 * MIN);
    expect(state.totalMs).toBe(310 * MIN);
  });

  test('the cap holds the whole length: what would pass it is cut, then nothing is added', () => {
    const clock = new SteppedClock();
    let state = startAt(newSubathon(60 * MIN, clock.now), clock.now);
    const capped = { ...RATES, capMs: 80 * MIN };
    const { state: after, added } = countAll(state, [sub(2), sub(2), sub(1)], clock.step(MIN), capped);
    expect(added).toEqual([10 * MIN, 10 * MIN, 0]);
    state = after;
    expect(state.totalMs).toBe(80 * MIN);
    expect(countEvent(state, gift(3), clock.now, { ...capped, capMs: 85 * MIN }).addedMs).toBe(5 * MIN);
  });

  test('paused it keeps its remainder, and events add to it; resumed it runs from there', () => {
    const clock = new SteppedClock();
    let state = startAt(newSubathon(10 * MIN, clock.now), clock.now);
    clock.step(4 * MIN);
    state = pauseAt(state, clock.now);
    clock.step(30 * MIN);
    expect(remainingAt(state, clock.now)).toBe(6 * MIN);
    state = countEvent(state, sub(1), clock.now, RATES).state;
    expect(remainingAt(state, clock.now)).toBe(11 * MIN);
    state = resumeAt(state, clock.now);
    clock.step(MIN);
    expect(remainingAt(state, clock.now)).toBe(10 * MIN);
    // Pausing twice or resuming a running timer changes nothing.
    expect(resumeAt(state, clock.now)).toBe(state);
    expect(pauseAt(pauseAt(state, clock.now), clock.now)).toEqual(pauseAt(state, clock.now));
  });

  test('at zero it stops counting events; with overtime an event starts it again from then', () => {
    const clock = new SteppedClock();
    let state = startAt(newSubathon(MIN, clock.now), clock.now);
    clock.step(MIN);
    expect(isOver(state, clock.now)).toBe(true);
    const late = countEvent(state, sub(3), clock.step(5000), RATES);
    expect(late.addedMs).toBe(0);
    expect(isOver(late.state, clock.now)).toBe(true);
    state = countEvent(late.state, sub(1), clock.now, { ...RATES, overtime: true }).state;
    expect(remainingAt(state, clock.now)).toBe(5 * MIN);
    expect(isOver(state, clock.now)).toBe(false);
  });

  test('Add time moves the clock either way once per press (its id), past the cap, and never below zero while paused', () => {
    const clock = new SteppedClock();
    let state = startAt(newSubathon(10 * MIN, clock.now), clock.now);
    state = addTime(state, 5 * MIN, 'press-1', clock.now);
    state = addTime(state, 5 * MIN, 'press-1', clock.now);
    expect(remainingAt(state, clock.now)).toBe(15 * MIN);
    state = addTime(state, -3 * MIN, 'press-2', clock.now);
    expect(remainingAt(state, clock.now)).toBe(12 * MIN);
    state = pauseAt(state, clock.now);
    state = addTime(state, -60 * MIN, 'press-3', clock.now);
    expect(remainingAt(state, clock.now)).toBe(0);
  });

  test('the ids counted stay bounded', () => {
    const clock = new SteppedClock();
    let state = startAt(newSubathon(MIN, clock.now), clock.now);
    for (let i = 0; i < 2000; i++) state = countEvent(state, cheer(1), clock.now, RATES).state;
    expect(state.counted).toHaveLength(500);
  });

  test('a stored state is read back only when it is one; the clock’s text', () => {
    const state = newSubathon(MIN, 5);
    expect(readSubathonState(JSON.stringify(state))).toEqual(state);
    for (const bad of ['', 'not json', '{"v":2}', JSON.stringify({ ...state, phase: 'ended' }), JSON.stringify({ ...state, endsAt: -1 }), JSON.stringify({ ...state, counted: [1] })]) expect(readSubathonState(bad), bad).toBeNull();
    expect([clockText(0), clockText(59), clockText(3600), clockText(36_000 + 61)]).toEqual(['0:00:00', '0:00:59', '1:00:00', '10:01:01']);
    expect([extensionText(5 * MIN), extensionText(90_000), extensionText(-MIN), extensionText(62 * MIN)]).toEqual(['+5:00', '+1:30', '−1:00', '+1:02:00']);
  });
});
