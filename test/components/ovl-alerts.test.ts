import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../src/components/alerts/ovl-alerts.js';
import type { OvlAlerts } from '../../src/components/alerts/ovl-alerts.js';
import { fillTemplate, parseRewardRules, rewardListed, ruleFor } from '../../src/components/alerts/alert-rules.js';
import type { Redemption } from '../../src/domain/redemption.js';
import { normalizeNotification } from '../../src/sources/eventsub/normalize.js';
import { ALERT_KINDS, isAlertEvent, redemptionEvent, type AlertEvent, type AlertKind, type FollowEvent, type StreamEvent } from '../../src/domain/stream-event.js';
import { DEFAULT_KIND_SETTINGS, lookFor, parseVariations, type KindSettings } from '../../src/components/alerts/alert-settings.js';
import { KitSounds } from '../../src/components/alerts/alert-sounds.js';
import { sampleEvent } from '../../src/simulator/sample-event.js';
import { REFERENCE_EVENTS, versionOf, type ReferenceType } from '../fixtures/eventsub/reference-events.js';

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
  const send = (r: Redemption) => feed.dispatchEvent(new CustomEvent('event', { detail: redemptionEvent(r) }));
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

describe('variations', () => {
  test('parsed from the URL form, sorted by amount; options apart from the text; bad entries skipped', () => {
    expect(parseVariations('5000 => huge; wow ; sound=http://s/h.ogg ; duration=12 | nonsense => x | 100 => {user} ; image=http://i/a.gif | 10 => ; duration=999')).toEqual([
      { min: 10 },
      { min: 100, template: '{user}', image: 'http://i/a.gif' },
      { min: 5000, template: 'huge; wow', sound: 'http://s/h.ogg', durationMs: 12_000 },
    ]);
    const settings = { ...DEFAULT_KIND_SETTINGS.cheer, variations: parseVariations('100 => mid | 1000 => big') };
    expect([99, 100, 999, 1000, 50_000].map((amount) => lookFor(settings, amount).template)).toEqual(['{user} cheered {amount} bits!', 'mid', 'mid', 'big', 'big']);
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

/** A reference payload (Twitch's example) through the real normaliser, with fields changed: an event an alert box shows. */
function reference(type: ReferenceType, change: Record<string, unknown> = {}, at = Date.now()): AlertEvent {
  const result = normalizeNotification({ type, version: versionOf(type), messageId: `m-${Math.random()}`, timestamp: at, event: { ...REFERENCE_EVENTS[type], ...change } });
  if (!('event' in result)) throw new Error(result.skipped);
  if (!isAlertEvent(result.event)) throw new Error(`${type} is no alert`);
  return result.event;
}

async function mountEvents(setup: (el: OvlAlerts) => void = () => undefined) {
  const mounted = await mount((e) => {
    e.sound = 'none';
    e.sampleEvent = sampleEvent;
    setup(e);
  });
  const feed = mounted.el.source as unknown as EventTarget;
  const emit = (event: StreamEvent) => feed.dispatchEvent(new CustomEvent('event', { detail: event }));
  const texts: string[] = [];
  mounted.el.addEventListener('ovl-alert-show', () => void mounted.el.updateComplete.then(() => texts.push(mounted.part('text')?.textContent ?? '')));
  return { ...mounted, emit, texts };
}

const withSettings = (kind: AlertKind, change: Partial<KindSettings>) => ({ ...DEFAULT_KIND_SETTINGS, [kind]: { ...DEFAULT_KIND_SETTINGS[kind], ...change } });

describe('<ovl-alerts> for every stream event', () => {
  test.each<[ReferenceType, Record<string, unknown>, string]>([
    ['channel.follow', {}, 'Cool_User just followed!'],
    ['channel.subscribe', { tier: '3000' }, 'Cool_User subscribed at Tier 3!'],
    ['channel.subscription.message', {}, 'Cool_User resubscribed for 15 months!'],
    ['channel.subscription.gift', { total: 50 }, 'Cool_User gifted 50 subs!'],
    ['channel.subscription.gift', { total: 1, is_anonymous: true, user_id: null, user_login: null, user_name: null }, 'Anonymous gifted a sub!'],
    ['channel.bits.use', { bits: 1500 }, 'Cool_User cheered 1,500 bits!'],
    ['channel.raid', {}, 'Cool_User is raiding with 9,001 viewers!'],
    ['channel.shoutout.receive', {}, 'SimplySimple gave us a shoutout to 860 viewers!'],
    ['channel.hype_train.begin', { type: 'regular' }, 'Hype train! Level 2'],
    ['channel.hype_train.begin', {}, 'Golden Kappa train! Level 2'],
    ['channel.hype_train.end', {}, 'The treasure train reached level 2!'],
    ['channel.poll.begin', {}, 'Poll: Aren’t shoes just really hard socks?'],
    ['channel.poll.end', {}, 'Poll result: Yellow'],
    ['channel.prediction.begin', {}, 'Prediction: Aren’t shoes just really hard socks?'],
    ['channel.prediction.end', {}, '“Yeah!” wins the prediction!'],
    ['channel.goal.end', { is_achieved: true }, 'Goal reached: Help me get partner!!'],
    ['channel.charity_campaign.donate', {}, 'GivingUser donated $100.00 to Example name!'],
    ['channel.channel_points_automatic_reward_redemption.add', {}, 'Cool_User redeemed Highlight My Message'],
  ])('%s %j → "%s" with the default template', async (type, change, text) => {
    const { el, emit, part } = await mountEvents();
    emit(reference(type, change));
    await el.updateComplete;
    expect(part('text')?.textContent).toBe(text);
    expect(part('alert')?.classList.contains(reference(type, change).kind)).toBe(true);
  });

  test('progress updates do not alert; they are for the live widgets', async () => {
    const { el, emit, part } = await mountEvents();
    emit(reference('channel.goal.progress'));
    emit(reference('channel.hype_train.begin', { type: 'regular' }));
    await el.updateComplete;
    expect(part('text')?.textContent).toBe('Hype train! Level 2');
  });

  test('templates take the kind’s fields; an unknown field stays as written', async () => {
    const { el, emit, part } = await mountEvents((e) => (e.settings = withSettings('resub', { template: '{user}: {months} months ({streak} in a row, {tier}) says {message} {nope}' })));
    emit(reference('channel.subscription.message'));
    await el.updateComplete;
    expect(part('text')?.textContent).toBe('Cool_User: 15 months (1 in a row, Tier 1) says Love the stream! FevziGG {nope}');
  });

  test('variations by amount: the highest one reached sets template, image and sound', async () => {
    const played: string[] = [];
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      played.push(this.src);
      return Promise.resolve();
    });
    try {
      const variations = parseVariations('1000 => BIG {amount} from {user} ; sound=http://127.0.0.1/big.ogg ; image=http://127.0.0.1/big.webm | 100 => {user} cheered {amount}; image=http://127.0.0.1/mid.gif');
      const { el, emit, part, texts } = await mountEvents((e) => (e.settings = withSettings('cheer', { variations, min: 10 })));
      emit(reference('channel.bits.use', { bits: 5 }));
      emit(reference('channel.bits.use', { bits: 50 }));
      emit(reference('channel.bits.use', { bits: 150 }));
      emit(reference('channel.bits.use', { bits: 2000 }));
      await el.updateComplete;
      expect(part('text')?.textContent).toBe('Cool_User cheered 50 bits!');
      await expect.poll(() => texts).toEqual(['Cool_User cheered 50 bits!', 'Cool_User cheered 150', 'BIG 2,000 from Cool_User']);
      expect(part('image')?.tagName).toBe('VIDEO');
      expect(part('image')?.getAttribute('src')).toBe('http://127.0.0.1/big.webm');
      expect(played).toEqual(['http://127.0.0.1/big.ogg']);
    } finally {
      play.mockRestore();
    }
  });

  test('a kind switched off does not alert; the Test button still plays it', async () => {
    const { el, emit, part } = await mountEvents((e) => (e.settings = withSettings('follow', { enabled: false })));
    emit(reference('channel.follow'));
    await el.updateComplete;
    expect(part('alert')).toBeNull();
    await el.playTestAlert('follow');
    await el.updateComplete;
    expect(part('text')?.textContent).toMatch(/ just followed!$/);
  });

  test('queue priority: a waiting raid and gift bomb show before follows that came first', async () => {
    const { el, emit, texts } = await mountEvents((e) => (e.followBurst = 0));
    emit(reference('channel.subscription.message'));
    emit(reference('channel.follow', { user_login: 'early', user_name: 'Early' }));
    emit(reference('channel.follow', { user_login: 'second', user_name: 'Second' }));
    emit(reference('channel.subscription.gift', { total: 20 }));
    emit(reference('channel.raid'));
    await expect.poll(() => texts.length, { timeout: 5000 }).toBe(5);
    expect(texts).toEqual(['Cool_User resubscribed for 15 months!', 'Cool_User is raiding with 9,001 viewers!', 'Cool_User gifted 20 subs!', 'Early just followed!', 'Second just followed!']);
    expect(el.dropped).toBe(0);
  });

  test('the cap drops the oldest of the least important waiting alerts', async () => {
    const { el, emit } = await mountEvents((e) => {
      e.maxWaiting = 2;
      e.duration = 30;
      e.followBurst = 0;
    });
    const shown: string[] = [];
    el.addEventListener('ovl-alert-show', (e) => shown.push((e as CustomEvent<StreamEvent>).detail.kind));
    emit(reference('channel.raid'));
    emit(reference('channel.follow'));
    emit(reference('channel.subscribe'));
    emit(reference('channel.raid'));
    expect(el.dropped).toBe(1);
    expect(shown).toEqual(['raid']);
  });

  test('follow burst: 200 follows in 10 s are one alert that counts up to "200 new followers"', async () => {
    const { el, emit, part, texts } = await mountEvents((e) => (e.duration = 30));
    const updates: number[] = [];
    el.addEventListener('ovl-alert-update', (e) => updates.push((e as CustomEvent<FollowEvent>).detail.count));
    const start = Date.now();
    for (let i = 0; i < 200; i++) emit(reference('channel.follow', { user_id: String(5000 + i), user_login: `fan${i}`, user_name: `Fan${i}` }, start + i * 50));
    await el.updateComplete;
    expect(part('text')?.textContent).toBe('200 new followers!');
    expect(texts).toHaveLength(1); // one alert, shown once
    expect(updates).toHaveLength(199);
    expect(el.dropped).toBe(0);
  });

  test('follows beyond the burst window of the one on screen stay apart', async () => {
    const { el, emit, part, texts } = await mountEvents((e) => {
      e.followBurst = 2;
      e.duration = 30;
    });
    const shown: number[] = [];
    el.addEventListener('ovl-alert-show', (e) => shown.push((e as CustomEvent<FollowEvent>).detail.at));
    const start = Date.now();
    for (const [i, offset] of [0, 1000, 1500, 5000, 5100].entries()) emit(reference('channel.follow', { user_login: `f${i}`, user_name: `F${i}` }, start + offset));
    await el.updateComplete;
    expect(texts).toHaveLength(1);
    expect(part('text')?.textContent).toBe('3 new followers!');
    expect(shown).toEqual([start]);
  });

  test('follows waiting behind another alert fold into one', async () => {
    const { emit, texts } = await mountEvents((e) => (e.followBurst = 2));
    const start = Date.now();
    emit(reference('channel.raid'));
    for (const [i, offset] of [0, 500, 900, 5000].entries()) emit(reference('channel.follow', { user_login: `w${i}`, user_name: `W${i}` }, start + offset));
    await expect.poll(() => texts, { timeout: 5000 }).toEqual(['Cool_User is raiding with 9,001 viewers!', '3 new followers!', 'W3 just followed!']);
  });

  test('minimum amounts: a raid under the minimum does not alert', async () => {
    const { el, emit, part } = await mountEvents((e) => (e.settings = withSettings('raid', { min: 10 })));
    emit(reference('channel.raid', { viewers: 3 }));
    await el.updateComplete;
    expect(part('alert')).toBeNull();
    emit(reference('channel.raid', { viewers: 10 }));
    await el.updateComplete;
    expect(part('text')?.textContent).toBe('Cool_User is raiding with 10 viewers!');
  });

  test('viewer messages show their Twitch emotes as images, cheermotes left out', async () => {
    const { el, emit, part } = await mountEvents();
    emit(reference('channel.subscription.message'));
    await el.updateComplete;
    const message = part('message')!;
    expect(message.textContent).toBe('Love the stream! ');
    const emote = message.querySelector('img[part="emote"]') as HTMLImageElement;
    expect([emote.alt, emote.src]).toEqual(['FevziGG', 'https://static-cdn.jtvnw.net/emoticons/v2/302976485/default/dark/1.0']);
  });

  test('names, messages, titles and charity names from viewers render inertly, for every kind that shows one', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const { el, emit, texts } = await mountEvents((e) => (e.duration = 0.05));
    // Per alert: the viewer's text shown as text, and no element made from it.
    const made: number[] = [];
    const shownText: string[] = [];
    el.addEventListener('ovl-alert-show', () =>
      void el.updateComplete.then(() => {
        made.push(el.shadowRoot!.querySelectorAll('b, img:not([part="emote"]), [onerror]').length);
        shownText.push(el.shadowRoot!.querySelector('[part="alert"]')!.textContent ?? '');
      }),
    );
    const named = { user_name: evil, user_login: 'evil' };
    emit(reference('channel.follow', named));
    emit(reference('channel.subscription.message', { ...named, message: { text: evil, emotes: null } }));
    emit(reference('channel.bits.use', { ...named, message: { text: evil, fragments: [{ type: 'text', text: evil }] } }));
    emit(reference('channel.raid', { from_broadcaster_user_name: evil }));
    emit(reference('channel.poll.begin', { title: evil }));
    emit(reference('channel.prediction.end', { outcomes: [{ id: '12345', title: evil, color: 'blue', users: 1, channel_points: 5 }] }));
    emit(reference('channel.goal.end', { description: evil, is_achieved: true }));
    emit(reference('channel.charity_campaign.donate', { charity_name: evil }));
    emit(reference('channel.channel_points_automatic_reward_redemption.add', { ...named, message: { text: evil, fragments: [{ type: 'text', text: evil }] } }));
    await expect.poll(() => texts.length, { timeout: 5000 }).toBe(9);
    expect(texts.filter((t) => t.includes(evil))).toHaveLength(9);
    expect(made).toEqual(Array(9).fill(0));
    expect(shownText.filter((t) => t.split(evil).length > 2)).toHaveLength(3); // resub, cheer and automatic reward: name and message
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  test('the exit animation ends as the alert’s time is up, and pauses with the queue', async () => {
    const { el, emit, part } = await mountEvents((e) => (e.duration = 5));
    emit(reference('channel.raid'));
    await el.updateComplete;
    expect((part('alert') as HTMLElement).style.getPropertyValue('--_exit-delay')).toBe('4600ms');
    el.paused = true;
    await el.updateComplete;
    expect(getComputedStyle(part('alert')!).animationPlayState).toBe('paused');
  });

  test('a kind’s duration and a variation’s duration set how long its alert stays', async () => {
    const { el, emit, part } = await mountEvents((e) => (e.settings = withSettings('raid', { durationMs: 2000, variations: parseVariations('1000 => big ; duration=10') })));
    emit(reference('channel.raid', { viewers: 5 }));
    await el.updateComplete;
    expect((part('alert') as HTMLElement).style.getPropertyValue('--_exit-delay')).toBe('1600ms');
    el.remove();
    const second = await mountEvents((e) => (e.settings = withSettings('raid', { durationMs: 2000, variations: parseVariations('1000 => big ; duration=10') })));
    second.emit(reference('channel.raid', { viewers: 1000 }));
    await second.el.updateComplete;
    expect(second.part('text')?.textContent).toBe('big');
    expect((second.part('alert') as HTMLElement).style.getPropertyValue('--_exit-delay')).toBe('9600ms');
  });

  test('each kind has its own kit sound, audible and distinct, rendered offline', async () => {
    const rendered = new Map<AlertKind, string>();
    for (const kind of ALERT_KINDS) {
      const offline = new OfflineAudioContext(1, Math.ceil(48_000 * (KitSounds.lengthOf(kind) + 0.2)), 48_000);
      new KitSounds(() => offline).play(kind, 1);
      const samples = (await offline.startRendering()).getChannelData(0);
      const peak = samples.reduce((max, v) => Math.max(max, Math.abs(v)), 0);
      expect(peak, kind).toBeGreaterThan(0.1);
      expect(peak, kind).toBeLessThanOrEqual(1);
      rendered.set(kind, Array.from(samples.subarray(0, 4800), (v) => v.toFixed(2)).join());
    }
    expect(new Set(rendered.values()).size).toBeGreaterThanOrEqual(10);
  });
});

describe('playTestAlert', () => {
  test.each(ALERT_KINDS.map((k) => [k]))('%s plays a sample alert with text', async (kind) => {
    const { el, part } = await mountEvents();
    await el.playTestAlert(kind);
    await el.updateComplete;
    expect(part('alert')?.classList.contains(kind)).toBe(true);
    expect(part('text')?.textContent).not.toMatch(/\{|undefined|NaN/);
  });
});

describe('playTestAlert order', () => {
  test('shows right after the alert on screen, before the waiting ones, and folds with no follow', async () => {
    const { el, emit, texts } = await mountEvents();
    const shown: string[] = [];
    el.addEventListener('ovl-alert-show', (e) => shown.push(e.detail.id));
    emit(reference('channel.follow'));
    emit(reference('channel.raid'));
    emit(reference('channel.subscription.gift', { total: 20 }));
    await el.playTestAlert('follow');
    await expect.poll(() => shown.length, { timeout: 5000 }).toBe(4);
    expect(shown[1]).toMatch(/^sample-follow-/);
    expect(texts[1]).toMatch(/^\w+ just followed!$/);
  });
});

describe('<ovl-alerts>: the streamer’s controls from the dock', () => {
  test('held: the alert on screen plays out, the next ones wait and are counted; released, they show', async () => {
    const { el, emit, part } = await mountEvents((e) => (e.duration = 1));
    const waiting: number[] = [];
    el.addEventListener('ovl-alert-waiting', (e) => waiting.push(e.detail));
    emit(reference('channel.raid'));
    await el.updateComplete;
    el.held = true;
    emit(reference('channel.follow'));
    emit(reference('channel.subscribe'));
    await expect.poll(() => part('alert'), { timeout: 3000 }).toBeNull();
    expect(el.waiting).toBe(2);
    expect(waiting.at(-1)).toBe(2);
    el.held = false;
    await expect.poll(() => part('alert')?.classList.contains('sub')).toBe(true);
    expect(el.waiting).toBe(1);
  });

  test('OBS showing the source does not undo the streamer’s pause', async () => {
    const { el, emit, part } = await mountEvents((e) => (e.held = true));
    el.paused = true;
    emit(reference('channel.raid'));
    el.paused = false;
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(part('alert')).toBeNull();
    expect(el.waiting).toBe(1);
  });

  test('while-hidden=drop drops live alerts arriving while hidden and counts them, not the dock\'s Test and Replay, nor alerts while only held', async () => {
    const { el, emit, part } = await mountEvents((e) => (e.whileHidden = 'drop'));
    const drops: number[] = [];
    el.addEventListener('ovl-alert-hidden-drop', (e) => drops.push(e.detail));
    el.held = true;
    await el.updateComplete;
    emit(reference('channel.follow'));
    expect(el.waiting).toBe(1);
    el.held = false;
    el.paused = true;
    await el.updateComplete;
    emit(reference('channel.raid'));
    emit(reference('channel.subscribe'));
    el.replay(reference('channel.cheer'));
    expect([el.droppedWhileHidden, drops, el.dropped]).toEqual([2, [1, 2], 0]);
    expect(part('alert')).toBeNull();
    el.paused = false;
    await expect.poll(() => part('alert')?.classList.contains('cheer')).toBe(true);
    expect(el.waiting).toBe(1);
  });

  test('skip ends the alert on screen at once, its sound and read-aloud with it, and the next one shows', async () => {
    const paused: string[] = [];
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
      paused.push(this.src);
    });
    const cancel = vi.spyOn(speechSynthesis, 'cancel').mockImplementation(() => undefined);
    vi.spyOn(speechSynthesis, 'speak').mockImplementation(() => undefined);
    try {
      const { el, send, part } = await mount((e) => {
        e.duration = 60;
        e.sound = 'http://127.0.0.1/long.ogg';
        e.speak = ['*'];
      });
      const hidden: string[] = [];
      el.addEventListener('ovl-alert-hide', (e) => hidden.push(e.detail.id));
      send(redemption('long', { userInput: 'read me' }));
      send(redemption('next', { rewardTitle: 'Other', rewardId: 'rw-5' }));
      await el.updateComplete;
      expect(part('text')?.textContent).toContain('Hydrate!');
      el.skip();
      expect(hidden).toEqual(['long']);
      expect(paused).toEqual(['http://127.0.0.1/long.ogg']);
      expect(cancel).toHaveBeenCalledTimes(1);
      await el.updateComplete;
      expect(part('text')?.textContent).toContain('Other');
    } finally {
      vi.restoreAllMocks();
    }
  });

  test('a skipped kit sound stops: nothing is heard after the stop', async () => {
    const offline = new OfflineAudioContext(1, 48_000, 48_000);
    const sounds = new KitSounds(() => offline);
    sounds.play('raid', 1);
    sounds.stop();
    const samples = (await offline.startRendering()).getChannelData(0);
    expect(samples.reduce((max, v) => Math.max(max, Math.abs(v)), 0)).toBe(0);
  });

  test('muted: no sound and no read-aloud; muting silences the sound playing', async () => {
    const played: string[] = [];
    const paused: string[] = [];
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
      played.push(this.src);
      return Promise.resolve();
    });
    vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
      paused.push(this.src);
    });
    const speak = vi.spyOn(speechSynthesis, 'speak').mockImplementation(() => undefined);
    try {
      const { el, send } = await mount((e) => {
        e.sound = 'http://127.0.0.1/ding.ogg';
        e.speak = ['*'];
      });
      send(redemption('loud', { userInput: 'hello' }));
      await el.updateComplete;
      expect(played).toEqual(['http://127.0.0.1/ding.ogg']);
      el.muted = true;
      await el.updateComplete;
      expect(paused).toEqual(['http://127.0.0.1/ding.ogg']);
      send(redemption('quiet', { rewardTitle: 'Other', rewardId: 'rw-6', userInput: 'shh' }));
      await expect.poll(() => el.shadowRoot!.querySelector('[part="input"]')?.textContent).toBe('shh');
      expect(played).toEqual(['http://127.0.0.1/ding.ogg']);
      expect(speak.mock.calls.map(([u]) => u.text)).toEqual(['hello']);
    } finally {
      vi.restoreAllMocks();
    }
  });

  test('clearQueue drops the waiting alerts and leaves the one on screen', async () => {
    const { el, emit, part } = await mountEvents((e) => (e.duration = 60));
    emit(reference('channel.raid'));
    emit(reference('channel.follow'));
    emit(reference('channel.subscribe'));
    await el.updateComplete;
    el.clearQueue();
    expect(el.waiting).toBe(0);
    expect(part('alert')?.classList.contains('raid')).toBe(true);
  });

  test('replay: shown next, marked "Replay", folding with no follow; a kind switched off stays off', async () => {
    const { el, emit, part } = await mountEvents((e) => (e.settings = withSettings('charity', { enabled: false })));
    const shown: string[] = [];
    el.addEventListener('ovl-alert-show', (e) => shown.push(e.detail.id));
    emit(reference('channel.raid'));
    emit(reference('channel.follow'));
    const follow = reference('channel.follow');
    el.replay({ ...follow, id: `replay:${follow.id}:1` });
    el.replay({ ...reference('channel.charity_campaign.donate'), id: 'replay:charity:1' });
    await el.updateComplete;
    expect(part('replay')).toBeNull();
    await expect.poll(() => shown.length, { timeout: 5000 }).toBe(2);
    expect(shown[1]).toBe(`replay:${follow.id}:1`);
    await el.updateComplete;
    expect(part('replay')?.textContent).toBe('Replay');
    expect(part('text')?.textContent).toBe('Cool_User just followed!');
    await expect.poll(() => shown.length, { timeout: 5000 }).toBe(3);
    expect(part('replay')).toBeNull();
  });

  test('playTestEvent plays the given event with the box’s own template, whatever its kind’s on/off', async () => {
    const { el, part } = await mountEvents((e) => (e.settings = withSettings('raid', { enabled: false, template: 'RAID by {user}' })));
    el.playTestEvent(sampleEvent('raid'));
    await el.updateComplete;
    expect(part('text')?.textContent).toMatch(/^RAID by \S+$/);
  });
});
