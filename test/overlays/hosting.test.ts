import { afterEach, describe, expect, test } from 'vitest';

import { commands } from 'vitest/browser';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { uniqueChannel } from '../helpers/chat.js';
import { openObsLocalFile, openPage, type OverlayPage } from '../helpers/page.js';
import { SUB_PATH } from '../helpers/site.js';
import { fake } from '../helpers/fake-servers.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const OVERLAYS = { chat: 'ovl-chat', 'stream-info': 'ovl-stream-info', alerts: 'ovl-alerts', events: 'ovl-event-list', goal: 'ovl-goal', 'hype-train': 'ovl-hype-train', poll: 'ovl-poll', heatmap: 'ovl-heatmap', studio: 'ovl-studio' } as const;
type OverlayName = keyof typeof OVERLAYS;

async function expectBooted(name: OverlayName): Promise<void> {
  await expect.poll(() => page!.eval<boolean>(`!!document.querySelector('${OVERLAYS[name]}')?.shadowRoot`), { timeout: 5000 }).toBe(true);
  // Chat's simulated Twitch emotes point at Twitch's CDN, which the test browser cannot resolve.
  expect((await page!.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
}

describe('dist/ served from a sub-path', () => {
  test.each(Object.keys(OVERLAYS) as OverlayName[])('overlays/%s boots on the simulator with no console errors', async (name) => {
    page = await openPage(`${SUB_PATH}overlays/${name}/?demo`, { reducedMotion: true });
    await expectBooted(name);
    expect(await page.eval('location.pathname')).toBe(`${SUB_PATH}overlays/${name}/`);
  });

  test('the demo page links to overlays under the same sub-path', async () => {
    page = await openPage(SUB_PATH);
    // Each overlay's link, once the required settings are filled in.
    const paths = `(() => {
      const setup = document.querySelector('ovl-setup-page');
      return setup.overlays.map(({ name }) => (setup.draftOf(name).setValue('channel', 'somechannel'), setup.draftOf(name).setValue('token', 'sometoken'), new URL(setup.linkOf(name)).pathname));
    })()`;
    await expect.poll(() => page!.eval<string[]>(paths), { timeout: 5000 }).toEqual([
      `${SUB_PATH}overlays/chat/`,
      `${SUB_PATH}overlays/stream-info/`,
      `${SUB_PATH}overlays/alerts/`,
      `${SUB_PATH}overlays/events/`,
      `${SUB_PATH}overlays/goal/`,
      `${SUB_PATH}overlays/hype-train/`,
      `${SUB_PATH}overlays/poll/`,
      `${SUB_PATH}overlays/dock/`,
      `${SUB_PATH}overlays/heatmap/`,
      `${SUB_PATH}overlays/studio/`,
      `${SUB_PATH}overlays/emote-wall/`,
      `${SUB_PATH}overlays/emote-combo/`,
      `${SUB_PATH}overlays/label/`,
      `${SUB_PATH}overlays/subathon/`,
      `${SUB_PATH}overlays/credits/`,
    ]);
  });
});

describe('dist/ loaded by OBS\'s "Local file" mode (http://absolute/<path>, no server)', () => {
  test.each(Object.keys(OVERLAYS) as OverlayName[])('overlays/%s/index.html boots on the simulator with no console errors', async (name) => {
    page = await openObsLocalFile(`overlays/${name}/index.html?demo`);
    await expectBooted(name);
    expect(await page.eval('location.origin')).toBe('http://absolute');
  });

  test('live chat works from there: the page reaches Twitch (here the fake) from the http://absolute origin', async () => {
    const channel = uniqueChannel('local');
    page = await openObsLocalFile(`overlays/chat/index.html?channel=${channel}&emotes=&dev-chat=127.0.0.1:${fake.tmiPort}`);
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    await commands.tmiPush(channel, [privmsg(channel, 'hello from disk', { login: 'localviewer' })]);
    await expect.poll(() => page!.text('ovl-chat', '[part~="message"]'), { timeout: 5000 }).toEqual(['hello from disk']);
  });
});
