import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { uniqueChannel } from '../helpers/chat.js';
import { advancingBy, openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const wallUrl = (query: string) => `/overlays/emote-wall/?${query}&dev-chat=127.0.0.1:${fake.tmiPort}&dev-origin=${fake.httpOrigin}`;
const joined = (channel: string) => expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);

/** The emote codes of each sprite on screen (base first, then zero-width ones), oldest first. */
const shown = () =>
  page!.eval<string[][]>(
    `[...document.querySelector('ovl-emote-wall').shadowRoot.querySelectorAll('.sprite:not([hidden])')].map((s) => [...s.querySelectorAll('img:not([hidden])')].map((i) => i.alt))`,
  );
/** Elements the wall made: its sprites (shown or spare) and their images. */
const made = () =>
  page!.eval<{ sprites: number; images: number; all: number }>(
    `(() => { const root = document.querySelector('ovl-emote-wall').shadowRoot; return { sprites: root.querySelectorAll('.sprite').length, images: root.querySelectorAll('img').length, all: root.querySelectorAll('*').length }; })()`,
  );
/** Twitch emote URLs asked for, and every emote host's. */
const emoteRequests = async () => (await page!.requests()).filter((url) => /static-cdn\.jtvnw\.net|cdn\.7tv\.app|cdn\.betterttv\.net|cdn\.frankerfacez\.com/.test(url));

// Twitch emote ids: Kappa, LUL, PogChamp, SeemsGood.
const KAPPA_LUL_POG = { emotes: '25:0-4/425618:6-8/305954156:10-17' };

describe('emote wall page (production build)', () => {
  test('the emotes of live chat fly across a transparent page: Twitch and third-party ones, a zero-width one on its base; bots and commands left out', async () => {
    const channel = uniqueChannel('wall');
    page = await openPage(wallUrl(`channel=${channel}&lifetime=60&hide-bots=nightbot`), { emoteImages: true });
    await joined(channel);
    // The global 7TV, BTTV and FFZ emotes load beside chat: a line is sent until they are there.
    await expect
      .poll(
        async () => {
          await commands.tmiPush(channel, [privmsg(channel, 'EZ RainTime OhMyGod LilZ')]);
          return shown();
        },
        { timeout: 10_000 },
      )
      .toEqual(expect.arrayContaining([['EZ', 'RainTime'], ['OhMyGod'], ['LilZ']]));
    await commands.tmiPush(channel, [
      privmsg(channel, 'Kappa LUL PogChamp', { ...KAPPA_LUL_POG, login: 'nightbot' }),
      privmsg(channel, '!so Kappa', { emotes: '25:4-8' }),
      privmsg(channel, 'Kappa LUL PogChamp', KAPPA_LUL_POG),
    ]);
    // Once each: the bot's line and the command added none.
    await expect.poll(async () => (await shown()).filter(([code]) => !/^(EZ|OhMyGod|LilZ)$/.test(code!)).sort()).toEqual([['Kappa'], ['LUL'], ['PogChamp']]);
    expect(await emoteRequests()).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^https:\/\/static-cdn\.jtvnw\.net\/emoticons\/v2\/25\//),
        expect.stringMatching(/^https:\/\/cdn\.7tv\.app\/emote\//),
        expect.stringMatching(/^https:\/\/cdn\.betterttv\.net\/emote\//),
        expect.stringMatching(/^https:\/\/cdn\.frankerfacez\.com\/emote\//),
      ]),
    );
    expect(await page.eval('getComputedStyle(document.body).backgroundColor')).toBe('rgba(0, 0, 0, 0)');
    expect(await page.eval('document.querySelector("ovl-setup-card") || document.querySelector("ovl-status-panel")')).toBeNull();
    // The channel is not one the emote services know: each answers 404, and Chromium logs it.
    expect((await page.errors()).filter((e) => !e.includes('status of 404'))).toEqual([]);
  });

  test('past max-on-screen the oldest leave first; the sprites and their images are made once and reused, so the DOM stays flat', async () => {
    const channel = uniqueChannel('wall');
    page = await openPage(wallUrl(`channel=${channel}&emotes=&lifetime=60&max-on-screen=5&per-message=3`), { emoteImages: true });
    await joined(channel);
    const flood = (count: number) => Array.from({ length: count }, (_, i) => privmsg(channel, 'Kappa LUL PogChamp', { ...KAPPA_LUL_POG, id: `flood-${count}-${i}` }));
    // The last line's one emote shows when everything before it was taken.
    const last = (code: string, emotes: string) => privmsg(channel, code, { emotes });

    await commands.tmiPush(channel, [...flood(40), last('SeemsGood', '64138:0-8')]);
    await expect.poll(async () => (await shown()).flat()).toContain('SeemsGood');
    // 121 emotes came; the newest five are out (sprites are reused, so their order on the page is not their age).
    expect((await shown()).flat().sort()).toEqual(['Kappa', 'LUL', 'PogChamp', 'PogChamp', 'SeemsGood']);
    // The stage, and per sprite its box and four images.
    const FIVE_SPRITES = { sprites: 5, images: 20, all: 1 + 5 * 5 };
    expect(await made()).toEqual(FIVE_SPRITES);

    await commands.tmiPush(channel, [...flood(400), last('VoHiYo', '81274:0-5')]);
    await expect.poll(async () => (await shown()).flat(), { timeout: 10_000 }).toContain('VoHiYo');
    expect((await shown()).flat().sort()).toEqual(['Kappa', 'LUL', 'PogChamp', 'PogChamp', 'VoHiYo']);
    expect(await made()).toEqual(FIVE_SPRITES);
    expect(await page.eval<number[]>('[document.querySelector("ovl-emote-wall").onScreen, document.querySelector("ovl-emote-wall").spritesMade]')).toEqual([5, 5]);
    // 1,324 emotes drawn by 20 images: each of the five emotes' images was fetched once, then reused.
    expect((await emoteRequests()).length).toBe(5);
  });

  test('?demo flies the simulated chat\'s emotes with no channel and no account', async () => {
    page = await openPage('/overlays/emote-wall/?demo&lifetime=30', { clock: true, emoteImages: true });
    await expect.poll(advancingBy(page, 500, async () => (await shown()).length), { timeout: 10_000 }).toBeGreaterThan(2);
    expect((await shown()).flat().every((code) => /^(Kappa|Keepo|LUL|PogChamp|SeemsGood|VoHiYo|BibleThump|<3)$/.test(code))).toBe(true);
    expect(await page.eval('document.querySelector("ovl-setup-card")')).toBeNull();
  });

  test('a burst over a scene, for the README', async () => {
    const channel = uniqueChannel('wall');
    page = await openPage(wallUrl(`channel=${channel}&emotes=&motion=burst&size=72&lifetime=8&per-message=6&max-on-screen=60`), { emoteImages: true, width: 960, height: 540 });
    await joined(channel);
    const emotes = ['25:0-4/425618:6-8/305954156:10-17/64138:19-27/81274:29-34/86:36-45', '1902:0-4/425618:6-8/9:10-11/25:13-17/64138:19-27/305954156:29-36'];
    const texts = ['Kappa LUL PogChamp SeemsGood VoHiYo BibleThump', 'Keepo LUL <3 Kappa SeemsGood PogChamp'];
    for (let i = 0; i < 4; i++) await commands.tmiPush(channel, [privmsg(channel, texts[i % 2]!, { emotes: emotes[i % 2] })]);
    await expect.poll(async () => (await shown()).length).toBe(24);
    // Let the emotes fly out a little from their points: the furthest in its flight, since on a loaded machine the first may already have ended.
    const furthest = `Math.max(0, ...Array.from(document.querySelector('ovl-emote-wall').shadowRoot.querySelectorAll('.sprite'), (s) => Number(s.getAnimations()[0]?.currentTime ?? 0)))`;
    await expect.poll(() => page!.eval<number>(furthest), { timeout: 8000 }).toBeGreaterThan(3500);
    await page.screenshot('emote-wall', true);
  });

  test('?debug shows the chat chip; a missing channel shows the card saying what to fix', async () => {
    const channel = uniqueChannel('wall');
    page = await openPage(wallUrl(`channel=${channel}&emotes=&debug`));
    await expect.poll(async () => page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'), { timeout: 10_000 }).toEqual(['connected']);
    await page.close();
    page = await openPage('/overlays/emote-wall/?lifetime=9');
    await expect.poll(() => page!.text('ovl-setup-card', '[part="item"]'), { timeout: 5000 }).toEqual([expect.stringContaining('"channel" is required')]);
    expect(await page.eval('document.querySelector("ovl-emote-wall")')).toBeNull();
  });

  test('viewer strings stay text; an emote id no Twitch emote has is never put in a URL', async () => {
    const channel = uniqueChannel('wall');
    page = await openPage(wallUrl(`channel=${channel}&emotes=&lifetime=60`), { emoteImages: true });
    await joined(channel);
    await commands.tmiPush(channel, [
      privmsg(channel, '<img src=x onerror=alert(1)> Kappa', { displayName: '<b>Crafty</b>', emotes: '..:0-3/25?x=1:29-33' }),
      privmsg(channel, '<b>x</b> SeemsGood', { emotes: '25:0-7/64138:9-17' }),
    ]);
    await expect.poll(async () => (await shown()).flat().sort()).toEqual(['<b>x</b>', 'SeemsGood']);
    const elements = await page.eval<string[]>(`[...document.querySelector('ovl-emote-wall').shadowRoot.querySelectorAll('*')].map((e) => e.tagName)`);
    expect(new Set(elements)).toEqual(new Set(['DIV', 'IMG']));
    for (const url of await emoteRequests()) expect(url).toMatch(/^https:\/\/static-cdn\.jtvnw\.net\/emoticons\/v2\/(25|64138)\/default\/dark\/[\d.]+$/);
  });
});
