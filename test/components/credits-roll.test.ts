import { describe, expect, test } from 'vitest';
import { CreditsRoll } from '../../src/components/credits/credits-rows.js';
import { referenceEvent } from '../helpers/reference-event.js';

const follower = (i: number) => referenceEvent('channel.follow', { user_id: String(1000 + i), user_login: `fan_${i}`, user_name: `Fan_${i}` });
const names = (roll: CreditsRoll) => roll.sectionsFor(['followers', 'cheerers'], []).map((s) => [s.name, s.rows.map((r) => `${r.name}${r.amount === null ? '' : ` ${r.amount}`}`)]);

describe('CreditsRoll', () => {
  test('each viewer once per section, in the order they first appeared, their amounts summed', () => {
    const roll = new CreditsRoll();
    roll.add(follower(1));
    roll.add(referenceEvent('channel.cheer', { user_id: '7', user_login: 'fay', user_name: 'Fay', bits: 100 }));
    roll.add(follower(2));
    roll.add(referenceEvent('channel.cheer', { user_id: '7', user_login: 'fay', user_name: 'Fay', bits: 250 }));
    expect(names(roll)).toEqual([
      ['followers', ['Fan_1', 'Fan_2']],
      ['cheerers', ['Fay 350']],
    ]);
  });
});
