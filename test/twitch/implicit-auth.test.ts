import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { beginLogin, completeLogin } from '../../src/twitch/implicit-auth.js';
import { TWITCH_ENDPOINTS } from '../../src/twitch/endpoints.js';
import { GOOD_TOKEN, QUICK_POLL_CLIENT_ID } from '../helpers/http.js';
import { EVENT_SCOPES } from '../../src/sources/eventsub/subscription-catalog.js';
import { advancingBy, openPage, type OverlayPage } from '../helpers/page.js';
import { fake } from '../helpers/fake-servers.js';

const redirectUri = 'https://streamer.example/setup/';

describe('implicit grant', () => {
  afterEach(() => sessionStorage.clear());

  test('beginLogin asks Twitch for a token with the scopes and a fresh state', () => {
    const url = new URL(beginLogin({ clientId: 'abc', scopes: ['chat:read', 'channel:read:redemptions'], redirectUri }));
    expect(`${url.origin}${url.pathname}`).toBe('https://id.twitch.tv/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'token',
      client_id: 'abc',
      redirect_uri: redirectUri,
      scope: 'chat:read channel:read:redemptions',
      state: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const again = new URL(beginLogin({ clientId: 'abc', scopes: [], redirectUri }));
    expect(again.searchParams.get('state')).not.toBe(url.searchParams.get('state'));
  });

  test('completeLogin accepts the token only with the state it stored, once', () => {
    const state = new URL(beginLogin({ clientId: 'abc', scopes: ['chat:read'], redirectUri })).searchParams.get('state');
    const back = new URL(`${redirectUri}#access_token=tok123&scope=chat%3Aread&state=${state}&token_type=bearer`);
    expect(completeLogin(back)).toEqual({ ok: true, token: 'tok123', scopes: ['chat:read'], clientId: 'abc', endpoints: TWITCH_ENDPOINTS });
    expect(completeLogin(back)).toMatchObject({ ok: false, error: expect.stringContaining('did not match') });
  });

  test('a forged or unsolicited answer is refused; a denial is reported; a plain URL is no answer', () => {
    beginLogin({ clientId: 'abc', scopes: [], redirectUri });
    expect(completeLogin(new URL(`${redirectUri}#access_token=evil&state=forged`))).toMatchObject({ ok: false });
    const state = new URL(beginLogin({ clientId: 'abc', scopes: [], redirectUri })).searchParams.get('state');
    expect(completeLogin(new URL(`${redirectUri}?error=access_denied&error_description=The+user+denied+you+access&state=${state}`))).toEqual({
      ok: false,
      error: 'Twitch did not grant access: The user denied you access',
    });
    expect(completeLogin(new URL(`${redirectUri}?channel=x`))).toBeNull();
  });
});

describe('"Connect with Twitch" on the setup page (production build)', () => {
  let page: OverlayPage | undefined;
  afterEach(async () => {
    await page?.close();
    page = undefined;
  });

  /** Enters the client id and clicks the `button` of the row whose links include overlay `name`. */
  const connect = (clientId: string, name: string, button: 'connect' | 'connect-code' = 'connect') =>
    page!.eval(`(() => {
      const root = document.querySelector('ovl-connect').shadowRoot;
      const input = root.getElementById('client-id');
      input.value = ${JSON.stringify(clientId)};
      input.dispatchEvent(new Event('input'));
      root.querySelector('[data-for~="${name}"] .${button}').click();
    })()`);
  const status = () => page!.text('ovl-connect', '[role="status"]');
  /** Each builder's URL by overlay page, with a channel where one is required. */
  const urls = () =>
    page!.eval<Record<string, string>>(`Object.fromEntries([...document.querySelectorAll('ovl-url-builder')].map((b) => {
      if (b.schema.channel?.required) b.setValue('channel', 'somechannel');
      return [b.path, b.url];
    }))`);
  const scopesOf = async (token: string) => {
    const response = await fetch(`${fake.httpOrigin}/id/oauth2/validate`, { headers: { Authorization: `Bearer ${token}` } });
    return ((await response.json()) as { scopes: string[] }).scopes;
  };

  test('goes to Twitch and back for the chat link only: its token reads chat and cannot post', async () => {
    page = await openPage(`/?dev-origin=${fake.httpOrigin}`, { width: 1280, height: 900 });
    await connect('my-client-id', 'chat');
    await expect.poll(status, { timeout: 10_000 }).toEqual(['Connected as teststreamer. The Chat overlay link now carries this token (chat:read) after the #.']);
    expect(await page.eval('location.hash')).toBe('');
    const [asked] = (await commands.httpRequests('/id/oauth2/authorize')).slice(-1);
    expect(new URL(asked!.url, 'http://x').searchParams.get('scope')).toBe('chat:read');
    const links = await urls();
    const token = /#token=(\w+)$/.exec(links['overlays/chat/']!)?.[1];
    expect(await scopesOf(token!)).toEqual(['chat:read']);
    // No other link gets a token it was not asked for.
    for (const path of ['overlays/stream-info/', 'overlays/alerts/', 'overlays/events/', 'overlays/goal/', 'overlays/heatmap/', 'overlays/studio/']) expect(links[path]).not.toContain(token);
    expect(await page.eval(`localStorage.getItem('ovl.clientId')`)).toBe('my-client-id');
  });

  test('the alerts and event list links get a token of their own, with the scopes of their events and nothing more', async () => {
    page = await openPage(`/?dev-origin=${fake.httpOrigin}`, { width: 1280, height: 900 });
    await connect('my-client-id', 'alerts');
    await expect.poll(status, { timeout: 10_000 }).toEqual([
      `Connected as teststreamer. The Alerts overlay and Event list overlay links now carry this token (${EVENT_SCOPES.join(', ')}) after the #.`,
    ]);
    const links = await urls();
    const token = /#token=(\w+)$/.exec(links['overlays/alerts/']!)?.[1];
    expect(await scopesOf(token!)).toEqual([...EVENT_SCOPES]);
    expect(links['overlays/events/']).toMatch(new RegExp(`#token=${token}$`));
    // The goal bar's link takes a token with its one scope only.
    expect(links['overlays/goal/']).not.toContain('#');
    expect(links['overlays/chat/']).not.toContain('#');
  });

  test('"Connect with a code" shows the code to enter, then fills the links that use no scopes', async () => {
    page = await openPage(`/?dev-origin=${fake.httpOrigin}`, { clock: true });
    await connect(QUICK_POLL_CLIENT_ID, 'heatmap', 'connect-code');
    await expect.poll(status, { timeout: 5000 }).toEqual(['Go to https://www.twitch.tv/activate and enter the code ABCDEFGH. This page waits for you.']);
    // The fake answers "pending" twice, at this client's 1 s interval, on a clock the test moves ahead.
    await expect.poll(advancingBy(page, 1000, status), { timeout: 10_000, interval: 200 }).toEqual([
      'Connected as teststreamer. The Stream info overlay and Click heatmap overlay links now carry this token (no scopes) after the #.',
    ]);
    const links = await urls();
    const token = /#token=(\w+)$/.exec(links['overlays/heatmap/']!)?.[1];
    expect(await scopesOf(token!)).toEqual([]);
    expect(links['overlays/stream-info/']).toMatch(new RegExp(`#token=${token}$`));
    expect(links['overlays/chat/']).not.toContain('#');
  });

  test('a token that can post in chat goes into no link', async () => {
    page = await openPage(`/?dev-origin=${fake.httpOrigin}`);
    // The fake validates GOOD_TOKEN with chat:read and chat:edit.
    await page.eval(`document.querySelector('ovl-connect').dispatchEvent(new CustomEvent('ovl-token', { detail: { token: ${JSON.stringify(GOOD_TOKEN)} } }))`);
    await expect.poll(status, { timeout: 5000 }).toEqual([expect.stringContaining('chat:read, chat:edit, which match no overlay here, so it was put into no link')]);
    for (const url of Object.values(await urls())) expect(url).not.toContain(GOOD_TOKEN);
  });

  test('a denial, or an answer this page did not ask for, is shown and not used', async () => {
    page = await openPage(`/?dev-origin=${fake.httpOrigin}`);
    await connect('deny', 'chat');
    await expect.poll(status, { timeout: 10_000 }).toEqual(['Twitch did not grant access: The user denied you access']);
    await page.close();
    page = await openPage(`/#access_token=stolen&state=whatever`);
    await expect.poll(status, { timeout: 5000 }).toEqual([expect.stringContaining('did not match a login started on this page')]);
    for (const url of Object.values(await urls())) expect(url).not.toContain('stolen');
  });
});
