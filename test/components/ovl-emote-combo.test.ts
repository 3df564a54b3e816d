import { afterEach, describe, expect, test } from 'vitest';
import { ChatSource } from '../../src/sources/tmi/chat-source.js';
import { ScriptedTransport } from '../../src/simulator/scripted-transport.js';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { EmoteLookup } from '../../src/chat-lookups/emotes/emote-lookup.js';
import '../../src/components/emote-combo/ovl-emote-combo.js';
import type { OvlEmoteCombo } from '../../src/components/emote-combo/ovl-emote-combo.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';
import { untilState } from '../helpers/chat.js';

const ROOM = '100000001';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** `<ovl-emote-combo>` fed by a real ChatSource on a scripted transport, on a clock and schedule the test steps. */
async function comboFixture(setup: (element: OvlEmoteCombo) => void = () => undefined) {
  const transport = new ScriptedTransport('combo', ROOM);
  const source = new ChatSource({ channel: 'combo', transport });
  const emotes = new EmoteLookup();
  emotes.setGlobal('7tv', [{ provider: '7tv', id: 'k1', code: 'KEKW', url: 'https://cdn.7tv.app/emote/k1/1x.webp' }]);
  source.emotes = emotes;
  const schedule = new ManualSchedule();
  let now = 1_700_000_000_000;
  const element = document.createElement('ovl-emote-combo');
  element.schedule = schedule.schedule;
  element.clock = () => now;
  setup(element);
  element.source = source;
  document.body.append(element);
  source.start();
  cleanup = () => {
    source.stop();
    element.remove();
  };
  await untilState(source, 'connected');
  await element.updateComplete;
  const root = element.shadowRoot!;
  return {
    element,
    schedule,
    /** A message from `login` (user id from the login) `seconds` after the last step. */
    say(login: string, text: string, emotesTag = '') {
      transport.push(privmsg('combo', text, { login, userId: `id-${login}`, emotes: emotesTag, roomId: ROOM }));
    },
    step(seconds: number) {
      now += seconds * 1000;
    },
    /** Each combo on screen as its text, e.g. `KEKW ×3`; leaving ones marked. */
    shown: () =>
      [...root.querySelectorAll<HTMLElement>('[part~="combo"]')].map(
        (row) => `${row.querySelector('[part="code"]')!.textContent} ${row.querySelector('[part="count"]')!.textContent}${row.classList.contains('leaving') ? ' (leaving)' : ''}`,
      ),
  };
}

describe('<ovl-emote-combo>', () => {
  test('three chatters make a combo that grows with each use; it leaves `window` after the last one, with an exit animation', async () => {
    const { say, step, shown, schedule, element } = await comboFixture((e) => (e.window = 10));
    say('ann', 'KEKW');
    step(1);
    say('bob', 'KEKW lol');
    expect(shown()).toEqual([]);
    expect(schedule.waiting).toBe(0);
    step(1);
    say('cat', 'so KEKW');
    expect(shown()).toEqual(['KEKW ×3']);
    expect(element.shadowRoot!.querySelector<HTMLImageElement>('[part="emote"]')!.alt).toBe('KEKW');
    step(4);
    say('ann', 'KEKW KEKW');
    expect(shown()).toEqual(['KEKW ×4']);
    // One timer, for the combo's end: 10 s after its last use.
    expect(schedule.waiting).toBe(1);
    expect(schedule.delays.at(-1)).toBe(10_000);
    step(10);
    schedule.runNext();
    expect(shown()).toEqual(['KEKW ×4 (leaving)']);
    expect(element.combos).toEqual([]);
    expect(schedule.waiting).toBe(0);
    // Once its exit animation has played, it is gone.
    await expect.poll(shown).toEqual([]);
  });

  test('one chatter spamming makes no combo; bots and commands do not count', async () => {
    const { say, step, shown } = await comboFixture((e) => (e.hideBots = ['nightbot']));
    for (let i = 0; i < 30; i++) {
      say('spammer', 'KEKW');
      step(0.1);
    }
    say('nightbot', 'KEKW');
    say('commander', '!kekw KEKW');
    expect(shown()).toEqual([]);
    say('bob', 'KEKW');
    expect(shown()).toEqual([]);
    say('cat', 'KEKW');
    expect(shown()).toEqual(['KEKW ×32']);
  });

  test('combos stack up to max-combos, Twitch and third-party emotes alike', async () => {
    const { say, shown } = await comboFixture((e) => (e.maxCombos = 2));
    for (const login of ['ann', 'bob', 'cat']) say(login, 'Kappa KEKW', '25:0-4');
    expect(shown()).toEqual(['Kappa ×3', 'KEKW ×3']);
    for (const login of ['ann', 'bob', 'cat']) say(login, 'LUL', '425618:0-2');
    expect(shown()).toEqual(['Kappa ×3 (leaving)', 'KEKW ×3', 'LUL ×3']);
  });

  test('a combo that one message grows and pushes out leaves, and no row stays behind for it', async () => {
    const { say, shown, element } = await comboFixture((e) => (e.maxCombos = 2));
    for (const login of ['ann', 'bob', 'cat']) say(login, 'Kappa KEKW', '25:0-4');
    for (const login of ['ann', 'bob', 'cat']) say(login, 'Kappa KEKW LUL', '25:0-4/425618:11-13');
    expect(shown()).toEqual(['Kappa ×5 (leaving)', 'KEKW ×6', 'LUL ×3']);
    expect(element.combos.map((combo) => combo.emote.code)).toEqual(['KEKW', 'LUL']);
    await expect.poll(shown).toEqual(['KEKW ×6', 'LUL ×3']);
  });

  test('an emote code is text, never markup', async () => {
    const { say, shown, element } = await comboFixture();
    for (const login of ['ann', 'bob', 'cat']) say(login, '<b>x</b>', 'emotesv2_0123456789abcdef0123456789abcdef:0-7');
    expect(shown()).toEqual(['<b>x</b> ×3']);
    expect(element.shadowRoot!.querySelector('b')).toBeNull();
  });
});
