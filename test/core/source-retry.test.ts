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
  test('the first two open at once; later ones ask first: a "no" is a failed attempt that opens nothing, a "yes" opens; every 5th opens unasked', async () => {
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
    expect(source.status).toMatchObject({ state: 'reconnecting', attempt: 3 });
    clock.runNext();
    await source.answers(false);
    expect([source.opened, source.asked]).toEqual([3, 1]);
    expect(source.status).toMatchObject({ state: 'reconnecting', attempt: 4 });
    clock.runNext();
    await source.answers(true);
    expect([source.opened, source.asked]).toEqual([4, 2]);
    source.drop();
    // The 5th: whatever the probe would say, the connection itself is tried now and then.
    clock.runNext();
    expect([source.opened, source.asked]).toEqual([5, 2]);
    source.drop();
    clock.runNext();
    await source.answers(false);
    expect([source.opened, source.asked]).toEqual([5, 3]);
    expect(source.status).toMatchObject({ state: 'reconnecting', attempt: 7 });
  });

  test('a connection right after the probe said no (at an unasked retry): the probe is not trusted again', async () => {
    const { clock, source } = probed();
    source.start();
    source.live();
    source.drop();
    clock.runNext();
    source.drop();
    clock.runNext();
    source.drop();
    clock.runNext();
    await source.answers(false);
    clock.runNext();
    await source.answers(false);
    expect([source.opened, source.asked]).toEqual([3, 2]);
    // The 5th retry opens unasked, and the server was there all along.
    clock.runNext();
    expect(source.opened).toBe(4);
    source.live();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      source.drop();
      clock.runNext();
    }
    expect([source.opened, source.asked]).toEqual([8, 2]);
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
