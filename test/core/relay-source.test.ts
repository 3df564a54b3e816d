import { describe, expect, test } from 'vitest';
import { Source, type SourceEventMap, type SourceState } from '../../src/core/source.js';
import { RelaySource } from '../../src/core/relay-source.js';
import { SourceError } from '../../src/core/errors.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';

/** A connection driven by hand: it goes live, drops or is refused when the test says so. */
class HandSource extends Source {
  readonly name = 'hand';
  opened = 0;
  protected open(): void {
    this.opened += 1;
  }
  protected close(): void {}
  live(): void {
    this.markConnected();
  }
  drop(): void {
    this.reconnect(new SourceError('network', 'dropped; reconnecting.'));
  }
  refuse(): void {
    this.fail(new SourceError('auth', 'refused'));
  }
}

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
