import { describe, expect, test } from 'vitest';
import type { SourceState } from '../../src/core/source.js';
import { DeferredSource } from '../../src/core/deferred-source.js';
import { SourceError } from '../../src/core/errors.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';
import { HandSource } from '../helpers/hand-source.js';

/** A deferred source over a HandSource whose load the test settles by hand. */
function deferred() {
  const schedule = new ManualSchedule();
  const inner = new HandSource({ schedule: schedule.schedule });
  const loads: { resolve: (source: HandSource) => void; reject: (error: unknown) => void }[] = [];
  const outer = new DeferredSource('events', () => new Promise<HandSource>((resolve, reject) => loads.push({ resolve, reject })), { schedule: schedule.schedule });
  const states: SourceState[] = [];
  const errors: string[] = [];
  outer.addEventListener('status', (e) => states.push(e.detail.state));
  outer.addEventListener('error', (e) => errors.push(e.detail.message));
  return { schedule, inner, outer, loads, states, errors };
}

/** Lets the promise callbacks queued so far run. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('DeferredSource', () => {
  test('loads at the first start, then is the loaded source: its status read through, its stop and restart, loaded once', async () => {
    const { inner, outer, loads, states, errors } = deferred();
    expect(loads).toHaveLength(0);
    outer.start();
    expect([outer.status.state, inner.opened]).toEqual(['connecting', 0]);
    loads[0]!.resolve(inner);
    await settled();
    expect(inner.opened).toBe(1);
    inner.live();
    expect(outer.status).toBe(inner.status);
    inner.drop();
    expect(outer.status).toMatchObject({ state: 'reconnecting', error: { code: 'network' } });
    expect(errors).toEqual(['dropped; reconnecting.']);
    outer.stop();
    expect([inner.status.state, outer.status.state]).toEqual(['stopped', 'stopped']);
    outer.start();
    expect([loads.length, inner.opened]).toEqual([1, 2]);
    // The loaded source's own `connecting` passes on, as a RelaySource's does; its `stopped` does not (this one says it).
    expect(states).toEqual(['connecting', 'connecting', 'connected', 'reconnecting', 'stopped', 'connecting', 'connecting']);
  });

  test('stopped while loading: the loaded source waits for the next start', async () => {
    const { inner, outer, loads } = deferred();
    outer.start();
    outer.stop();
    loads[0]!.resolve(inner);
    await settled();
    expect([inner.opened, outer.status.state]).toEqual([0, 'stopped']);
    outer.start();
    expect([loads.length, inner.opened]).toEqual([1, 1]);
  });

  test('code that never arrives: an error the setup card shows, telling the streamer to refresh the source', async () => {
    const { outer, loads } = deferred();
    outer.start();
    loads[0]!.reject(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/label-connection-x.js'));
    await settled();
    expect(outer.status.state).toBe('error');
    expect(outer.status.error).toMatchObject({
      code: 'network',
      retryable: false,
      message: "Part of this overlay's code did not load (Failed to fetch dynamically imported module: http://127.0.0.1/assets/label-connection-x.js). Refresh the source in OBS.",
    });
  });

  test('a setup mistake found while loading is its failure as it is; a retryable one loads again after the backoff', async () => {
    const refused = deferred();
    refused.outer.start();
    refused.loads[0]!.reject(new SourceError('auth', 'The label overlay needs the "bits:read" scope.'));
    await settled();
    expect(refused.outer.status).toMatchObject({ state: 'error', error: { code: 'auth', message: 'The label overlay needs the "bits:read" scope.' } });

    const { schedule, inner, outer, loads } = deferred();
    outer.start();
    loads[0]!.reject(new SourceError('network', 'Twitch did not answer; reconnecting.'));
    await settled();
    expect(outer.status).toMatchObject({ state: 'reconnecting', attempt: 1 });
    schedule.runNext();
    expect(loads).toHaveLength(2);
    loads[1]!.resolve(inner);
    await settled();
    inner.live();
    expect(outer.status.state).toBe('connected');
  });
});
