import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { EXPIRY_WARNING_MS, TokenWatch } from '../../src/twitch/token-watch.js';
import { validateToken } from '../../src/twitch/validate-token.js';
import { alertsOverlay } from '../../src/overlays/alerts-overlay.js';
import { bootOverlay, type BootedOverlay } from '../../src/boot/boot.js';
import { chatOverlay } from '../../src/overlays/chat-overlay.js';
import { BROADCASTER_TOKEN, GOOD_TOKEN } from '../helpers/http.js';
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
    // The fake's tokens last 14,000 s, inside the week of warnings: each check says so again.
    expect(seen).toEqual(['connecting', 'connected', 'connected', 'valid teststreamer', 'reconnecting network', 'error auth']);
    expect(watch.lastError?.message).toMatch(/invalid or has expired/);
    expect(clock.delays).toEqual([HOUR, HOUR, 60_000]);
    expect(clock.waiting).toBe(0);
  });
});

describe('a token with a lifetime (validate’s expires_in)', () => {
  const DAY = 24 * HOUR;
  const validated = async (expiresIn: number) => ({ ...(await validateToken(GOOD_TOKEN, { endpoints: fakeTwitchEndpoints() })), expiresIn: expiresIn / 1000 });

  test('warns in its last week, not before; says how long is left', async () => {
    const far = new TokenWatch({ token: GOOD_TOKEN, endpoints: fakeTwitchEndpoints(), schedule: new ManualSchedule().schedule, validation: await validated(EXPIRY_WARNING_MS + DAY) });
    far.start();
    expect(far.warning).toBeNull();
    far.stop();

    const near = new TokenWatch({ token: GOOD_TOKEN, endpoints: fakeTwitchEndpoints(), schedule: new ManualSchedule().schedule, validation: await validated(3 * DAY + HOUR) });
    near.start();
    expect(near.warning).toMatch(/^The Twitch token of this overlay expires in 3 days; then it stops\. Make a new overlay link on the setup page/);
    expect(near.status.state).toBe('connected');
    near.stop();
  });

  test('is checked again just after it expires, not an hour later; refused then, it ends in an auth error with nothing left to retry', async () => {
    const clock = new ManualSchedule();
    const watch = new TokenWatch({ token: GOOD_TOKEN, endpoints: fakeTwitchEndpoints(), schedule: clock.schedule, validation: await validated(30 * 60_000) });
    watch.start();
    expect(watch.warning).toMatch(/expires in (29|30) min/);
    expect(clock.delays).toHaveLength(1);
    expect(clock.delays[0]).toBeGreaterThan(29 * 60_000);
    expect(clock.delays[0]).toBeLessThanOrEqual(30 * 60_000 + 5000);
    await commands.httpScript('GET', '/id/oauth2/validate', [{ status: 401, body: { status: 401, message: 'invalid access token' } }]);
    clock.runNext();
    await expect.poll(() => watch.status.state, { timeout: 5000 }).toBe('error');
    expect(watch.lastError).toMatchObject({ code: 'auth', message: expect.stringMatching(/invalid or has expired.*setup page/) });
    expect(watch.warning).toBeNull();
    expect(clock.waiting).toBe(0);
  });
});

describe('an overlay whose token expires mid-stream (EventSub, Helix and the token watch on one token)', () => {
  let booted: BootedOverlay | undefined;
  afterEach(() => {
    booted?.stop();
    document.querySelectorAll('ovl-setup-card, ovl-alerts, ovl-status-panel').forEach((e) => e.remove());
  });

  test('its last hours are a warning in ?debug and nothing on stream; at the expiry every source stops, the card says what to do, and nothing retries', async () => {
    const clock = new ManualSchedule();
    const url = new URL(`http://127.0.0.1/overlays/alerts/?debug&dev-origin=${fake.httpOrigin}&dev-eventsub=${fake.eventsubUrl}#token=${BROADCASTER_TOKEN}`);
    booted = await bootOverlay(alertsOverlay, { url, root: document.body, schedule: clock.schedule });
    const sources = booted.parts!.sources;
    const token = sources.find((source) => source.name === 'token')!;
    await expect.poll(() => sources.every((source) => source.status.state === 'connected'), { timeout: 10_000 }).toBe(true);
    // The fake's tokens last 14,000 s: the chip warns, the stream shows nothing of it.
    const chip = () => document.querySelector('ovl-status-panel')?.shadowRoot?.querySelector('[data-source="token"] .warning')?.textContent ?? '';
    await expect.poll(chip).toMatch(/expires in 3 h; then it stops\. Make a new overlay link on the setup page/);
    expect(document.querySelector('ovl-setup-card')?.items ?? []).toEqual([]);
    expect(document.querySelector('ovl-alerts')).not.toBeNull();

    const requests = (await commands.httpRequests('/helix/')).length;
    await commands.httpScript('GET', '/id/oauth2/validate', [{ status: 401, body: { status: 401, message: 'invalid access token' } }]);
    clock.runNext();
    await expect.poll(() => token.status.state, { timeout: 5000 }).toBe('stopped');
    expect(sources.map((source) => source.status.state)).toEqual(sources.map(() => 'stopped'));
    expect(token.lastError?.code).toBe('auth');
    await expect.poll(() => document.querySelector('ovl-setup-card')?.items, { timeout: 5000 }).toEqual([expect.stringMatching(/^Twitch says the token is invalid or has expired\. Make a new overlay link on the setup page/)]);
    expect(document.querySelector('ovl-alerts')).toBeNull();
    // No storm against the refusal: no timer left to retry anything, and no more calls to Helix.
    expect(clock.waiting).toBe(0);
    expect((await commands.httpRequests('/helix/')).length).toBe(requests);
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
