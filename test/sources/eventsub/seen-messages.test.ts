import { describe, expect, test } from 'vitest';
import { SeenMessages } from '../../../src/sources/eventsub/seen-messages.js';

const MINUTE = 60_000;

/** A clock the test moves by hand. */
function steppedClock() {
  let now = 0;
  return { clock: () => now, advance: (ms: number) => (now += ms) };
}

describe('SeenMessages', () => {
  test('a message id is new once; a resend within 10 minutes is a repeat', () => {
    const { clock, advance } = steppedClock();
    const seen = new SeenMessages(1000, clock);
    expect(seen.firstTime('a')).toBe(true);
    advance(9 * MINUTE);
    expect([seen.firstTime('a'), seen.firstTime('b')]).toEqual([false, true]);
  });

  test('an id is forgotten 10 minutes after it came', () => {
    const { clock, advance } = steppedClock();
    const seen = new SeenMessages(1000, clock);
    seen.firstTime('a');
    advance(5 * MINUTE);
    seen.firstTime('b');
    advance(5 * MINUTE);
    expect([seen.firstTime('a'), seen.firstTime('b')]).toEqual([true, false]);
  });

  test('twelve hours of an event every 10 s keep ten minutes of ids, not more', () => {
    const { clock, advance } = steppedClock();
    const seen = new SeenMessages(1000, clock);
    const sizes: number[] = [];
    for (let i = 0; i < 12 * 360; i++) {
      expect(seen.firstTime(`event-${i}`)).toBe(true);
      advance(10_000);
      if (i % 360 === 359) sizes.push(seen.remembered);
    }
    expect(sizes).toEqual(Array(12).fill(60));
  });

  test('a burst keeps at most `size` ids, the oldest forgotten first', () => {
    const seen = new SeenMessages(3, steppedClock().clock);
    for (const id of ['a', 'b', 'c', 'd']) seen.firstTime(id);
    expect(seen.remembered).toBe(3);
    expect([seen.firstTime('d'), seen.firstTime('b'), seen.firstTime('a')]).toEqual([false, false, true]);
  });

  test('a size that is not a positive integer is refused', () => {
    expect(() => new SeenMessages(0)).toThrow(RangeError);
    expect(() => new SeenMessages(2.5)).toThrow(RangeError);
  });
});
