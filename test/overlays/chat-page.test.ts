import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { privmsg, usernotice } from '../../src/simulator/tmi-lines.js';
import { uniqueChannel } from '../helpers/chat.js';
import { COSMETIC_USER_ID, GOOD_TOKEN } from '../helpers/http.js';
import { advancingBy, openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';
import { setShown, type HideSignal } from '../helpers/visibility.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const chatUrl = (query: string, fragment = '') =>
  `/overlays/chat/?${query}&dev-chat=127.0.0.1:${fake.tmiPort}&dev-origin=${fake.httpOrigin}${fragment}`;

describe('chat overlay page (production build)', () => {
  test('shows live chat from the channel on a transparent page, with no console errors', async () => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    await commands.tmiPush(channel, [privmsg(channel, 'hello from the page', { login: 'pageviewer', displayName: 'PageViewer' })]);
    await expect.poll(() => page!.text('ovl-chat', '[part~="line"]'), { timeout: 5000 }).toEqual(['PageViewer: hello from the page']);
    expect(await page.eval('getComputedStyle(document.body).backgroundColor')).toBe('rgba(0, 0, 0, 0)');
    expect(await page.eval('document.querySelector("ovl-status-panel")')).toBeNull();
    // The only errors: the three emote services answering 404 for a channel they do not know,
    // which is how they say "no emotes here" (Chromium logs every 404 it fetches).
    const errors = await page.errors();
    expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    expect(errors.length).toBeLessThanOrEqual(3);
  });

  test('?debug shows a status chip per source, and keeps working after a dropped socket', async () => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&debug&emotes=`));
    await expect.poll(async () => (await page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'))[0], { timeout: 10_000 }).toBe('connected');
    await commands.tmiDrop(channel);
    await expect.poll(async () => (await page!.text('ovl-status-panel', '[part="chip"]'))[0] ?? '', { timeout: 5000 }).toMatch(/Chat connection lost/);
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(2);
    // Garbage and a 100 kB line in the same frame as a valid message: the valid one shows.
    await commands.tmiPush(channel, ['@@@', '\u0000garbage', `PRIVMSG #${channel}`, privmsg(channel, 'x'.repeat(100_000)), privmsg(channel, 'back again')], true);
    await expect.poll(async () => (await page!.text('ovl-chat', '[part~="message"]')).at(-1), { timeout: 5000 }).toBe('back again');
    expect(await page.errors()).toEqual([]);
  });

  test('follows OBS hiding and showing the source', async () => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&emotes=`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    const obs = (name: string, detail: string) => page!.eval(`window.dispatchEvent(new CustomEvent('${name}', { detail: ${detail} }))`);
    await obs('obsSourceVisibleChanged', '{ visible: false }');
    await commands.tmiPush(channel, [privmsg(channel, 'while hidden')]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.text('ovl-chat', '[part~="message"]')).toEqual([]);
    await obs('obsSourceVisibleChanged', '{ visible: true }');
    await expect.poll(() => page!.text('ovl-chat', '[part~="message"]'), { timeout: 5000 }).toEqual(['while hidden']);
    await obs('obsSourceActiveChanged', '{ active: false }');
    await commands.tmiPush(channel, [privmsg(channel, 'while inactive')]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.text('ovl-chat', '[part~="message"]')).toEqual(['while hidden']);
    await obs('obsSourceActiveChanged', '{ active: true }');
    await expect.poll(() => page!.text('ovl-chat', '[part~="message"]'), { timeout: 5000 }).toEqual(['while hidden', 'while inactive']);
  });

  test.each<HideSignal>(['document', 'both'])('hidden by %s (a tab in the background; OBS sends both), shown again it draws what arrived', async (signal) => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&emotes=`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    await setShown(page, false, signal);
    await commands.tmiPush(channel, [privmsg(channel, 'one'), privmsg(channel, 'two')]);
    await expect.poll(() => page!.eval<boolean>(`document.querySelector('ovl-chat').paused`)).toBe(true);
    expect(await page.text('ovl-chat', '[part~="message"]')).toEqual([]);
    await setShown(page, true, signal);
    await expect.poll(() => page!.text('ovl-chat', '[part~="message"]'), { timeout: 5000 }).toEqual(['one', 'two']);
  });

  test('without a channel it shows one card saying what to fix', async () => {
    page = await openPage(chatUrl('max-messages=lots'));
    await expect.poll(() => page!.text('ovl-setup-card', '[part="item"]'), { timeout: 5000 }).toEqual([expect.stringContaining('"channel" is required')]);
    expect(await page.eval('document.querySelector("ovl-chat")')).toBeNull();
    await page.screenshot('chat-setup-card');
  });

  test('a crafted channel never reaches the chat socket: the card says what a channel looks like', async () => {
    // Once, this link made a logged-in overlay send `JOIN #foo bar` and `PRIVMSG #victim :hello`.
    page = await openPage(chatUrl('channel=Foo%20Bar%0D%0APRIVMSG%20%23victim%20%3Ahello', `#token=${GOOD_TOKEN}`));
    await expect.poll(() => page!.text('ovl-setup-card', '[part="item"]'), { timeout: 5000 }).toEqual([expect.stringContaining('is not a Twitch channel')]);
    expect(await page.eval('document.querySelector("ovl-chat")')).toBeNull();
    expect(await commands.tmiSent('victim')).toEqual([]);
    await page.close();
    // The demo too: it used to hang at "connecting" on a blank overlay.
    page = await openPage('/overlays/chat/?demo&channel=My%20Channel');
    await expect.poll(() => page!.text('ovl-setup-card', '[part="item"]'), { timeout: 5000 }).toEqual([expect.stringContaining('is not a Twitch channel')]);
  });

  test('an outline and a line background for bright scenes, from the URL', async () => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&emotes=&outline=3&outline-color=white&line-background=rgba(0,0,0,0.5)&font-size=40`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    await commands.tmiPush(channel, [privmsg(channel, 'readable on snow', { login: 'snowy', color: '#FFFFFF' })]);
    await expect.poll(() => page!.text('ovl-chat', '[part~="message"]'), { timeout: 5000 }).toEqual(['readable on snow']);
    const style = (selector: string, property: string) =>
      page!.eval<string>(`getComputedStyle(document.querySelector('ovl-chat').shadowRoot.querySelector('${selector}')).getPropertyValue('${property}')`);
    expect(await style('[part~="line"]', '-webkit-text-stroke-width')).toBe('3px');
    expect(await style('[part~="line"]', '-webkit-text-stroke-color')).toBe('rgb(255, 255, 255)');
    expect(await style('[part~="line"]', 'background-color')).toBe('rgba(0, 0, 0, 0.5)');
    await page.screenshot('chat-outline');
  });

  test('a pasted channel link works', async () => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=https://www.twitch.tv/${channel.toUpperCase()}&emotes=`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
  });

  test('a token Twitch refuses shows a card; a token in the query is refused', async () => {
    page = await openPage(chatUrl('channel=somebody', '#token=revoked'));
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/invalid or has expired/);
    await page.close();
    page = await openPage(chatUrl(`channel=somebody&token=${GOOD_TOKEN}`));
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/after the #/);
  });

  test('a good token logs chat in as its user and loads badges and emotes', async () => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&debug`, `#token=${GOOD_TOKEN}`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    const sent = await commands.tmiSent(channel);
    expect(sent).toContain(`PASS oauth:${GOOD_TOKEN}`);
    expect(sent).toContain('NICK teststreamer');
    await expect.poll(() => page!.text('ovl-status-panel', '.note'), { timeout: 5000 }).toEqual(
      expect.arrayContaining(['badges: loaded (helix)', '7tv: 2 emotes', 'bttv: 3 emotes', 'ffz: 1 emotes']),
    );
  });

  test('?demo runs on the simulator with no channel and no account', async () => {
    // The simulated chat's lines come a moment apart, on a clock the test moves ahead.
    page = await openPage('/overlays/chat/?demo', { reducedMotion: true, clock: true });
    await expect.poll(advancingBy(page, 500, async () => (await page!.text('ovl-chat', '[part~="line"]')).length), { timeout: 8000 }).toBeGreaterThan(3);
    await page.screenshot('chat-demo');
  });

  test('badges without a token (IVR), FFZ/BTTV/7TV badges, a 7TV paint and pronouns, from the URL', async () => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&emotes=&badges=twitch,ffz,bttv,7tv&paints=true&pronouns=true&debug`));
    await expect.poll(() => page!.text('ovl-status-panel', '.note'), { timeout: 8000 }).toEqual(
      expect.arrayContaining(['badges: loaded (ivr)', 'ffz badges: loaded', 'bttv badges: loaded']),
    );
    // A chatter's line starts the per-chatter lookups (7TV, pronouns); lines drawn before the answer are completed by it.
    let n = 0;
    const newest = async (login: string, userId: string, badges = '') => {
      n += 1;
      await commands.tmiPush(channel, [privmsg(channel, `line ${n}`, { login, userId, badges, id: `${login}-${n}` })]);
      await expect.poll(() => page!.attr('ovl-chat', `[data-id="${login}-${n}"]`, 'data-id'), { timeout: 5000 }).toHaveLength(1);
      const q = (selector: string) => `[...document.querySelector('ovl-chat').shadowRoot.querySelectorAll('[data-id="${login}-${n}"] ${selector}')]`;
      return page!.eval<{ badges: string[]; pronouns: string[]; paint: string }>(
        `({ badges: ${q('[part="badge"]')}.map((b) => b.dataset.badge), pronouns: ${q('[part="pronouns"]')}.map((p) => p.textContent), paint: ${q('[part="name"]')}[0].style.backgroundImage })`,
      );
    };
    await expect
      .poll(() => newest('cosmeticviewer', COSMETIC_USER_ID, 'moderator/1'), { timeout: 8000 })
      .toEqual({ badges: ['moderator', 'ffz-3', 'bttv-2', '7tv-62f97c05e46eb00e438a696a'], pronouns: [], paint: expect.stringMatching(/^linear-gradient/) });
    await commands.tmiPush(channel, [privmsg(channel, 'first line', { login: 'sheviewer', userId: '7000010', id: 'she-1' })]);
    await expect.poll(() => page!.text('ovl-chat', '[data-id="she-1"] [part="pronouns"]'), { timeout: 8000 }).toEqual(['She/Her']);
    await page.screenshot('chat-providers');
  });

  test('a service that fails (5xx, malformed JSON, an oversized answer) is left out and chat goes on', async () => {
    await commands.httpScript('GET', '/ivr/v2/twitch/badges/global', [{ status: 503, body: { error: 'down' } }]);
    await commands.httpScript('GET', '/ffz/v1/badges/ids', [{ status: 200, rawBody: '{"badges": [' }]);
    await commands.httpScript('GET', '/bttv/3/cached/badges/twitch', [{ status: 200, body: [], padBytes: 6_000_000 }]);
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&emotes=&badges=twitch,ffz,bttv&debug`));
    await expect.poll(() => page!.text('ovl-status-panel', '.note'), { timeout: 8000 }).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^badges: unavailable/),
        expect.stringMatching(/^ffz badges: unavailable/),
        expect.stringMatching(/^bttv badges: unavailable/),
      ]),
    );
    await commands.tmiPush(channel, [privmsg(channel, 'still here', { badges: 'moderator/1' })]);
    await expect.poll(() => page!.text('ovl-chat', '[part~="message"]'), { timeout: 5000 }).toEqual(['still here']);
    expect(await page.attr('ovl-chat', '[part="badge"]', 'data-badge')).toEqual([]);
  });

  test('with a token, cheers are drawn with the channel\'s cheermote images and tier colours', async () => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&emotes=&debug`, `#token=${GOOD_TOKEN}`));
    await expect.poll(() => page!.text('ovl-status-panel', '.note'), { timeout: 8000 }).toEqual(expect.arrayContaining(['cheermotes: 3 loaded']));
    // No room-id: the line is the overlay's own channel's, whose cheermotes were loaded.
    await commands.tmiPush(channel, [privmsg(channel, 'TestCheer100 go Cheer1', { id: 'cheer-1', roomId: '', extraTags: { bits: '101' } })]);
    await expect.poll(() => page!.attr('ovl-chat', '[part="cheermote"]', 'alt'), { timeout: 5000 }).toEqual(['TestCheer100', 'Cheer1']);
    expect(await page.text('ovl-chat', '[part~="cheer"]')).toEqual(['100', '1']);
  });

  test('Shared Chat: a line from another channel shows that channel (name and avatar, from IVR) and its badges there; a crafted name stays text', async () => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&emotes=&debug`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    const shared = (id: string, room: string) =>
      privmsg(channel, `hello from ${room}`, { id, login: 'guest', badges: '', extraTags: { 'source-room-id': room, 'source-id': `src-${id}`, 'source-badges': 'subscriber/12' } });
    // The first lines make the overlay look the channels up; the following ones show what it found.
    let n = 0;
    const markers = async () => {
      n += 1;
      await commands.tmiPush(channel, [shared(`tw-${n}`, '141981764'), shared(`cr-${n}`, '7000666')]);
      await expect.poll(() => page!.attr('ovl-chat', `[data-id="cr-${n}"]`, 'data-id'), { timeout: 5000 }).toHaveLength(1);
      return {
        names: (await page!.text('ovl-chat', '[part="source"]')).slice(-2),
        avatars: (await page!.attr('ovl-chat', '[part="source-avatar"]', 'src')).slice(-1),
        badges: (await page!.attr('ovl-chat', `[data-id="tw-${n}"] [part="badge"]`, 'alt')),
      };
    };
    await expect.poll(markers, { timeout: 8000 }).toEqual({
      names: ['TwitchDev', '<img src=x onerror=alert(1)>'],
      avatars: [expect.stringContaining('8a6381c7-d0c0-4576-b179-38bd5ce1d6af-profile_image')],
      badges: [expect.stringMatching(/subscriber/i)],
    });
    // The crafted name is text, and its `javascript:` logo was refused.
    expect(await page.attr('ovl-chat', `[data-id="cr-${n}"] [part="source"] *`, 'src')).toEqual([]);
    await page.screenshot('chat-shared');
  });

  test('several channels in one overlay: each line marked with its channel, timeouts and clears scoped to it, a Shared Chat message once', async () => {
    const [a, b] = [uniqueChannel('pagea'), uniqueChannel('pageb')];
    page = await openPage(chatUrl(`channel=${a},twitch.tv/${b.toUpperCase()}&emotes=`));
    await expect.poll(async () => [await commands.tmiJoinCount(a), await commands.tmiJoinCount(b)], { timeout: 10_000 }).toEqual([1, 1]);
    const ids = () => page!.attr('ovl-chat', '[part~="line"]', 'data-id');
    // Two connections: each push waits for its line, so the order in the list is known.
    await commands.tmiPush(a, [privmsg(a, 'in a', { id: 'a-1', userId: '77', login: 'both' }), privmsg(a, 'a again', { id: 'a-2', userId: '78' })]);
    await expect.poll(ids, { timeout: 5000 }).toEqual(['a-1', 'a-2']);
    await commands.tmiPush(b, [privmsg(b, 'in b', { id: 'b-1', userId: '77', login: 'both' })]);
    await expect.poll(ids, { timeout: 5000 }).toEqual(['a-1', 'a-2', 'b-1']);
    // The same Shared Chat message as each channel receives it: once in the list.
    await commands.tmiPush(a, [privmsg(a, 'shared hello', { id: 'sh-1', extraTags: { 'source-room-id': '999', 'source-id': 'sh-src' } })]);
    await expect.poll(ids, { timeout: 5000 }).toEqual(['a-1', 'a-2', 'b-1', 'sh-1']);
    await commands.tmiPush(b, [privmsg(b, 'shared hello', { id: 'sh-2', extraTags: { 'source-room-id': '999', 'source-id': 'sh-src' } }), privmsg(b, 'after', { id: 'b-2' })]);
    await expect.poll(ids, { timeout: 5000 }).toEqual(['a-1', 'a-2', 'b-1', 'sh-1', 'b-2']);
    expect(await page.text('ovl-chat', '[part="channel"]')).toEqual([a, a, b, a, b]);
    // A timeout in channel a removes that user's lines there, not in b; a clear of b leaves a's lines.
    await commands.tmiPush(a, [`@ban-duration=60;room-id=1;target-user-id=77;tmi-sent-ts=2 :tmi.twitch.tv CLEARCHAT #${a} :both`]);
    await expect.poll(ids, { timeout: 5000 }).toEqual(['a-2', 'b-1', 'sh-1', 'b-2']);
    await page.screenshot('chat-channels');
    await commands.tmiPush(b, [`@room-id=2;tmi-sent-ts=3 :tmi.twitch.tv CLEARCHAT #${b}`]);
    await expect.poll(ids, { timeout: 5000 }).toEqual(['a-2', 'sh-1']);
    // Deleted in b by its id there, the shared message (drawn from a's copy) leaves.
    await commands.tmiPush(b, [`@login=viewer;room-id=2;target-msg-id=sh-2;tmi-sent-ts=4 :tmi.twitch.tv CLEARMSG #${b} :shared hello`]);
    await expect.poll(ids, { timeout: 5000 }).toEqual(['a-2']);
    await page.close();
    page = await openPage(chatUrl(`channel=${a},not a channel`));
    await expect.poll(() => page!.text('ovl-setup-card', '[part="item"]'), { timeout: 5000 }).toEqual([expect.stringContaining('"not a channel"')]);
  });

  /** One of each kind of line, for the theme screenshots. */
  const showcase = (channel: string) => [
    privmsg(channel, 'hello chat Kappa', { id: 'th-1', login: 'moddy', displayName: 'Moddy', badges: 'moderator/1', emotes: '25:11-15', color: '#FF4500' }),
    privmsg(channel, 'a longer message that wraps onto a second row to show how lines of more than one row look in this theme', { id: 'th-2', login: 'talker', color: '#1E90FF' }),
    privmsg(channel, 'look at my highlighted message', { id: 'th-3', login: 'pointy', color: '#9ACD32', extraTags: { 'msg-id': 'highlighted-message' } }),
    privmsg(channel, '@Moddy agreed', { id: 'th-4', login: 'replier', color: '#DAA520', extraTags: { 'reply-parent-msg-id': 'th-1', 'reply-parent-user-login': 'moddy', 'reply-parent-display-name': 'Moddy', 'reply-parent-msg-body': 'hello chat Kappa', 'reply-parent-user-id': '1' } }),
    usernotice(channel, { msgId: 'announcement', login: 'streamer', displayName: 'Streamer', systemMsg: '', params: { color: 'PURPLE' }, text: 'Stream starts in 5 minutes!' }),
    privmsg(channel, 'Kappa Kappa', { id: 'th-6', login: 'emoter', emotes: '25:0-4,6-10', extraTags: { 'first-msg': '1' } }),
  ];

  test.each(['clean', 'boxed', 'bubbles', 'high-contrast'])('theme=%s keeps the DOM contract; a screenshot of it', async (theme) => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&emotes=&theme=${theme}&big-emotes=true&debug`));
    // Lines are built once: the badges must be there before the lines are.
    await expect.poll(() => page!.text('ovl-status-panel', '.note'), { timeout: 8000 }).toEqual(expect.arrayContaining(['badges: loaded (ivr)']));
    await page.eval('document.querySelector("ovl-status-panel").remove(), true');
    await commands.tmiPush(channel, showcase(channel));
    await expect.poll(async () => (await page!.text('ovl-chat', '[part~="line"]')).length, { timeout: 5000 }).toBe(6);
    expect((await page.attr('ovl-chat', '[part~="line"]', 'data-id')).filter((id) => id?.startsWith('th-'))).toEqual(['th-1', 'th-2', 'th-3', 'th-4', 'th-6']);
    expect(await page.text('ovl-chat', '[part="name"]')).toEqual(expect.arrayContaining(['Moddy', 'pointy']));
    expect(await page.attr('ovl-chat', 'img[part="emote"]', 'alt')).toEqual(['Kappa', 'Kappa', 'Kappa']);
    expect(await page.attr('ovl-chat', '[part="badge"]', 'data-badge')).toEqual(['moderator']);
    expect(await page.eval('getComputedStyle(document.body).backgroundColor')).toBe('rgba(0, 0, 0, 0)');
    await page.screenshot(`chat-theme-${theme}`);
  });

  test('a theme gives way to Custom CSS, and to the look parameters given in the URL', async () => {
    const channel = uniqueChannel('page');
    page = await openPage(chatUrl(`channel=${channel}&emotes=&theme=high-contrast&font-size=22&font=Georgia,%20serif&font-weight=300&line-spacing=2&align=right&animate-exit=true`));
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    await commands.tmiPush(channel, [privmsg(channel, 'styled', { id: 'st-1' })]);
    await expect.poll(() => page!.text('ovl-chat', '[part~="message"]'), { timeout: 5000 }).toEqual(['styled']);
    const style = (property: string) =>
      page!.eval<string>(`getComputedStyle(document.querySelector('ovl-chat').shadowRoot.querySelector('[part~="line"]')).getPropertyValue('${property}')`);
    expect(await style('font-size')).toBe('22px'); // the URL's size over the theme's 28px
    expect(await style('-webkit-text-stroke-width')).toBe('3px'); // the theme's outline
    expect(await style('font-family')).toBe('Georgia, serif');
    expect(await style('font-weight')).toBe('300');
    expect(await style('line-height')).toBe('44px');
    expect(await style('text-align')).toBe('right');
    expect(await style('background-color')).toBe('rgba(0, 0, 0, 0.8)');
    // OBS's Custom CSS is a plain stylesheet in the page: it wins over the theme.
    await page.eval(`document.head.append(Object.assign(document.createElement('style'), { textContent: 'ovl-chat { --ovl-chat-line-background: rgb(1, 2, 3) } ovl-chat::part(line) { border-radius: 9px }' })), true`);
    expect(await style('background-color')).toBe('rgb(1, 2, 3)');
    expect(await style('border-top-left-radius')).toBe('9px');
    // animate-exit: a deleted line leaves (at once under reduced motion, as the test page runs).
    await commands.tmiPush(channel, [`@login=viewer;room-id=;target-msg-id=st-1;tmi-sent-ts=1 :tmi.twitch.tv CLEARMSG #${channel} :styled`]);
    await expect.poll(() => page!.text('ovl-chat', '[part~="line"]'), { timeout: 5000 }).toEqual([]);
  });
});
