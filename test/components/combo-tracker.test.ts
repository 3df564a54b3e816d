import { describe, expect, test } from 'vitest';
import { ComboTracker, type ComboSettings } from '../../src/components/emote-combo/combo-tracker.js';
import type { EmotePart } from '../../src/domain/message-parts.js';

const emote = (code: string, provider: EmotePart['provider'] = '7tv'): EmotePart => ({ type: 'emote', provider, id: `id-${code}`, code, url: `https://cdn.7tv.app/emote/id-${code}/1x.webp` });
const KEKW = emote('KEKW');
const LUL = emote('LUL', 'twitch');
const EZ = emote('EZ');

const SECOND = 1000;
const RULES: ComboSettings = { minUsers: 3, windowMs: 10 * SECOND, maxCombos: 3 };

/** A tracker on a stepped clock: each `use` happens `at` seconds in. */
function tracker(settings: ComboSettings = RULES) {
  const combos = new ComboTracker(settings);
  return {
    combos,
    use: (user: string, at: number, ...emotes: EmotePart[]) => combos.use(user, emotes, at * SECOND),
    counts: () => combos.active.map((combo) => `${combo.emote.code} ×${combo.count}`),
  };
}

describe('ComboTracker (stepped clock)', () => {
  test('a combo starts when min-users different chatters used the emote within the window, counting their uses', () => {
    const { use, counts } = tracker();
    expect(use('ann', 0, KEKW).changed).toEqual([]);
    expect(use('ann', 1, KEKW).changed).toEqual([]);
    expect(use('bob', 2, KEKW).changed).toEqual([]);
    expect(counts()).toEqual([]);
    const { changed } = use('cat', 3, KEKW);
    expect(changed).toEqual([{ key: '7tv:id-KEKW', emote: KEKW, count: 4, startedAt: 3 * SECOND, lastAt: 3 * SECOND }]);
    expect(counts()).toEqual(['KEKW ×4']);
  });

  test('one chatter spamming makes no combo, however often; a message counts once however often it repeats the emote', () => {
    const { use, counts } = tracker({ ...RULES, minUsers: 2 });
    for (let i = 0; i < 200; i++) use('spammer', i * 0.01, KEKW, KEKW, KEKW);
    expect(counts()).toEqual([]);
    use('other', 3, KEKW, KEKW);
    // The window holds the spammer's 200 messages and this one: each message once.
    expect(counts()).toEqual(['KEKW ×201']);
  });

  test('uses older than the window do not count', () => {
    const { use, counts } = tracker();
    use('ann', 0, KEKW);
    use('bob', 5, KEKW);
    use('cat', 10, KEKW);
    expect(counts()).toEqual([]);
    use('dan', 11, KEKW);
    expect(counts()).toEqual(['KEKW ×3']);
  });

  test('a combo grows with each further use, from anyone, and ends `window` after its last use', () => {
    const { use, counts, combos } = tracker();
    for (const [i, user] of ['ann', 'bob', 'cat'].entries()) use(user, i, KEKW);
    use('dan', 4, KEKW);
    use('ann', 6, KEKW);
    expect(counts()).toEqual(['KEKW ×5']);
    expect(combos.nextEnd()).toBe(16 * SECOND);
    expect(combos.expire(15.999 * SECOND)).toEqual([]);
    expect(combos.expire(16 * SECOND).map((combo) => combo.count)).toEqual([5]);
    expect(combos.nextEnd()).toBeNull();
    // Over: the next uses count afresh.
    use('bob', 17, KEKW);
    use('cat', 18, KEKW);
    expect(counts()).toEqual([]);
    use('dan', 19, KEKW);
    expect(counts()).toEqual(['KEKW ×3']);
  });

  test('a use after the window ends the combo first, then counts afresh', () => {
    const { use, counts } = tracker();
    for (const [i, user] of ['ann', 'bob', 'cat'].entries()) use(user, i, KEKW);
    const { ended, changed } = use('dan', 30, KEKW);
    expect(ended.map((combo) => combo.count)).toEqual([3]);
    expect(changed).toEqual([]);
    expect(counts()).toEqual([]);
  });

  test('several combos at once, up to max-combos: a new one pushes out the one that went quiet longest', () => {
    const { use, counts } = tracker({ ...RULES, maxCombos: 2 });
    for (const [i, user] of ['ann', 'bob', 'cat'].entries()) use(user, i, KEKW, LUL);
    use('dan', 3, KEKW);
    expect(counts()).toEqual(['KEKW ×4', 'LUL ×3']);
    use('ann', 4, EZ);
    use('bob', 4, EZ);
    const { ended, changed } = use('cat', 5, EZ);
    expect(ended.map((combo) => combo.emote.code)).toEqual(['LUL']);
    expect(changed.map((combo) => combo.emote.code)).toEqual(['EZ']);
    expect(counts()).toEqual(['KEKW ×4', 'EZ ×3']);
  });

  test('a combo a message grew and then pushed out (every combo as quiet) is reported ended, not changed', () => {
    const { use, counts } = tracker({ ...RULES, maxCombos: 2 });
    for (const [i, user] of ['ann', 'bob', 'cat'].entries()) use(user, i, KEKW, LUL);
    use('ann', 4, KEKW, LUL, EZ);
    use('bob', 4, KEKW, LUL, EZ);
    const { ended, changed } = use('cat', 4, KEKW, LUL, EZ);
    expect(ended.map((combo) => `${combo.emote.code} ×${combo.count}`)).toEqual(['KEKW ×6']);
    expect(changed.map((combo) => `${combo.emote.code} ×${combo.count}`)).toEqual(['LUL ×6', 'EZ ×3']);
    expect(counts()).toEqual(['LUL ×6', 'EZ ×3']);
  });

  test('the same code from another provider is another emote', () => {
    const { use, counts } = tracker({ ...RULES, minUsers: 2 });
    use('ann', 0, emote('KEKW', 'bttv'));
    use('bob', 1, emote('KEKW', '7tv'));
    expect(counts()).toEqual([]);
  });
});
