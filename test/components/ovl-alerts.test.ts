import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../src/components/alerts/ovl-alerts.js';
import type { OvlAlerts } from '../../src/components/alerts/ovl-alerts.js';
import { fillTemplate, parseRewardRules, rewardListed, ruleFor } from '../../src/components/alerts/alert-rules.js';
import type { Redemption } from '../../src/sources/redemptions/redemption.js';

function redemption(id: string, overrides: Partial<Redemption> = {}): Redemption {
  return {
    id, userId: '1', userLogin: 'cool_user', userName: 'Cool_User', rewardId: 'rw-hydrate', rewardTitle: 'Hydrate!', rewardPrompt: '',
    rewardCost: 1500, userInput: '', status: 'unfulfilled', redeemedAt: 0, eventTime: 0,
    image: { url1x: 'https://img.test/1', url2x: 'https://img.test/2', url4x: 'https://img.test/4' }, backgroundColor: '#00C7AC', cooldownSeconds: 0,
    ...overrides,
  };
}

let element: OvlAlerts | undefined;
afterEach(() => element?.remove());

async function mount(setup: (el: OvlAlerts) => void = () => undefined) {
  const feed = new EventTarget();
  element = document.createElement('ovl-alerts');
  element.duration = 0.1;
  setup(element);
  element.source = feed as never;
  document.body.append(element);
  await element.updateComplete;
  const send = (r: Redemption) => feed.dispatchEvent(new CustomEvent('redemption', { detail: r }));
  const part = (name: string) => element!.shadowRoot!.querySelector(`[part="${name}"]`);
  return { el: element, send, part };
}

describe('alert rules', () => {
  test('templates per reward by title or id, filled as text', () => {
    const rules = parseRewardRules('Hydrate! => {user} needs water ({input}) | rw-other => {user} spent {cost} | broken entry');
    expect([...rules.keys()]).toEqual(['hydrate!', 'rw-other']);
    expect(fillTemplate(ruleFor(rules, redemption('a', { userInput: '2 glasses' }))!, redemption('a', { userInput: '2 glasses' }))).toBe('Cool_User needs water (2 glasses)');
    expect(ruleFor(rules, redemption('b', { rewardId: 'rw-other', rewardTitle: 'Other' }))).toBe('{user} spent {cost}');
    expect(rewardListed([], redemption('c'))).toBe(true);
    expect(rewardListed(['hydrate!'], redemption('c'))).toBe(true);
    expect(rewardListed(['something else'], redemption('c'))).toBe(false);
  });
});

describe('<ovl-alerts>', () => {
  test('a colour that is not a hex colour never reaches the style, whoever built the redemption', async () => {
    const { send, part } = await mount();
    send(redemption('evil', { backgroundColor: '#00C7AC;background-image:url(https://evil.example/x)' }));
    await expect.poll(() => part('alert')).not.toBeNull();
    const alert = part('alert') as HTMLElement;
    expect(alert.getAttribute('style') ?? '').not.toContain('evil');
    expect(getComputedStyle(alert).backgroundImage).toBe('none');
  });

  test('shows one alert at a time with image, colour, templated text and input, then the next', async () => {
    const { el, send, part } = await mount((e) => (e.templates = parseRewardRules('Hydrate! => {user} wants {reward}')));
    const seen: string[] = [];
    el.addEventListener('ovl-alert-show', (e) => seen.push(`show ${e.detail.id}`));
    el.addEventListener('ovl-alert-hide', (e) => seen.push(`hide ${e.detail.id}`));
    send(redemption('a', { userInput: 'two glasses' }));
    send(redemption('b', { rewardTitle: 'Other', rewardId: 'rw-2' }));
    await el.updateComplete;
    expect(part('text')?.textContent).toBe('Cool_User wants Hydrate!');
    expect(part('input')?.textContent).toBe('two glasses');
    expect((part('image') as HTMLImageElement).src).toBe('https://img.test/4');
    expect((part('alert') as HTMLElement).style.getPropertyValue('--_reward-color')).toBe('#00C7AC');
    await expect.poll(() => part('text')?.textContent).toBe('Cool_User redeemed Other');
    await expect.poll(() => part('alert')).toBeNull();
    expect(seen).toEqual(['show a', 'hide a', 'show b', 'hide b']);
  });

  test('viewer input and reward titles render as text', async () => {
    const { el, send, part } = await mount();
    send(redemption('x', { rewardTitle: '<b>bold</b>', userInput: '<img src=x onerror=alert(1)>' }));
    await el.updateComplete;
    expect(part('text')?.textContent).toBe('Cool_User redeemed <b>bold</b>');
    expect(part('input')?.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot!.querySelectorAll('b, [part="input"] img')).toHaveLength(0);
  });

  test('only listed rewards alert; too many waiting drops the oldest and counts it', async () => {
    const { el, send, part } = await mount((e) => {
      e.rewards = ['Hydrate!'];
      e.maxWaiting = 2;
      e.duration = 10;
    });
    send(redemption('skip', { rewardTitle: 'Not listed', rewardId: 'rw-9' }));
    for (const id of ['1', '2', '3', '4', '5']) send(redemption(id));
    await el.updateComplete;
    expect(part('text')).not.toBeNull();
    expect(el.dropped).toBe(2);
  });

  test('plays the reward’s own sound at the set volume, else the default, and a failing sound does not stop the alert', async () => {
    const played: [string, number][] = [];
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      played.push([this.src, this.volume]);
      return Promise.reject(new DOMException('autoplay blocked', 'NotAllowedError'));
    });
    try {
      const { el, send, part } = await mount((e) => {
        e.sounds = new Map([['hydrate!', 'http://127.0.0.1/water.ogg']]);
        e.sound = 'http://127.0.0.1/default.ogg';
        e.volume = 0.4;
      });
      send(redemption('s1'));
      await el.updateComplete;
      expect(part('alert')).not.toBeNull();
      send(redemption('s2', { rewardTitle: 'Other', rewardId: 'rw-3' }));
      await expect.poll(() => played.length).toBe(2);
      expect(played).toEqual([
        ['http://127.0.0.1/water.ogg', 0.4],
        ['http://127.0.0.1/default.ogg', 0.4],
      ]);
    } finally {
      play.mockRestore();
    }
  });

  test('reads the viewer input aloud for listed rewards only', async () => {
    const spoken: string[] = [];
    const speak = vi.spyOn(speechSynthesis, 'speak').mockImplementation((u) => void spoken.push(u.text));
    try {
      const { el, send } = await mount((e) => (e.speak = ['Hydrate!']));
      send(redemption('t1', { userInput: 'two glasses' }));
      send(redemption('t2', { rewardTitle: 'Other', rewardId: 'rw-4', userInput: 'not me' }));
      await expect.poll(() => el.shadowRoot!.querySelector('[part="input"]')?.textContent).toBe('not me');
      expect(spoken).toEqual(['two glasses']);
    } finally {
      speak.mockRestore();
    }
  });

  test('while paused no alert starts; on resume it shows', async () => {
    const { el, send, part } = await mount((e) => (e.paused = true));
    send(redemption('p'));
    await el.updateComplete;
    expect(part('alert')).toBeNull();
    el.paused = false;
    await el.updateComplete;
    await el.updateComplete;
    expect(part('alert')).not.toBeNull();
  });
});
