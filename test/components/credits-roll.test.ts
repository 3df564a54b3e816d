import { describe, expect, test, vi } from 'vitest';
import { CreditsRoll } from '../../src/components/credits/credits-rows.js';
import type { SeenMessages } from '../../src/sources/eventsub/seen-messages.js';
import { referenceEvent } from '../helpers/reference-event.js';

const follower = (i: number) => referenceEvent('channel.follow', { user_id: String(1000 + i), user_login: `fan_${i}`, user_name: `Fan_${i}` });
const names = (roll: CreditsRoll) => roll.sectionsFor(['followers', 'cheerers'], []).map((s) => [s.name, s.rows.map((r) => `${r.name}${r.amount === null ? '' : ` ${r.amount}`}`)]);

describe('CreditsRoll', () => {
  test('an event given twice (from the history, then again live) counts once; the same viewer again sums', () => {
    const roll = new CreditsRoll();
    const cheer = referenceEvent('channel.cheer', { user_id: '7', user_login: 'fay', user_name: 'Fay', bits: 100 });
    for (const event of [follower(1), cheer, follower(1), cheer]) roll.add(event);
    roll.add(referenceEvent('channel.cheer', { user_id: '7', user_login: 'fay', user_name: 'Fay', bits: 250 }));
    expect(names(roll)).toEqual([
      ['followers', ['Fan_1']],
      ['cheerers', ['Fay 350']],
    ]);
  });

  test('remembers event ids for 10 minutes, not for the stream: a repeat within them is dropped; 12 hours of an event every 10 s leave 10 minutes’ worth, and every supporter', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const roll = new CreditsRoll();
      // The count behind the bound (issue 23's twelve hours: the page must not fill over the stream but with its rows).
      const remembered = () => (roll as unknown as { seen: SeenMessages }).seen.remembered;
      const first = follower(0);
      roll.add(first);
      vi.advanceTimersByTime(9 * 60_000);
      roll.add(first);
      for (let i = 1; i < 12 * 360; i++) {
        vi.advanceTimersByTime(10_000);
        roll.add(follower(i));
      }
      expect(remembered()).toBe(60);
      const [[, rows]] = names(roll) as [string, string[]][];
      expect(rows).toHaveLength(12 * 360);
      expect(rows[0]).toBe('Fan_0');
    } finally {
      vi.useRealTimers();
    }
  });
});
