import { describe, expect, test } from 'vitest';
import type { SourceEventMap, SourceState } from '../../src/core/source.js';
import { RelaySource } from '../../src/core/relay-source.js';
import { SourceError } from '../../src/core/errors.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';
import { HandSource } from '../helpers/hand-source.js';

class Relay extends RelaySource<SourceEventMap, HandSource> {
  readonly name = 'relay';
  refuseSetup = false;
  protected override open(): void {
    if (this.refuseSetup) this.fail(new SourceError('config', 'nothing to read'));
    else super.open();
  }
}

function relay() {
  const inner = new HandSource({ schedule: new ManualSchedule().schedule });
  const outer = new Relay(inner);
  const states: SourceState[] = [];
  const errors: string[] = [];
  outer.addEventListener('status', (e) => states.push(e.detail.state));
  outer.addEventListener('error', (e) => errors.push(e.detail.message));
  return { inner, outer, states, errors };
}

describe('RelaySource', () => {
  test('starts and stops the inner source; while it runs, its status and last error are the inner one’s', () => {
    const { inner, outer, states, errors } = relay();
    outer.start();
    expect(inner.opened).toBe(1);
    inner.live();
    expect(outer.status).toBe(inner.status);
    inner.drop();
    expect(outer.status).toMatchObject({ state: 'reconnecting', attempt: 1, error: { code: 'network' } });
    expect(outer.lastError).toBe(inner.lastError);
    expect(errors).toEqual(['dropped; reconnecting.']);
    outer.stop();
    expect([inner.status.state, outer.status.state]).toEqual(['stopped', 'stopped']);
    // The inner source's own `stopped` is not passed on: the relay says it once, itself.
    expect(states).toEqual(['connecting', 'connecting', 'connected', 'reconnecting', 'stopped']);
  });

  test('an inner failure that retrying cannot fix is the relay’s error state too', () => {
    const { inner, outer } = relay();
    outer.start();
    inner.refuse();
    expect(outer.status).toMatchObject({ state: 'error', error: { code: 'auth' } });
    expect(outer.running).toBe(true);
  });

  test('a failure of its own is its own status, and the inner source never starts', () => {
    const { inner, outer, states } = relay();
    outer.refuseSetup = true;
    outer.start();
    expect(inner.opened).toBe(0);
    expect(outer.status).toMatchObject({ state: 'error', error: { code: 'config' } });
    expect(outer.lastError?.message).toBe('nothing to read');
    expect(states).toEqual(['connecting', 'error']);
  });

  test('says nothing of the inner source while it is not running itself', () => {
    const { inner, states } = relay();
    inner.start();
    inner.live();
    expect(states).toEqual([]);
  });
});

describe('Source.awaySince', () => {
  test('is set from the start until connected, kept through every retry of a lost connection, and cleared by a connection or a stop; a relay reads it through', () => {
    const schedule = new ManualSchedule();
    const inner = new HandSource({ schedule: schedule.schedule });
    const outer = new Relay(inner);
    expect(inner.awaySince).toBeNull();
    const before = Date.now();
    outer.start();
    expect(inner.awaySince).toBeGreaterThanOrEqual(before);
    inner.live();
    expect([inner.awaySince, outer.awaySince]).toEqual([null, null]);
    inner.drop();
    const lost = inner.awaySince;
    expect(lost).not.toBeNull();
    schedule.runNext();
    inner.drop();
    schedule.runNext();
    expect(inner.status.state).toBe('reconnecting');
    // Each retry is a new state with its own `since`; the time away runs from the drop.
    expect(inner.awaySince).toBe(lost);
    expect(outer.awaySince).toBe(lost);
    inner.live();
    expect(outer.awaySince).toBeNull();
    inner.drop();
    outer.stop();
    expect([inner.awaySince, outer.awaySince]).toEqual([null, null]);
  });
});
