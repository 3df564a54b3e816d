import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bootOverlay, type BootedOverlay } from '../../src/boot/boot.js';
import { subathonOverlay } from '../../src/overlays/subathon-overlay.js';
import type { ControlledParts } from '../../src/overlays/controlled-parts.js';
import { readWidgetCommand, type WidgetCommand } from '../../src/domain/widget-commands.js';
import { remainingAt, type SubathonState } from '../../src/components/subathon/subathon-clock.js';
import type { OvlSubathon } from '../../src/components/subathon/ovl-subathon.js';
import { FIXTURE_CHANNEL_ID, scopedToken } from '../helpers/http.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';
import { fake } from '../helpers/fake-servers.js';

/**
 * The dock's timer buttons as the subathon overlay receives them: the overlay booted in this
 * page against the fake Helix and EventSub servers, its `control` handed each command as the
 * boot's control hook will hand it what arrives on the control channel (what the dock sends is
 * `{ kind: 'timer', action, minutes?, id? }`, see src/domain/widget-commands.ts).
 */
const KEY = `ovl:subathon:v1:${FIXTURE_CHANNEL_ID}`;
const MIN = 60_000;
let root: HTMLElement;
const booted: BootedOverlay[] = [];
beforeEach(() => {
  localStorage.removeItem(KEY);
  root = document.body.appendChild(document.createElement('div'));
});
afterEach(() => {
  for (const overlay of booted.splice(0)) overlay.stop();
  root.remove();
  localStorage.removeItem(KEY);
});

let counter = 0;
async function boot(): Promise<{ control: (command: WidgetCommand) => void; element: OvlSubathon }> {
  const url = new URL(`http://127.0.0.1/overlays/subathon/?length=10&tier1=5&dev-origin=${fake.httpOrigin}&dev-eventsub=${encodeURIComponent(`${fake.eventsubUrl}?tag=control-${++counter}`)}#token=${scopedToken(EVENT_SCOPES)}`);
  const overlay = await bootOverlay(subathonOverlay, { url, root, schedule: new ManualSchedule().schedule });
  booted.push(overlay);
  const parts = overlay.parts as ControlledParts;
  return { control: (command) => parts.control(command), element: parts.element as OvlSubathon };
}
const stored = () => JSON.parse(localStorage.getItem(KEY) ?? 'null') as SubathonState;
/** Presses Start timer until the page leads the timer pages (its Web Lock is granted in a task of its own); Start is idempotent. */
const started = (control: (command: WidgetCommand) => void) =>
  expect
    .poll(() => {
      control({ kind: 'timer', action: 'start' });
      return stored().phase;
    })
    .toBe('running');

describe('the dock’s timer buttons', () => {
  test('Start, Pause, Resume, Add time (once per press, either way) and Reset', async () => {
    const { control, element } = await boot();
    expect(stored().phase).toBe('waiting');
    await started(control);
    control({ kind: 'timer', action: 'pause' });
    const paused = stored();
    expect(paused.phase).toBe('paused');
    expect(paused.remainingMs).toBeLessThanOrEqual(10 * MIN);
    expect(paused.remainingMs).toBeGreaterThan(9 * MIN);
    control({ kind: 'timer', action: 'add', minutes: 5, id: 'press-1' });
    control({ kind: 'timer', action: 'add', minutes: 5, id: 'press-1' });
    expect(stored().remainingMs).toBe(paused.remainingMs + 5 * MIN);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="extension"]')?.textContent).toBe('+5:00');
    control({ kind: 'timer', action: 'add', minutes: -2, id: 'press-2' });
    expect(stored().remainingMs).toBe(paused.remainingMs + 3 * MIN);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="extension"]')?.textContent).toBe('−2:00');
    control({ kind: 'timer', action: 'resume' });
    expect(stored().phase).toBe('running');
    control({ kind: 'timer', action: 'reset' });
    expect(stored()).toMatchObject({ phase: 'waiting', remainingMs: 10 * MIN, totalMs: 10 * MIN });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="clock"]')?.textContent).toBe('0:10:00');
  });

  test('two timer pages hear the same press: the one that leads adds the time, once', async () => {
    const first = await boot();
    const second = await boot();
    await started(first.control);
    second.control({ kind: 'timer', action: 'start' });
    const before = stored();
    for (const { control } of [first, second]) control({ kind: 'timer', action: 'add', minutes: 1, id: 'press-9' });
    expect(stored().endsAt - before.endsAt).toBe(MIN);
  });

  test('one text update a second while it runs, none while paused or hidden in OBS', async () => {
    const { control, element } = await boot();
    // The element's own timers apart from the page's (the token's hourly check, reconnects).
    const schedule = new ManualSchedule();
    element.schedule = schedule.schedule;
    await element.updateComplete;
    expect(schedule.waiting).toBe(0);
    await started(control);
    await element.updateComplete;
    expect(schedule.waiting).toBe(1);
    const delay = schedule.delays.at(-1)!;
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(1000);
    schedule.runNext();
    await element.updateComplete;
    expect(schedule.waiting).toBe(1);
    control({ kind: 'timer', action: 'pause' });
    await element.updateComplete;
    expect(schedule.waiting).toBe(0);
    control({ kind: 'timer', action: 'resume' });
    element.paused = true;
    await element.updateComplete;
    expect(schedule.waiting).toBe(0);
    element.paused = false;
    await element.updateComplete;
    expect(schedule.waiting).toBe(1);
    expect(remainingAt(stored(), Date.now())).toBeGreaterThan(9 * MIN);
  });

  test('a command is read only when it is well formed', () => {
    expect(readWidgetCommand({ kind: 'timer', action: 'add', minutes: 5, id: 'a' })).not.toBeNull();
    expect(readWidgetCommand({ kind: 'timer', action: 'pause' })).not.toBeNull();
    expect(readWidgetCommand({ kind: 'credits-roll' })).not.toBeNull();
    for (const bad of [null, 'timer', { kind: 'timer', action: 'explode' }, { kind: 'timer', action: 'add', minutes: 5 }, { kind: 'timer', action: 'add', minutes: Infinity, id: 'a' }, { kind: 'timer', action: 'add', minutes: 1e9, id: 'a' }, { kind: 'toString' }]) {
      expect(readWidgetCommand(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});
