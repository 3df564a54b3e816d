import { describe, expect, test } from 'vitest';
import { Source } from '../../src/core/source.js';
import { Backoff } from '../../src/core/backoff.js';
import { SourceError } from '../../src/core/errors.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';

/** A connection driven by hand, whose server the test says is there or not when a retry asks (`probe()`). */
class ProbedSource extends Source {
  readonly name = 'probed';
  opened = 0;
  asked = 0;
  /** What the next question gets; resolved by the test. */
  private answer: ((answers: boolean) => void) | null = null;
  protected open(): void {
    this.opened += 1;
  }
  protected close(): void {}
  protected override probe(): Promise<boolean> {
    this.asked += 1;
    return new Promise((resolve) => (this.answer = resolve));
  }
  live(): void {
    this.markConnected();
  }
  drop(): void {
    this.reconnect(new SourceError('network', 'dropped; reconnecting.'));
  }
  /** Answers the pending question, and lets the retry that waits on it go on. */
  async answers(answers: boolean): Promise<void> {
    this.answer!(answers);
    this.answer = null;
    await Promise.resolve();
    await Promise.resolve();
  }
}

function probed() {
  const clock = new ManualSchedule();
  const source = new ProbedSource({ schedule: clock.schedule, backoff: new Backoff() });
  return { clock, source };
}

describe('Source retries well into an outage', () => {
  test('the first two open at once; later ones ask first, and a "no" is a failed attempt that opens nothing; every 8th opens unasked', async () => {
    const { clock, source } = probed();
    source.start();
    source.live();
    source.drop();
    clock.runNext();
    expect([source.opened, source.asked]).toEqual([2, 0]);
    source.drop();
    clock.runNext();
    expect([source.opened, source.asked]).toEqual([3, 0]);
    source.drop();
    for (let attempt = 3; attempt <= 9; attempt += 1) {
      expect(source.status).toMatchObject({ state: 'reconnecting', attempt });
      clock.runNext();
      if (attempt === 8) {
        // Unasked: whatever the probe thinks, the connection itself is tried now and then.
        expect([source.opened, source.asked]).toEqual([4, 5]);
        source.drop();
        continue;
      }
      await source.answers(false);
    }
    expect([source.opened, source.asked]).toEqual([4, 6]);
    expect(source.status).toMatchObject({ state: 'reconnecting', attempt: 10 });
    clock.runNext();
    await source.answers(true);
    expect([source.opened, source.asked]).toEqual([5, 7]);
    source.live();
    expect(source.awaySince).toBeNull();
  });

  test('stopped while a question is out: its answer opens nothing', async () => {
    const { clock, source } = probed();
    source.start();
    source.live();
    for (let i = 0; i < 3; i += 1) {
      source.drop();
      clock.runNext();
    }
    expect(source.asked).toBe(1);
    source.stop();
    await source.answers(true);
    expect(source.opened).toBe(3);
    expect(source.status.state).toBe('stopped');
    expect(clock.waiting).toBe(0);
  });

  test('awaySince holds from the first failure through every retry, and is null once connected', () => {
    const { clock, source } = probed();
    source.start();
    source.live();
    expect(source.awaySince).toBeNull();
    source.drop();
    const since = source.awaySince;
    expect(since).not.toBeNull();
    clock.runNext();
    source.drop();
    expect(source.status.attempt).toBe(2);
    expect(source.awaySince).toBe(since);
    clock.runNext();
    source.live();
    expect(source.awaySince).toBeNull();
  });
});
