import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import pajlada from '../fixtures/recordings/pajlada-chat.jsonl?raw';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { uniqueChannel } from '../helpers/chat.js';
import { openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';

let page: OverlayPage | undefined;
afterEach(async () => {
  await page?.close();
  page = undefined;
});

const dataUrl = (text: string) => encodeURIComponent(`data:application/x-ndjson;charset=utf-8,${encodeURIComponent(text)}`);
let served = 0;
/** Puts a recording on another origin (with CORS), as a streamer might host one. */
async function hosted(text: string): Promise<string> {
  const path = `/recordings/session-${++served}-${Date.now()}.jsonl`;
  await commands.httpScript('GET', path, [{ status: 200, rawBody: text, headers: { 'Content-Type': 'application/x-ndjson' } }]);
  return encodeURIComponent(`${fake.httpOrigin}${path}`);
}

describe('?record and ?replay on the overlay pages (production build)', () => {
  test('?record&debug keeps the session and offers it as a file that replays on another page', async () => {
    const channel = uniqueChannel('rec');
    page = await openPage(`/overlays/chat/?channel=${channel}&record&debug&emotes=&dev-chat=127.0.0.1:${fake.tmiPort}`);
    await expect.poll(() => commands.tmiJoinCount(channel), { timeout: 10_000 }).toBe(1);
    await commands.tmiPush(channel, [privmsg(channel, 'recorded line one', { login: 'alice' }), privmsg(channel, 'recorded line two', { login: 'bob' })]);
    await expect.poll(async () => (await page!.text('ovl-status-panel', '[part="recording"]'))[0] ?? '', { timeout: 5000 }).toMatch(/recording: \d+ frames/);
    const file = await page.eval<string>('document.querySelector("ovl-status-panel").recorder.toBlob().text()');
    expect(file).toContain('recorded line two');
    await page.close();

    page = await openPage(`/overlays/chat/?replay=${dataUrl(file)}&replay-speed=10&debug`);
    await expect.poll(() => page!.text('ovl-chat', '[part~="line"]'), { timeout: 5000 }).toEqual(['alice: recorded line one', 'bob: recorded line two']);
    await expect.poll(async () => (await page!.text('ovl-status-panel', '.note')).join(' '), { timeout: 5000 }).toMatch(/replay: finished/);
    expect(await page.errors()).toEqual([]);
  });

  test('a stored recording, hosted on another origin, replays on the page with no account', async () => {
    page = await openPage(`/overlays/chat/?replay=${await hosted(pajlada)}&replay-speed=20&max-messages=100&debug`);
    // Played through (13.5 s of chat at 20×, once the page has loaded, which a loaded machine slows): then every line is drawn.
    await expect.poll(async () => (await page!.text('ovl-status-panel', '.note')).join(' '), { timeout: 15_000 }).toMatch(/replay: finished/);
    expect((await page.text('ovl-chat', '[part~="line"]')).length).toBeGreaterThan(20);
    expect((await page.text('ovl-chat', '[part~="line"]'))[0]).toBe('JuN1oRRRR: dank cam');
    // Twitch's emote images are out of reach here by design (tests never reach a Twitch host).
    expect((await page.errors()).filter((e) => !e.includes('ERR_NAME_NOT_RESOLVED'))).toEqual([]);
  });

  test('a recording that cannot be played says why on the setup card; an overlay with nothing to record warns', async () => {
    page = await openPage(`/overlays/chat/?replay=${dataUrl('{"hello":1}')}`);
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/not an overlay recording/);
    await page.close();

    page = await openPage(`/overlays/heatmap/?replay=${await hosted(pajlada)}`);
    await expect.poll(async () => (await page!.text('ovl-setup-card', '[part="item"]'))[0] ?? '', { timeout: 5000 }).toMatch(/needs heat frames; the recording has chat/);
    await page.close();

    page = await openPage(`/overlays/stream-info/?demo&debug&record`);
    await expect.poll(async () => (await page!.text('ovl-status-panel', '[part="problem"]')).join(' '), { timeout: 5000 }).toMatch(/no connection to record or replay; "record" was ignored/);
  });
});
