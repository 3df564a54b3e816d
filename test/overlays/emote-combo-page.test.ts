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

const comboUrl = (query: string) => `/overlays/emote-combo/?${query}&dev-chat=127.0.0.1:${fake.tmiPort}&dev-origin=${fake.httpOrigin}`;
const joined = (channel: string) => expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);

/** Each combo on screen as its text, e.g. `Kappa ×3`; leaving ones marked. */
const shown = () =>
  page!.eval<string[]>(
    `[...document.querySelector('ovl-emote-combo').shadowRoot.querySelectorAll('[part~="combo"]')].map((row) => row.querySelector('[part="code"]').textContent + ' ' + row.querySelector('[part="count"]').textContent + (row.classList.contains('leaving') ? ' (leaving)' : ''))`,
  );

/** A line from `login` (its own user id) with Twitch emotes as `emotes` says. */
const from = (channel: string, login: string, text: string, emotes: string) => privmsg(channel, text, { login, userId: `7${login.length}${login.charCodeAt(0)}`, emotes });
const KAPPA = (channel: string, login: string) => from(channel, login, 'Kappa', '25:0-4');

describe('emote combos page (production build)', () => {
  test('three chatters make a combo that grows with each use and leaves `window` seconds after the last; one chatter spamming makes none', async () => {
    const channel = uniqueChannel('combo');
    // The page's clock is stepped: a combo's end comes when the test moves time on.
    page = await openPage(comboUrl(`channel=${channel}&emotes=&min-users=3&window=60&hide-bots=nightbot`), { clock: true, reducedMotion: true, emoteImages: true });
    await joined(channel);
    const LUL = (login: string) => from(channel, login, 'LUL', '425618:0-2');
    await commands.tmiPush(channel, [
      ...['spam', 'spam', 'spam', 'spam', 'spam'].map((login) => KAPPA(channel, login)),
      KAPPA(channel, 'ann'),
      from(channel, 'nightbot', 'Kappa', '25:0-4'),
      from(channel, 'bob', '!lurk Kappa', '25:6-10'),
      // Three chatters' LUL: a combo that shows these lines were read.
      ...['ann', 'bob', 'cat'].map(LUL),
    ]);
    // Kappa: two chatters so far (spam, ann), however often one of them sent it; a bot and a command do not count.
    await expect.poll(shown).toEqual(['LUL ×3']);
    await commands.tmiPush(channel, [KAPPA(channel, 'bob')]);
    // Every use of the window counts: spam's five, ann's, bob's.
    await expect.poll(shown).toEqual(['LUL ×3', 'Kappa ×7']);
    await commands.tmiPush(channel, [KAPPA(channel, 'cat'), KAPPA(channel, 'ann'), LUL('dan')]);
    await expect.poll(shown).toEqual(['LUL ×4', 'Kappa ×9']);
    // Both were last used together: 50 s on they are there, then they leave at 60 s. (The page's
    // clock also runs on by itself while the test waits on the machine: hence the wide margin.)
    await page.advance(50_000);
    expect(await shown()).toEqual(['LUL ×4', 'Kappa ×9']);
    await expect.poll(advancingBy(page, 2000, shown)).toEqual([]);
    expect(await page.eval('getComputedStyle(document.body).backgroundColor')).toBe('rgba(0, 0, 0, 0)');
    expect(await page.eval('document.querySelector("ovl-setup-card") || document.querySelector("ovl-status-panel")')).toBeNull();
    expect(await page.errors()).toEqual([]);
  });

  test('several combos stack, max-combos at most, Twitch and third-party emotes alike', async () => {
    const channel = uniqueChannel('combo');
    page = await openPage(comboUrl(`channel=${channel}&min-users=2&max-combos=2`), { emoteImages: true, width: 500, height: 400 });
    await joined(channel);
    // The global 7TV emotes load beside chat: lines are sent until EZ counts.
    await expect
      .poll(
        async () => {
          await commands.tmiPush(channel, [from(channel, 'ann', 'EZ', ''), from(channel, 'bob', 'EZ', '')]);
          return shown();
        },
        { timeout: 10_000 },
      )
      .toEqual([expect.stringMatching(/^EZ ×\d+$/)]);
    await commands.tmiPush(channel, [KAPPA(channel, 'ann'), KAPPA(channel, 'bob'), from(channel, 'ann', 'PogChamp', '305954156:0-7'), from(channel, 'cat', 'PogChamp', '305954156:0-7')]);
    // Two at most: EZ, the quietest, made room.
    await expect.poll(async () => (await shown()).filter((row) => !row.endsWith('(leaving)'))).toEqual(['Kappa ×2', 'PogChamp ×2']);
    await commands.tmiPush(channel, [from(channel, 'dan', 'PogChamp PogChamp', '305954156:0-7,9-16')]);
    await expect.poll(shown).toEqual(['Kappa ×2', 'PogChamp ×3']);
    // The bump of the count played out.
    await expect.poll(() => page!.eval(`document.querySelector('ovl-emote-combo').shadowRoot.getAnimations().every((a) => a.playState === 'finished')`)).toBe(true);
    await page.screenshot('emote-combo', true);
  });

  test('?demo makes combos of the simulated chat, with no channel and no account', async () => {
    page = await openPage('/overlays/emote-combo/?demo', { clock: true, reducedMotion: true });
    await expect.poll(advancingBy(page, 1000, async () => (await shown()).length), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await shown()).toEqual(expect.arrayContaining([expect.stringMatching(/^(Kappa|Keepo|LUL|PogChamp|SeemsGood|VoHiYo|BibleThump|<3) ×\d+/)]));
  });

  test('?debug shows the chat chip; a missing channel shows the card saying what to fix', async () => {
    const channel = uniqueChannel('combo');
    page = await openPage(comboUrl(`channel=${channel}&emotes=&debug`));
    await expect.poll(async () => page!.attr('ovl-status-panel', '[part="chip"]', 'data-state'), { timeout: 10_000 }).toEqual(['connected']);
    await page.close();
    page = await openPage('/overlays/emote-combo/?window=5');
    await expect.poll(() => page!.text('ovl-setup-card', '[part="item"]'), { timeout: 5000 }).toEqual([expect.stringContaining('"channel" is required')]);
    expect(await page.eval('document.querySelector("ovl-emote-combo")')).toBeNull();
  });

  test('an emote code stays text; an emote id no Twitch emote has is never put in a URL', async () => {
    const channel = uniqueChannel('combo');
    page = await openPage(comboUrl(`channel=${channel}&emotes=&min-users=2`), { emoteImages: true });
    await joined(channel);
    const crafted = (login: string) => from(channel, login, '<img src=x onerror=alert(1)> <b>x</b>', '..:0-3/25?x=1:5-9/25:29-36');
    await commands.tmiPush(channel, [crafted('ann'), crafted('bob')]);
    await expect.poll(shown).toEqual(['<b>x</b> ×2']);
    const elements = await page.eval<string[]>(`[...document.querySelector('ovl-emote-combo').shadowRoot.querySelectorAll('*')].map((e) => e.tagName)`);
    expect(new Set(elements)).toEqual(new Set(['DIV', 'IMG', 'SPAN']));
    const emoteRequests = (await page.requests()).filter((url) => url.includes('jtvnw'));
    expect(emoteRequests.length).toBeGreaterThan(0);
    for (const url of emoteRequests) expect(url).toMatch(/^https:\/\/static-cdn\.jtvnw\.net\/emoticons\/v2\/25\/default\/dark\/[\d.]+$/);
  });
});
