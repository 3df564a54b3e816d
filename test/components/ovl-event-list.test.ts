import { afterEach, describe, expect, test, vi } from 'vitest';
import '../../src/components/event-list/ovl-event-list.js';
import type { OvlEventList } from '../../src/components/event-list/ovl-event-list.js';
import type { SeenMessages } from '../../src/sources/eventsub/seen-messages.js';
import { EVENT_KINDS, type StreamEvent } from '../../src/domain/stream-event.js';
import { referenceEvent } from '../helpers/reference-event.js';

let element: OvlEventList | undefined;
afterEach(() => element?.remove());

async function mount(setup: (el: OvlEventList) => void = () => undefined) {
  const feed = new EventTarget();
  element = document.createElement('ovl-event-list');
  setup(element);
  element.source = feed as never;
  document.body.append(element);
  await element.updateComplete;
  const el = element;
  const emit = (event: StreamEvent) => feed.dispatchEvent(new CustomEvent('event', { detail: event }));
  const texts = () => [...el.shadowRoot!.querySelectorAll('[part="text"]')].map((n) => n.textContent);
  const kinds = () => [...el.shadowRoot!.querySelectorAll('[part~="row"]')].map((n) => n.getAttribute('data-kind'));
  return { el, emit, texts, kinds };
}

const follow = (name: string, at: number) => referenceEvent('channel.follow', { user_id: String(at), user_login: name.toLowerCase(), user_name: name }, at);

describe('<ovl-event-list>', () => {
  test('newest first, one row per event with its kind’s icon and line', async () => {
    const { el, emit, texts, kinds } = await mount();
    emit(referenceEvent('channel.raid'));
    emit(referenceEvent('channel.cheer', { bits: 250 }));
    emit(referenceEvent('channel.subscription.gift', { total: 5 }));
    await el.updateComplete;
    expect(kinds()).toEqual(['gift', 'cheer', 'raid']);
    expect(texts()).toEqual(['Cool_User gifted 5 subs', 'Cool_User cheered 250 bits', 'Cool_User raided with 9,001 viewers']);
    // Every row has its own inline icon: no image to load.
    expect(el.shadowRoot!.querySelectorAll('[part="icon"] > svg')).toHaveLength(3);
  });

  test('kinds= filters; progress of a goal, poll or hype train is not a row, their begin and end are', async () => {
    const { el, emit, kinds } = await mount((e) => (e.kinds = ['raid', 'goal']));
    emit(referenceEvent('channel.follow'));
    emit(referenceEvent('channel.raid'));
    emit(referenceEvent('channel.goal.begin'));
    emit(referenceEvent('channel.goal.progress'));
    emit(referenceEvent('channel.goal.end'));
    emit(referenceEvent('channel.cheer'));
    await el.updateComplete;
    expect(kinds()).toEqual(['goal', 'goal', 'raid']);
  });

  test('a burst of follows folds into the newest row; one after the window is a row of its own', async () => {
    const { el, emit, texts } = await mount((e) => (e.followBurst = 10));
    emit(follow('First', 1_000_000));
    emit(follow('Second', 1_004_000));
    emit(follow('Third', 1_009_000));
    emit(follow('Late', 1_020_000));
    await el.updateComplete;
    expect(texts()).toEqual(['Late followed', '3 new followers']);
  });

  test('an event given twice (from the history, then again live) is listed once, folded follows included', async () => {
    const { el, emit, texts } = await mount((e) => (e.followBurst = 10));
    const raid = referenceEvent('channel.raid', { viewers: 12 });
    const [first, second] = [follow('First', 1_000_000), follow('Second', 1_004_000)];
    for (const event of [raid, first, second]) el.add(event);
    for (const event of [raid, first, second]) emit(event);
    await el.updateComplete;
    expect(texts()).toEqual(['2 new followers', 'Cool_User raided with 12 viewers']);
    // A new event still comes in.
    emit(referenceEvent('channel.raid', { viewers: 13 }));
    await el.updateComplete;
    expect(texts()).toEqual(['Cool_User raided with 13 viewers', '2 new followers', 'Cool_User raided with 12 viewers']);
  });

  test('remembers the ids it listed for 10 minutes, not for the stream: a repeat within them is dropped; 12 hours of an event every 10 s leave 10 minutes’ worth', async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const { el, emit, texts } = await mount();
      // The count behind the bound (issue 23's twelve hours: the memory must not fill over the stream).
      const remembered = () => (el as unknown as { listed: SeenMessages }).listed.remembered;
      const raid = referenceEvent('channel.raid', { viewers: 12 });
      emit(raid);
      vi.advanceTimersByTime(9 * 60_000);
      emit(raid);
      await el.updateComplete;
      expect(texts()).toEqual(['Cool_User raided with 12 viewers']);
      for (let i = 0; i < 12 * 360; i++) {
        vi.advanceTimersByTime(10_000);
        emit(referenceEvent('channel.cheer', { bits: 1 + (i % 100) }));
      }
      await el.updateComplete;
      expect(remembered()).toBe(60);
      expect(texts()).toHaveLength(10);
    } finally {
      vi.useRealTimers();
    }
  });

  test('names are text: markup in a viewer’s name stays characters', async () => {
    const { el, emit, texts } = await mount();
    const name = '<img src=x onerror="window.pwned=1"><b>Bold</b>';
    emit(referenceEvent('channel.raid', { from_broadcaster_user_name: name }));
    await el.updateComplete;
    expect(texts()).toEqual([`${name} raided with 9,001 viewers`]);
    expect(el.shadowRoot!.querySelector('img, b')).toBeNull();
  });

  test('bounded: after 100,000 events the DOM has exactly as many nodes as after the first max', async () => {
    const { el, emit, texts } = await mount((e) => (e.max = 20));
    // Every node, comments and text included: Lit's markers are comments.
    const nodes = () => {
      const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_ALL);
      let count = 0;
      while (walker.nextNode()) count++;
      return count;
    };
    const kinds = ['channel.raid', 'channel.cheer', 'channel.subscribe', 'channel.follow'] as const;
    let sent = 0;
    const send = async (count: number) => {
      for (let i = 0; i < count; i++, sent++) emit(referenceEvent(kinds[sent % kinds.length]!, {}, sent * 60_000));
      await el.updateComplete;
    };
    // Every row kind once, so each template shape has been rendered before the first count.
    await send(100);
    const after100 = nodes();
    for (let batch = 0; batch < 999; batch++) await send(100);
    expect(sent).toBe(100_000);
    expect(el.events).toHaveLength(20);
    expect(texts()).toHaveLength(20);
    expect(nodes()).toBe(after100);
    // The newest is the last sent (a follow, the 100,000th).
    expect(el.events[0]!.kind).toBe('follow');
  });

  test('ticker mode: one line of the same rows, scrolling unless motion is reduced', async () => {
    const { el, emit } = await mount((e) => (e.mode = 'ticker'));
    for (const type of ['channel.raid', 'channel.cheer'] as const) emit(referenceEvent(type));
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;
    const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
    expect(rows.map((row) => row.offsetTop)).toEqual([rows[0]!.offsetTop, rows[0]!.offsetTop]);
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    expect(getComputedStyle(list).animationName).toBe(reduced ? 'none' : 'ovl-events-scroll');
    el.paused = true;
    await el.updateComplete;
    expect(getComputedStyle(list).animationPlayState).toBe('paused');
  });

  test('every kind has an icon of its own', async () => {
    const { eventIcon } = await import('../../src/components/event-list/event-icons.js');
    const drawn = EVENT_KINDS.map((kind) => JSON.stringify(eventIcon(kind).values));
    expect(new Set(drawn).size).toBe(EVENT_KINDS.length);
  });
});
