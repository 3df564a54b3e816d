import { afterEach, describe, expect, test } from 'vitest';
import '../../src/components/goal/ovl-goal.js';
import type { OvlGoal } from '../../src/components/goal/ovl-goal.js';
import type { GoalView } from '../../src/components/goal/goal-state.js';
import type { StreamEvent } from '../../src/domain/stream-event.js';
import { referenceEvent } from '../helpers/reference-event.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';

let element: OvlGoal | undefined;
afterEach(() => element?.remove());

const HELIX_GOAL: GoalView = { id: 'g1', type: 'follow', description: 'Road to 30k', current: 27_062, target: 30_000, state: 'active' };

async function mount(setup: (el: OvlGoal) => void = () => undefined) {
  const feed = new EventTarget();
  element = document.createElement('ovl-goal');
  setup(element);
  element.source = feed as never;
  document.body.append(element);
  await element.updateComplete;
  const el = element;
  const emit = async (event: StreamEvent) => {
    feed.dispatchEvent(new CustomEvent('event', { detail: event }));
    await el.updateComplete;
  };
  const part = (name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
  const shown = () => {
    const goal = part('goal');
    if (!goal) return null;
    return { state: goal.dataset.state, label: part('label')!.textContent, description: part('description')!.textContent, amount: part('amount')!.textContent, percent: part('percent')!.textContent, fill: part('fill')!.style.width };
  };
  return { el, emit, shown };
}

const goal = (phase: 'begin' | 'progress' | 'end', change: Record<string, unknown> = {}) => referenceEvent(`channel.goal.${phase}`, { id: 'g2', ...change });

describe('<ovl-goal>', () => {
  test('hidden with no goal; shows the goal it starts with', async () => {
    const empty = await mount();
    expect(empty.shown()).toBeNull();
    empty.el.remove();
    const { shown } = await mount((e) => (e.goal = HELIX_GOAL));
    expect(shown()).toEqual({ state: 'active', label: 'Follower goal', description: 'Road to 30k', amount: '27,062 / 30,000', percent: '90%', fill: '90%' });
  });

  test('moves with every event, and a begin delivered after the progress does not move it back', async () => {
    const { emit, shown } = await mount((e) => (e.goal = HELIX_GOAL));
    await emit(goal('progress', { current_amount: 120, target_amount: 220 }));
    expect(shown()).toMatchObject({ label: 'Sub goal', description: 'Help me get partner!', amount: '120 / 220', percent: '54%', fill: '54%' });
    await emit(goal('begin', { current_amount: 100, target_amount: 220 }));
    expect(shown()?.amount).toBe('120 / 220');
    await emit(goal('progress', { current_amount: 260, target_amount: 220 }));
    // Past the target: the text says so, the bar stops full.
    expect(shown()).toMatchObject({ amount: '260 / 220', percent: '118%', fill: '100%' });
  });

  test('an ended goal shows its result for hide-after seconds, then hides; with 0 at once', async () => {
    const clock = new ManualSchedule();
    const kept = await mount((e) => Object.assign(e, { hideAfter: 30, schedule: clock.schedule }));
    await kept.emit(goal('begin', { current_amount: 5 }));
    await kept.emit(goal('end', { current_amount: 220, is_achieved: true }));
    expect(kept.shown()).toMatchObject({ state: 'achieved', amount: '220 / 220' });
    expect(clock.delays).toEqual([30_000]);
    // A late progress of the ended goal changes nothing.
    await kept.emit(goal('progress', { current_amount: 3 }));
    expect(kept.shown()?.amount).toBe('220 / 220');
    clock.runNext();
    await kept.el.updateComplete;
    expect(kept.shown()).toBeNull();
    // Nor does one delivered after the bar has gone: it does not bring the ended goal back.
    await kept.emit(goal('progress', { current_amount: 219 }));
    expect(kept.shown()).toBeNull();
    kept.el.remove();

    const { el, emit, shown } = await mount((e) => (e.hideAfter = 0));
    const changes: (GoalView | null)[] = [];
    el.addEventListener('ovl-goal-change', (e) => changes.push(e.detail));
    await emit(goal('begin', { current_amount: 5 }));
    await emit(goal('end', { current_amount: 180, is_achieved: false }));
    expect(shown()).toBeNull();
    expect(changes.map((c) => c?.state ?? null)).toEqual(['active', 'ended', null]);
  });

  test('a new goal beginning while the last one shows its result takes the bar and is not hidden by the old timer', async () => {
    const clock = new ManualSchedule();
    const { emit, shown } = await mount((e) => Object.assign(e, { hideAfter: 30, schedule: clock.schedule }));
    await emit(goal('end', { current_amount: 220, is_achieved: true }));
    await emit(goal('begin', { id: 'g3', description: 'Next one', current_amount: 0, target_amount: 50 }));
    expect(clock.waiting).toBe(0);
    expect(shown()).toMatchObject({ state: 'active', description: 'Next one', amount: '0 / 50' });
  });

  test('types= keeps other goals off the bar', async () => {
    const { emit, shown } = await mount((e) => (e.types = ['follow']));
    await emit(goal('progress', { type: 'subscription' }));
    expect(shown()).toBeNull();
    await emit(goal('progress', { type: 'follow', current_amount: 7, target_amount: 10 }));
    expect(shown()).toMatchObject({ label: 'Follower goal', amount: '7 / 10' });
  });

  test('the description is text: markup stays characters', async () => {
    const { el, emit, shown } = await mount();
    const description = '<img src=x onerror="window.pwned=1"><script>alert(1)</script>';
    await emit(goal('progress', { description }));
    expect(shown()?.description).toBe(description);
    expect(el.shadowRoot!.querySelector('img, script')).toBeNull();
  });
});
