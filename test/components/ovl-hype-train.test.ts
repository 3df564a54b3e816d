import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import '../../src/components/hype-train/ovl-hype-train.js';
import type { OvlHypeTrain } from '../../src/components/hype-train/ovl-hype-train.js';
import { mountWidget, unmountWidgets } from '../helpers/widget.js';
import { REFERENCE_EVENTS } from '../fixtures/eventsub/reference-events.js';

afterEach(unmountWidgets);

const mount = () =>
  mountWidget<OvlHypeTrain>({
    tag: 'ovl-hype-train',
    scopes: ['channel:read:hype_train'],
    kinds: ['hype-train'],
    describe: (e) => (e.kind === 'hype-train' ? `${e.phase} ${e.total}` : e.kind),
  });

const part = (el: OvlHypeTrain, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`)?.textContent?.trim() ?? null;
const parts = (el: OvlHypeTrain, name: string) => [...el.shadowRoot!.querySelectorAll(`[part~="${name}"]`)].map((node) => node.textContent?.trim());

const train = (id: string, fields: Record<string, unknown>) => ({ ...REFERENCE_EVENTS['channel.hype_train.begin'], id, type: 'regular', ...fields });

describe('<ovl-hype-train> against the fake EventSub server', () => {
  test('shows level, progress bar, countdown and top contributors; the countdown ticks on the stepped clock', async () => {
    const { el, at, advanceTo, schedule } = await mount();
    await commands.esNotify('channel.hype_train.begin', train('t-show', { level: 2, total: 1300, progress: 300, goal: 1200, expires_at: at(300) }));
    await expect.poll(() => el.hasAttribute('active'), { timeout: 5000 }).toBe(true);
    expect(part(el, 'title')).toBe('Hype Train');
    expect(part(el, 'level')).toBe('Level 2');
    expect(part(el, 'countdown')).toBe('5:00');
    expect(part(el, 'points')).toBe('300 / 1,200');
    expect(el.shadowRoot!.querySelector<HTMLElement>('[part="fill"]')!.style.getPropertyValue('--_share')).toBe('0.25');
    expect(parts(el, 'contributor-name')).toEqual(['PogChamp', 'Kappa']);
    expect(parts(el, 'contributor-amount')).toEqual(['50 bits', '45 points']);
    expect(schedule.delays.at(-1)).toBe(1000);
    await advanceTo(1);
    expect(part(el, 'countdown')).toBe('4:59');
    await advanceTo(61);
    expect(part(el, 'countdown')).toBe('3:59');
  });

  test('a progress before its begin: the begin arriving late does not take the train back', async () => {
    const { el, at, received } = await mount();
    await commands.esNotify('channel.hype_train.progress', train('t-order', { level: 3, total: 2400, progress: 400, goal: 1600, expires_at: at(240) }));
    await commands.esNotify('channel.hype_train.begin', train('t-order', { level: 1, total: 150, progress: 150, goal: 500, expires_at: at(200) }));
    await expect.poll(() => received, { timeout: 5000 }).toEqual(['progress 2400', 'begin 150']);
    await el.updateComplete;
    expect(part(el, 'level')).toBe('Level 3');
    expect(part(el, 'points')).toBe('400 / 1,600');
    expect(part(el, 'countdown')).toBe('4:00');
  });

  test('after the end, a stale progress of that train does not bring it back; a new train does show', async () => {
    const { el, at, received } = await mount();
    await commands.esNotify('channel.hype_train.begin', train('t-end', { level: 1, total: 100, progress: 100, goal: 500, expires_at: at(300) }));
    await expect.poll(() => el.hasAttribute('active'), { timeout: 5000 }).toBe(true);
    await commands.esNotify('channel.hype_train.end', { ...REFERENCE_EVENTS['channel.hype_train.end'], id: 't-end', total: 900, level: 2 });
    await commands.esNotify('channel.hype_train.progress', train('t-end', { level: 2, total: 800, progress: 300, goal: 600, expires_at: at(300) }));
    await expect.poll(() => received, { timeout: 5000 }).toEqual(['begin 100', 'end 900', 'progress 800']);
    await el.updateComplete;
    expect(el.hasAttribute('active')).toBe(false);
    await commands.esNotify('channel.hype_train.begin', train('t-next', { type: 'golden_kappa', level: 1, total: 50, progress: 50, goal: 500, expires_at: at(300) }));
    await expect.poll(() => part(el, 'title'), { timeout: 5000 }).toBe('Golden Kappa Train');
    expect(el.shadowRoot!.querySelector('[part~="base"]')!.classList.contains('golden-kappa')).toBe(true);
  });

  test('expiry: the train goes at expires_at with no end event; a stale progress after that stays hidden', async () => {
    const { el, at, advanceTo, schedule, received } = await mount();
    await commands.esNotify('channel.hype_train.progress', train('t-expire', { type: 'treasure', level: 1, total: 200, progress: 200, goal: 500, expires_at: at(2.5) }));
    await expect.poll(() => el.hasAttribute('active'), { timeout: 5000 }).toBe(true);
    expect(part(el, 'title')).toBe('Treasure Train');
    await advanceTo(1);
    await advanceTo(2);
    // The last tick comes at the expiry, not a whole second later.
    expect(schedule.delays.slice(-1)).toEqual([500]);
    await advanceTo(2.5);
    expect(el.hasAttribute('active')).toBe(false);
    // Nothing counts down any more: no timer left.
    expect(schedule.waiting).toBe(0);
    await commands.esNotify('channel.hype_train.progress', train('t-expire', { type: 'treasure', level: 1, total: 150, progress: 150, goal: 500, expires_at: at(2) }));
    await expect.poll(() => received.length, { timeout: 5000 }).toBe(2);
    await el.updateComplete;
    expect(el.hasAttribute('active')).toBe(false);
  });

  test('while OBS hides the source the countdown has no timer; shown again, it reads the time afresh', async () => {
    const { el, at, advanceTo, schedule } = await mount();
    await commands.esNotify('channel.hype_train.begin', train('t-pause', { level: 1, total: 100, progress: 100, goal: 500, expires_at: at(120) }));
    await expect.poll(() => el.hasAttribute('active'), { timeout: 5000 }).toBe(true);
    el.paused = true;
    await el.updateComplete;
    expect(schedule.waiting).toBe(0);
    el.paused = false;
    await el.updateComplete;
    expect(schedule.waiting).toBe(1);
    await advanceTo(30);
    expect(part(el, 'countdown')).toBe('1:30');
  });

  test('names are text, never markup', async () => {
    const { el, at } = await mount();
    const evil = '<img src=x onerror="window.pwned=1">';
    await commands.esNotify('channel.hype_train.begin', train('t-inert', { level: 1, total: 100, progress: 100, goal: 500, expires_at: at(60), top_contributions: [{ user_id: '9', user_login: 'evil', user_name: evil, type: 'bits', total: 100 }] }));
    await expect.poll(() => parts(el, 'contributor-name'), { timeout: 5000 }).toEqual([evil]);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });
});
