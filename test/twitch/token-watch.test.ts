import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { TokenWatch } from '../../src/twitch/token-watch.js';
import { bootOverlay, type BootedOverlay } from '../../src/boot/boot.js';
import { chatOverlay } from '../../src/overlays/chat-overlay.js';
import { GOOD_TOKEN } from '../helpers/http.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';
import { uniqueChannel, untilState } from '../helpers/chat.js';
import type { ChatSource } from '../../src/sources/tmi/chat-source.js';
import { fake, fakeTwitchEndpoints } from '../helpers/fake-servers.js';

const HOUR = 3_600_000;
const answered = async (clock: ManualSchedule, count: number) => expect.poll(() => clock.delays.length, { timeout: 5000 }).toBe(count);

describe('TokenWatch', () => {
  test('re-validates every hour; a network failure retries in a minute; a refusal ends it in an auth error', async () => {
    const clock = new ManualSchedule();
    const watch = new TokenWatch({ token: GOOD_TOKEN, endpoints: fakeTwitchEndpoints(), schedule: clock.schedule });
    const seen: string[] = [];
    watch.addEventListener('valid', (e) => seen.push(`valid ${e.detail.login}`));
    watch.addEventListener('status', (e) => seen.push(`${e.detail.state}${e.detail.error ? ` ${e.detail.error.code}` : ''}`));
    watch.start();
    expect(clock.delays).toEqual([HOUR]);

    clock.runNext();
    await answered(clock, 2);
    await commands.httpScript('GET', '/id/oauth2/validate', [{ status: 503 }, { status: 401, body: { status: 401, message: 'invalid access token' } }]);
    clock.runNext();
    await answered(clock, 3);
    expect(watch.status).toMatchObject({ state: 'reconnecting', retryInMs: 60_000, error: { code: 'network' } });
    clock.runNext();
    await expect.poll(() => watch.status.state, { timeout: 5000 }).toBe('error');
    expect(seen).toEqual(['connecting', 'connected', 'valid teststreamer', 'reconnecting network', 'error auth']);
    expect(watch.lastError?.message).toMatch(/invalid or has expired/);
    expect(clock.delays).toEqual([HOUR, HOUR, 60_000]);
    expect(clock.waiting).toBe(0);
  });
});

describe('an overlay whose token is revoked', () => {
  let booted: BootedOverlay | undefined;
  afterEach(() => {
    booted?.stop();
    document.querySelectorAll('ovl-setup-card, ovl-chat').forEach((e) => e.remove());
  });

  test('stops its sources and shows how to get a new token', async () => {
    const clock = new ManualSchedule();
    const channel = uniqueChannel('revoked');
    const url = new URL(`http://127.0.0.1/overlays/chat/?channel=${channel}&emotes=&dev-chat=127.0.0.1:${fake.tmiPort}&dev-origin=${fake.httpOrigin}#token=${GOOD_TOKEN}`);
    booted = await bootOverlay(chatOverlay, { url, root: document.body, schedule: clock.schedule });
    const chat = booted.parts!.sources[0] as ChatSource;
    await untilState(chat, 'connected');

    await commands.httpScript('GET', '/id/oauth2/validate', [{ status: 401, body: { status: 401, message: 'invalid access token' } }]);
    clock.runNext();
    await expect.poll(() => chat.status.state, { timeout: 5000 }).toBe('stopped');
    await expect.poll(() => document.querySelector('ovl-setup-card')?.items.join(' ') ?? '', { timeout: 5000 }).toMatch(/invalid or has expired.*setup page/);
    expect(document.querySelector('ovl-chat')).toBeNull();
  });
});
