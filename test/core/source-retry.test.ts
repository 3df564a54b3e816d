import { describe, expect, test } from 'vitest';
import { Source, UNASKED_EVERY_MS } from '../../src/core/source.js';
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

/** Runs the pending retry, answering "no" when it asks; one that opened fails as it opens. Returns whether it opened. */
async function failedRetry(source: ProbedSource, clock: ManualSchedule): Promise<boolean> {
  const opened = source.opened;
  clock.runNext();
  if (source.opened === opened) {
    await source.answers(false);
    return false;
  }
  source.drop();
  return true;
}

/** The retry delays waited since the last retry that opened, through the last one run. */
function waitedSinceOpening(clock: ManualSchedule, openedAt: readonly number[]): number {
  return clock.delays.slice(openedAt.at(-2)! + 1, openedAt.at(-1)! + 1).reduce((sum, ms) => sum + ms, 0);
}

describe('Source retries well into an outage', () => {
  test('the first two open at once; later ones ask first: a "no" is a failed attempt that opens nothing, a "yes" opens', async () => {
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
  });

  test('whatever the probe says, a retry opens unasked once 2 minutes of retry delays passed since the last one that opened, and asks again after', async () => {
    const { clock, source } = probed();
    source.start();
    source.live();
    source.drop();
    // The indexes in clock.delays of the retries that opened: the first two, then the unasked ones.
    const openedAt: number[] = [];
    for (let retry = 0; openedAt.length < 4; retry += 1) {
      if (await failedRetry(source, clock)) openedAt.push(retry);
    }
    expect(openedAt.slice(0, 2)).toEqual([0, 1]);
    for (const upTo of [3, 4]) {
      const opened = openedAt.slice(0, upTo);
      const waited = waitedSinceOpening(clock, opened);
      expect(waited).toBeGreaterThanOrEqual(UNASKED_EVERY_MS);
      // One retry earlier it had not waited that long.
      expect(waited - clock.delays[opened.at(-1)!]!).toBeLessThan(UNASKED_EVERY_MS);
    }
    // Every other retry asked.
    expect(source.asked).toBe(openedAt[3]! + 1 - openedAt.length);
  });

  test('a connection right after the probe said no (at an unasked retry): the probe is not trusted again', async () => {
    const { clock, source } = probed();
    source.start();
    source.live();
    source.drop();
    await failedRetry(source, clock);
    await failedRetry(source, clock);
    const opened = source.opened;
    // The probe says no until a retry opens unasked, and the server was there all along.
    while (source.opened === opened) {
      clock.runNext();
      if (source.opened === opened) await source.answers(false);
    }
    source.live();
    const asked = source.asked;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      source.drop();
      clock.runNext();
    }
    expect([source.opened, source.asked]).toEqual([opened + 5, asked]);
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
