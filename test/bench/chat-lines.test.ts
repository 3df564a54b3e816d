import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { uniqueChannel } from '../helpers/chat.js';
import { GOOD_TOKEN } from '../helpers/http.js';
import { fake } from '../helpers/fake-servers.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { DECORATED_CHATTERS, ID_PLACEHOLDER, providerLines } from './chat-lines.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

/** What the providers drew on the page's lines, read in the page. */
interface Drawn {
  lines: number;
  badges: string[];
  paints: number;
  pronouns: string[];
  cheermotes: number;
  sourceMarkers: number;
  emotes: string[];
}

const DRAWN = `(() => {
  const root = document.querySelector('ovl-chat').shadowRoot;
  const all = (selector) => [...root.querySelectorAll(selector)];
  return {
    lines: all('[part~="line"]').length,
    badges: [...new Set(all('[part="badge"]').map((b) => b.dataset.badge.replace(/-.*/, '')))].sort(),
    paints: all('[part="name"]').filter((n) => n.style.backgroundImage).length,
    pronouns: [...new Set(all('[part="pronouns"]').map((p) => p.textContent))].sort(),
    cheermotes: all('[part="cheermote"]').length,
    sourceMarkers: all('[part="source"]').length,
    emotes: [...new Set(all('img[part="emote"]').map((e) => e.alt))],
  };
})()`;

describe('the chat benchmark\'s lines for "all providers on" (test/bench/chat-lines.ts)', () => {
  test('are decorated by every opt-in provider from the recorded answers, so the bench measures the decorated path', async () => {
    const channel = uniqueChannel('provbench');
    const params = `channel=${channel}&badges=twitch,ffz,bttv,7tv&paints=true&pronouns=true&max-messages=500&debug`;
    page = await openPage(`/overlays/chat/?${params}&dev-chat=127.0.0.1:${fake.tmiPort}&dev-origin=${fake.httpOrigin}#token=${GOOD_TOKEN}`, { height: 4000 });
    await expect.poll(() => page!.text('ovl-status-panel', '.note'), { timeout: 8000 }).toEqual(
      expect.arrayContaining(['badges: loaded (helix)', 'ffz badges: loaded', 'bttv badges: loaded', 'cheermotes: 3 loaded']),
    );
    const lines = providerLines(channel, await commands.tmiRoomId(channel), 300).map((line, i) => line.replaceAll(ID_PLACEHOLDER, `p${i}`));
    // Ten at a time, as a busy chat sends them; each chatter's first line starts their lookups.
    for (let i = 0; i < lines.length; i += 10) {
      await commands.tmiPush(channel, lines.slice(i, i + 10), true);
      await expect.poll(() => page!.attr('ovl-chat', `[data-id="p${Math.min(i + 9, lines.length - 1)}"]`, 'data-id'), { timeout: 5000 }).toHaveLength(1);
    }
    // Lines drawn before a lookup answered are completed when it does.
    await expect
      .poll(() => page!.eval<Drawn>(DRAWN), { timeout: 8000 })
      .toEqual({
        lines: 300,
        badges: ['7tv', 'bttv', 'ffz', 'moderator', 'subscriber'],
        paints: expect.any(Number),
        pronouns: ['Any', 'He/They', 'She/Her', 'They/Them'],
        cheermotes: expect.any(Number),
        sourceMarkers: expect.any(Number),
        emotes: expect.arrayContaining(['EZ', 'OhMyGod', 'LilZ', 'peepoHappy', 'FeelsGoodMan', 'KEKW']),
      });
    const drawn = await page.eval<Drawn>(DRAWN);
    // Both painted chatters, several cheers and Shared Chat lines: the shares the bench names.
    expect(drawn.paints).toBeGreaterThan(5);
    expect(drawn.cheermotes).toBeGreaterThan(3);
    expect(drawn.sourceMarkers).toBeGreaterThan(15);
    for (const { id } of DECORATED_CHATTERS) expect(lines.some((line) => line.includes(`;user-id=${id};`))).toBe(true);
    // The only errors Chromium logs: the emote services' 404 for a channel they do not know, and
    // the images, whose CDNs the tests do not serve.
    expect((await page.errors()).filter((e) => !e.includes('status of 404') && !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
  });
});
