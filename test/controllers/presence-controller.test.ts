import { afterEach, describe, expect, test } from 'vitest';
import { LitElement, html, nothing } from 'lit';
import { PresenceController, type PresenceTracker } from '../../src/controllers/presence-controller.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';

/** Shows `item` until `until` (epoch ms), as a hype train runs until it expires. */
class UntilTracker implements PresenceTracker<string> {
  item: string | null = null;
  until = 0;

  current(now: number): string | null {
    return this.item !== null && this.until > now ? this.item : null;
  }

  nextChange(now: number): number | null {
    return this.current(now) === null ? null : this.until;
  }
}

const START = Date.parse('2026-11-28T12:00:00Z');

/** The smallest come-and-go element: one card, `in` or `out`, on a stepped clock. */
class PresenceHost extends LitElement {
  now = START;
  paused = false;
  readonly schedule = new ManualSchedule();
  readonly tracker = new UntilTracker();
  readonly presence = new PresenceController(this, {
    tracker: this.tracker,
    schedule: () => this.schedule.schedule,
    now: () => this.now,
    paused: () => this.paused,
  });

  protected override render() {
    const item = this.presence.visible;
    if (item === null) return nothing;
    return html`<div class="card ${this.presence.shown ? 'in' : 'out'}" @animationend=${this.presence.onAnimationEnd}>${item}</div>`;
  }
}
customElements.define('presence-test-host', PresenceHost);

const hosts: PresenceHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

async function mount() {
  const host = document.createElement('presence-test-host') as PresenceHost;
  hosts.push(host);
  document.body.append(host);
  await host.updateComplete;
  /** Takes in what a notification would: `item` shown until `seconds` after the start. */
  const show = async (item: string | null, seconds = 0) => {
    host.tracker.item = item;
    host.tracker.until = START + seconds * 1000;
    host.presence.refresh();
    host.requestUpdate();
    await host.updateComplete;
  };
  /** Moves the clock to `seconds` after the start and runs the pending tick. */
  const advanceTo = async (seconds: number) => {
    host.now = START + seconds * 1000;
    host.schedule.runNext();
    await host.updateComplete;
  };
  const card = () => host.shadowRoot!.querySelector<HTMLElement>('.card');
  return { host, show, advanceTo, card };
}

describe('PresenceController on a stepped schedule', () => {
  test('shows while something runs, ticks every second and then at the expiry, and leaves with its exit animation', async () => {
    const { host, show, advanceTo, card } = await mount();
    expect(host.schedule.waiting).toBe(0);
    expect(host.hasAttribute('active')).toBe(false);

    await show('train', 2.5);
    expect(host.hasAttribute('active')).toBe(true);
    expect(card()!.className).toBe('card in');
    expect(host.schedule.delays).toEqual([1000]);

    await advanceTo(1);
    expect(host.presence.now).toBe(START + 1000);
    await advanceTo(2);
    // The last tick comes at the expiry, not a whole second later.
    expect(host.schedule.delays).toEqual([1000, 1000, 500]);
    await advanceTo(2.5);
    expect(host.hasAttribute('active')).toBe(false);
    expect(host.presence.shown).toBeNull();
    // Gone by expiry, with no end: drawn as leaving until its exit animation ends, with no timer left.
    expect(card()!.className).toBe('card out');
    expect(host.schedule.waiting).toBe(0);

    card()!.dispatchEvent(new AnimationEvent('animationend'));
    await host.updateComplete;
    expect(host.presence.visible).toBeNull();
    expect(card()).toBeNull();
  });

  test('an animation ending inside the card does not take it away', async () => {
    const { host, show, card } = await mount();
    await show('poll', 60);
    await show(null);
    const leaving = card()!;
    expect(leaving.className).toBe('card out');
    const inner = leaving.appendChild(document.createElement('span'));
    inner.dispatchEvent(new AnimationEvent('animationend', { bubbles: true }));
    await host.updateComplete;
    expect(host.presence.leaving).toBe('poll');
    expect(card()).not.toBeNull();
  });

  test('a new one while another leaves: the new one shows, nothing is leaving', async () => {
    const { host, show, card } = await mount();
    await show('first', 60);
    await show(null);
    expect(host.presence.leaving).toBe('first');
    await show('second', 60);
    expect(host.presence.leaving).toBeNull();
    expect(card()!.textContent).toBe('second');
    expect(card()!.className).toBe('card in');
  });

  test('while OBS hides the source: no timer, and what ends goes without an exit animation', async () => {
    const { host, show, advanceTo } = await mount();
    await show('train', 120);
    expect(host.schedule.waiting).toBe(1);
    host.paused = true;
    host.requestUpdate();
    await host.updateComplete;
    expect(host.schedule.waiting).toBe(0);
    host.paused = false;
    host.requestUpdate();
    await host.updateComplete;
    expect(host.schedule.waiting).toBe(1);
    await advanceTo(30);
    expect(host.presence.now).toBe(START + 30_000);

    host.paused = true;
    await show(null);
    expect(host.hasAttribute('active')).toBe(false);
    expect(host.presence.visible).toBeNull();
  });

  test('taken out of the page the timer stops; put back, the clock reads the time afresh and ticks again', async () => {
    const { host, show, advanceTo } = await mount();
    await show('train', 600);
    expect(host.schedule.waiting).toBe(1);
    host.remove();
    expect(host.schedule.waiting).toBe(0);

    host.now = START + 100_000;
    document.body.append(host);
    expect(host.presence.now).toBe(START + 100_000);
    expect(host.schedule.waiting).toBe(1);
    await advanceTo(101);
    expect(host.presence.now).toBe(START + 101_000);
    expect(host.schedule.waiting).toBe(1);
  });
});
