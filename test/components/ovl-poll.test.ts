import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import '../../src/components/poll/ovl-poll.js';
import type { OvlPoll } from '../../src/components/poll/ovl-poll.js';
import { mountWidget, unmountWidgets } from '../helpers/widget.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';

afterEach(unmountWidgets);

const mount = (setup?: (el: OvlPoll) => void) =>
  mountWidget<OvlPoll>({
    tag: 'ovl-poll',
    scopes: ['channel:read:polls', 'channel:read:predictions'],
    kinds: ['poll', 'prediction'],
    describe: (e) => `${e.kind} ${'phase' in e ? e.phase : ''}`,
    setup,
  });

const part = (el: OvlPoll, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.trim() ?? null;
const parts = (el: OvlPoll, name: string) => [...el.shadowRoot!.querySelectorAll(`[part~="${name}"]`)].map((node) => node.textContent?.trim());
const shares = (el: OvlPoll) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="fill"]')].map((fill) => Number(fill.style.getPropertyValue('--_share')).toFixed(2));
const winners = (el: OvlPoll) => [...el.shadowRoot!.querySelectorAll('[part~="winner"] [part="option-title"]')].map((node) => node.textContent);

const POLL = REFERENCE_EVENTS['channel.poll.begin'];
const poll = (id: string, votes: readonly number[] | null, fields: Record<string, unknown> = {}) => ({
  ...POLL,
  id,
  title: 'Which boss next?',
  choices: [
    { id: 'c1', title: 'The Dragon' },
    { id: 'c2', title: 'The Lich' },
  ].map((c, i) => (votes ? { ...c, bits_votes: 0, channel_points_votes: 0, votes: votes[i] } : c)),
  ...fields,
});

const PREDICTION = REFERENCE_EVENTS['channel.prediction.begin'];
const prediction = (id: string, users: readonly number[] | null, fields: Record<string, unknown> = {}) => ({
  ...PREDICTION,
  id,
  title: 'First try?',
  outcomes: [
    { id: 'o1', title: 'Yes', color: 'blue' },
    { id: 'o2', title: 'No', color: 'pink' },
  ].map((o, i) => (users ? { ...o, users: users[i], channel_points: users[i]! * 1000, top_predictors: [] } : o)),
  ...fields,
});

describe('<ovl-poll> against the fake EventSub server', () => {
  test('a poll: begin, progress, end; the result with the winner stays result-seconds, then it is hidden', async () => {
    const { el, at, arrived, advanceTo, schedule } = await mount((e) => (e.resultSeconds = 8));
    await commands.esNotify('channel.poll.begin', poll('p-life', null, { ends_at: at(60) }));
    await arrived(1);
    expect(el.hasAttribute('active')).toBe(true);
    expect(part(el, 'label')).toBe('Poll');
    expect(part(el, 'title')).toBe('Which boss next?');
    expect(part(el, 'countdown')).toBe('1:00');
    expect(parts(el, 'option-title')).toEqual(['The Dragon', 'The Lich']);
    expect(parts(el, 'votes')).toEqual(['0 votes · 0%', '0 votes · 0%']);

    await advanceTo(1);
    expect(part(el, 'countdown')).toBe('0:59');
    await commands.esNotify('channel.poll.progress', poll('p-life', [3, 1], { ends_at: at(60) }));
    await arrived(2);
    expect(parts(el, 'votes')).toEqual(['3 votes · 75%', '1 vote · 25%']);
    expect(shares(el)).toEqual(['0.75', '0.25']);

    await advanceTo(20);
    await commands.esNotify('channel.poll.end', poll('p-life', [4, 6], { status: 'completed', ended_at: at(20) }));
    await arrived(3);
    expect(part(el, 'countdown')).toBe('Result');
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.classList.contains('ended')).toBe(true);
    expect(winners(el)).toEqual(['The Lich']);
    // The result's time is up 8 s after the end arrived, whatever the ticks in between.
    await advanceTo(27);
    expect(el.hasAttribute('active')).toBe(true);
    expect(schedule.delays.at(-1)).toBe(1000);
    await advanceTo(28);
    expect(el.hasAttribute('active')).toBe(false);
    expect(schedule.waiting).toBe(0);
  });

  test('a prediction: begin, progress, lock (no countdown, no timer), end with the winning outcome', async () => {
    const { el, at, arrived, advanceTo, schedule } = await mount();
    await commands.esNotify('channel.prediction.begin', prediction('pr-life', null, { locks_at: at(90) }));
    await arrived(1);
    expect(part(el, 'label')).toBe('Prediction');
    expect(part(el, 'countdown')).toBe('1:30');
    await commands.esNotify('channel.prediction.progress', prediction('pr-life', [3, 1], { locks_at: at(90) }));
    await arrived(2);
    expect(parts(el, 'votes')).toEqual(['3 · 3,000 points · 75%', '1 · 1,000 points · 25%']);
    expect([...el.shadowRoot!.querySelectorAll('[part~="option"]')].map((o) => o.classList.contains('blue') ? 'blue' : o.classList.contains('pink') ? 'pink' : '')).toEqual(['blue', 'pink']);

    await advanceTo(90);
    await commands.esNotify('channel.prediction.lock', prediction('pr-life', [12, 20], { locked_at: at(90) }));
    await arrived(3);
    expect(part(el, 'countdown')).toBe('Locked');
    // Waiting for the streamer's answer takes as long as it takes: nothing to count.
    expect(schedule.waiting).toBe(0);

    await commands.esNotify('channel.prediction.end', prediction('pr-life', [12, 20], { winning_outcome_id: 'o1', status: 'resolved', ended_at: at(400) }));
    await arrived(4);
    expect(part(el, 'countdown')).toBe('Result');
    expect(winners(el)).toEqual(['Yes']);
    await advanceTo(100);
    expect(el.hasAttribute('active')).toBe(false);
  });

  test('out of order: a begin after its progress, a stale progress after the end, a lock after the end change nothing', async () => {
    const { el, at, arrived } = await mount();
    await commands.esNotify('channel.poll.progress', poll('p-order', [5, 2], { ends_at: at(60) }));
    await commands.esNotify('channel.poll.begin', poll('p-order', null, { ends_at: at(60) }));
    await arrived(2);
    expect(parts(el, 'votes')).toEqual(['5 votes · 71%', '2 votes · 29%']);
    await commands.esNotify('channel.poll.end', poll('p-order', [5, 2], { status: 'archived', ended_at: at(20) }));
    await commands.esNotify('channel.poll.progress', poll('p-order', [6, 2], { ends_at: at(60) }));
    await arrived(4);
    // Archived: the streamer took it away, so it goes at once, and stays gone.
    expect(el.hasAttribute('active')).toBe(false);

    await commands.esNotify('channel.prediction.end', prediction('pr-order', [1, 1], { winning_outcome_id: null, status: 'canceled', ended_at: at(1) }));
    await commands.esNotify('channel.prediction.lock', prediction('pr-order', [1, 1], { locked_at: at(0) }));
    await arrived(6);
    expect(part(el, 'countdown')).toBe('Canceled');
    expect(winners(el)).toEqual([]);
  });

  test('a prediction alone when only predictions are asked for; polls are ignored', async () => {
    const { el, at, arrived } = await mount((e) => (e.kinds = ['prediction']));
    await commands.esNotify('channel.poll.begin', poll('p-ignored', null, { ends_at: at(60) }));
    await arrived(1);
    expect(el.hasAttribute('active')).toBe(false);
    await commands.esNotify('channel.prediction.begin', prediction('pr-alone', null, { locks_at: at(60) }));
    await arrived(2);
    expect(part(el, 'label')).toBe('Prediction');
  });

  test('titles and choices are text, never markup', async () => {
    const { el, at, arrived } = await mount();
    const evil = '<img src=x onerror="window.pwned=1">';
    await commands.esNotify('channel.poll.begin', { ...poll('p-inert', null, { ends_at: at(60) }), title: `<b>${evil}</b>`, choices: [{ id: 'c1', title: evil }, { id: 'c2', title: '<script>alert(1)</script>' }] });
    await arrived(1);
    expect(part(el, 'title')).toBe(`<b>${evil}</b>`);
    expect(parts(el, 'option-title')).toEqual([evil, '<script>alert(1)</script>']);
    expect(el.shadowRoot!.querySelector('img, b, script')).toBeNull();
  });
});
