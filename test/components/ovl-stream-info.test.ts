import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { HelixClient } from '../../src/twitch/helix-client.js';
import { StreamInfoSource } from '../../src/sources/helix/stream-info-source.js';
import '../../src/components/stream-info/ovl-stream-info.js';
import type { OvlStreamInfo } from '../../src/components/stream-info/ovl-stream-info.js';
import { formatUptime, formatViewers } from '../../src/components/stream-info/format.js';
import { GOOD_TOKEN, TEST_CLIENT_ID } from '../helpers/http.js';
import { fakeTwitchEndpoints } from '../helpers/fake-servers.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';

let userId = 900_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
let element: OvlStreamInfo | undefined;
let source: StreamInfoSource | undefined;
afterEach(() => {
  source?.stop();
  element?.remove();
});

async function mount(stream: Record<string, unknown> | null, setup: (el: OvlStreamInfo) => void = () => undefined) {
  const id = String(++userId);
  await commands.httpSetStream(id, stream && { id: 's1', user_id: id, user_login: 'x', user_name: 'X', game_id: '1', game_name: 'Chess', type: 'live', title: 'Title', viewer_count: 12345, started_at: new Date(Date.now() - 3_723_000).toISOString(), language: 'en', thumbnail_url: '', tags: [], is_mature: false, ...stream });
  source = new StreamInfoSource({ helix: new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints() }), userId: id });
  element = document.createElement('ovl-stream-info');
  setup(element);
  element.source = source;
  document.body.append(element);
  source.start();
  await expect.poll(() => element!.shadowRoot!.querySelector('[part="base"]'), { timeout: 5000 }).not.toBeNull();
  return element;
}

const text = (el: OvlStreamInfo, part: string) => el.shadowRoot!.querySelector(`[part~="${part}"]`)?.textContent ?? null;

describe('<ovl-stream-info>', () => {
  test('shows viewers, uptime, game and title of a live channel', async () => {
    const el = await mount({});
    expect(text(el, 'viewers')).toBe('12.3K');
    expect(text(el, 'uptime')).toMatch(/^1:02:0[3-5]$/);
    expect(text(el, 'game')).toBe('Chess');
    expect(text(el, 'title')).toBe('Title');
  });

  test('?show picks and orders the pieces', async () => {
    const el = await mount({}, (e) => (e.show = ['title', 'viewers']));
    expect([...el.shadowRoot!.querySelectorAll('[part="base"] > [part]')].map((p) => p.getAttribute('part'))).toEqual(['title', 'viewers']);
  });

  test('offline shows the offline text, or nothing', async () => {
    const el = await mount(null);
    expect(text(el, 'offline')).toBe('Offline');
    el.offlineText = '';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="base"]')).toBeNull();
  });

  test('a title with markup renders as text', async () => {
    const el = await mount({ title: '<img src=x onerror=alert(1)>!!' });
    expect(text(el, 'title')).toBe('<img src=x onerror=alert(1)>!!');
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });

  test('a 130-character title at 1200×80 stays on one row: cut with an ellipsis, or scrolled as a marquee', async () => {
    const title = 'A very long stream title about speedrunning every game in the series back to back, with chat deciding the order !drops'.padEnd(130, '!');
    const row = (el: OvlStreamInfo) => {
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
      const part = el.shadowRoot!.querySelector<HTMLElement>('[part~="title"]')!;
      return { base, part, lineHeight: parseFloat(getComputedStyle(base).lineHeight) };
    };
    const el = await mount({ title, viewer_count: 1_234_567 }, (e) => {
      e.style.cssText = 'width:1200px;--ovl-info-font-size:24px';
    });
    const { base, part, lineHeight } = row(el);
    expect(text(el, 'viewers')).toBe('1.2M');
    expect(base.getBoundingClientRect().height).toBeLessThanOrEqual(lineHeight + 1);
    expect(part.scrollWidth).toBeGreaterThan(part.clientWidth);
    expect(getComputedStyle(part).textOverflow).toBe('ellipsis');
    expect(base.getBoundingClientRect().height).toBeLessThanOrEqual(80);

    el.titleOverflow = 'marquee';
    await el.updateComplete;
    const marquee = row(el).part;
    expect(marquee.classList.contains('overflowing')).toBe(true);
    expect(getComputedStyle(marquee.firstElementChild!).animationName).toBe('title-scroll');
    expect(parseFloat(marquee.style.getPropertyValue('--_overflow'))).toBe(marquee.scrollWidth - marquee.clientWidth);
    expect(row(el).base.getBoundingClientRect().height).toBeLessThanOrEqual(lineHeight + 1);
  });

  test('taken out of the page and put back, the uptime ticks again, on the stepped clock', async () => {
    const schedule = new ManualSchedule();
    // Ahead of the poll's own time, so the uptime shown is the element's clock.
    let now = Date.now() + 3_600_000;
    const el = await mount({ started_at: new Date(now - 3_723_000).toISOString() }, (e) => {
      e.schedule = schedule.schedule;
      e.clock = () => now;
    });
    const tick = async (ms: number) => {
      now += ms;
      schedule.runNext();
      await el.updateComplete;
    };
    expect(text(el, 'uptime')).toBe('1:02:03');
    await tick(1000);
    expect(text(el, 'uptime')).toBe('1:02:04');

    el.remove();
    expect(schedule.waiting).toBe(0);
    now += 5000;
    document.body.append(el);
    expect(schedule.waiting).toBe(1);
    await tick(1000);
    expect(text(el, 'uptime')).toBe('1:02:10');
    await tick(1000);
    expect(text(el, 'uptime')).toBe('1:02:11');
    expect(new Set(schedule.delays)).toEqual(new Set([1000]));
  });

  test('formats', () => {
    expect(formatUptime(59_000)).toBe('0:59');
    expect(formatUptime(3_600_000)).toBe('1:00:00');
    expect(formatViewers(999, 'en')).toBe('999');
    expect(formatViewers(1234, 'en')).toBe('1,234');
    expect(formatViewers(123_456, 'en')).toBe('123.5K');
    expect(formatViewers(1_234_567, 'en')).toBe('1.2M');
  });
});
