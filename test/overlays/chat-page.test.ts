import { afterEach, describe, expect, inject, test } from 'vitest';
import { commands } from 'vitest/browser';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { uniqueChannel } from '../helpers/chat.js';
import { GOOD_TOKEN } from '../helpers/http.js';
import { inShadow, openPage } from '../helpers/page.js';

let frame: HTMLIFrameElement | undefined;
afterEach(() => {
  frame?.remove();
  frame = undefined;
});

const page = (query: string, fragment = '') => `/overlays/chat/index.html?${query}&dev-chat=127.0.0.1:${inject('tmiPort')}&dev-origin=${inject('httpOrigin')}${fragment}`;

describe('chat overlay page', () => {
  test('shows live chat from the channel, on a transparent page', async () => {
    const channel = uniqueChannel('page');
    frame = await openPage(page(`channel=${channel}`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    await commands.tmiPush(channel, [privmsg(channel, 'hello from the page', { login: 'pageviewer', displayName: 'PageViewer' })]);
    await expect.poll(() => inShadow(frame!, 'ovl-chat', '[part~="line"]').map((l) => l.textContent?.trim()), { timeout: 5000 }).toEqual(['PageViewer: hello from the page']);
    const background = frame.contentWindow!.getComputedStyle(frame.contentDocument!.body).backgroundColor;
    expect(background).toBe('rgba(0, 0, 0, 0)');
    expect(frame.contentDocument!.querySelector('ovl-status-panel')).toBeNull();
  });

  test('?debug shows a status chip per source, and keeps working after a dropped socket', async () => {
    const channel = uniqueChannel('page');
    frame = await openPage(page(`channel=${channel}&debug`));
    const chip = () => inShadow(frame!, 'ovl-status-panel', '[part="chip"]')[0];
    await expect.poll(() => chip()?.dataset.state, { timeout: 10_000 }).toBe('connected');
    await commands.tmiDrop(channel);
    await expect.poll(() => chip()?.textContent ?? '', { timeout: 5000 }).toMatch(/Chat connection lost/);
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(2);
    await commands.tmiPush(channel, [privmsg(channel, 'back again')]);
    await expect.poll(() => inShadow(frame!, 'ovl-chat', '[part~="message"]').map((l) => l.textContent), { timeout: 5000 }).toEqual(['back again']);
  });

  test('without a channel it shows one card saying what to fix', async () => {
    frame = await openPage(page('max-messages=lots'));
    await expect.poll(() => inShadow(frame!, 'ovl-setup-card', '[part="item"]').map((i) => i.textContent), { timeout: 5000 }).toEqual([
      expect.stringContaining('"channel" is required'),
    ]);
    expect(frame.contentDocument!.querySelector('ovl-chat')).toBeNull();
  });

  test('a token Twitch refuses shows a card; a token in the query is refused', async () => {
    frame = await openPage(page('channel=somebody', '#token=revoked'));
    await expect.poll(() => inShadow(frame!, 'ovl-setup-card', '[part="item"]')[0]?.textContent ?? '', { timeout: 5000 }).toMatch(/invalid or has expired/);
    frame.remove();
    frame = await openPage(page(`channel=somebody&token=${GOOD_TOKEN}`));
    await expect.poll(() => inShadow(frame!, 'ovl-setup-card', '[part="item"]')[0]?.textContent ?? '', { timeout: 5000 }).toMatch(/after the #/);
  });

  test('a good token logs chat in as its user and loads badges and emotes', async () => {
    const channel = uniqueChannel('page');
    frame = await openPage(page(`channel=${channel}&debug`, `#token=${GOOD_TOKEN}`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    const sent = await commands.tmiSent(channel);
    expect(sent).toContain(`PASS oauth:${GOOD_TOKEN}`);
    expect(sent).toContain('NICK teststreamer');
    await expect.poll(() => inShadow(frame!, 'ovl-status-panel', '.note').map((n) => n.textContent), { timeout: 5000 }).toEqual(
      expect.arrayContaining(['badges: loaded', '7tv: 2 emotes', 'bttv: 3 emotes', 'ffz: 1 emotes']),
    );
  });

  test('?demo runs on the simulator with no channel and no account', async () => {
    frame = await openPage('/overlays/chat/index.html?demo');
    await expect.poll(() => inShadow(frame!, 'ovl-chat', '[part~="line"]').length, { timeout: 8000 }).toBeGreaterThan(2);
  });
});
