import { afterEach, describe, expect, inject, test } from 'vitest';
import { beginLogin, completeLogin } from '../../src/twitch/implicit-auth.js';
import { TWITCH_ENDPOINTS } from '../../src/twitch/endpoints.js';
import { GOOD_TOKEN } from '../helpers/http.js';
import { openPage, type OverlayPage } from '../helpers/page.js';

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

  const connect = (clientId: string) =>
    page!.eval(`(() => {
      const root = document.querySelector('ovl-connect').shadowRoot;
      const input = root.getElementById('client-id');
      input.value = ${JSON.stringify(clientId)};
      input.dispatchEvent(new Event('input'));
      root.getElementById('connect').click();
    })()`);
  const status = () => page!.text('ovl-connect', '[role="status"]');

  test('goes to Twitch and back, puts the token after the # of every link, and wipes it from the address bar', async () => {
    page = await openPage(`/?dev-origin=${inject('httpOrigin')}`, { width: 1280, height: 900 });
    await connect('my-client-id');
    await expect.poll(status, { timeout: 10_000 }).toEqual(['Connected as teststreamer. The links below now carry the token after the #.']);
    expect(await page.eval('location.hash')).toBe('');
    // Every overlay that takes a token gets it; the studio takes a stream key instead.
    // A channel where one is required, so that each builder has a URL to show.
    const urls = await page.eval<string[]>(`[...document.querySelectorAll('ovl-url-builder')].filter((b) => 'token' in b.schema).map((b) => (b.setValue('channel', 'somechannel'), b.url))`);
    expect(urls).toHaveLength(4);
    for (const url of urls) expect(url).toMatch(new RegExp(`#token=${GOOD_TOKEN}$`));
    expect(await page.eval(`[...document.querySelectorAll('ovl-url-builder')].at(-1).url`)).not.toContain('token');
    expect(await page.eval(`localStorage.getItem('ovl.clientId')`)).toBe('my-client-id');
  });

  test('"Connect with a code" shows the code to enter, then fills the links', async () => {
    page = await openPage(`/?dev-origin=${inject('httpOrigin')}`);
    await page.eval(`(() => {
      const root = document.querySelector('ovl-connect').shadowRoot;
      const input = root.getElementById('client-id');
      input.value = 'public-app';
      input.dispatchEvent(new Event('input'));
      root.getElementById('connect-code').click();
    })()`);
    await expect.poll(status, { timeout: 5000 }).toEqual(['Go to https://www.twitch.tv/activate and enter the code ABCDEFGH. This page waits for you.']);
    // Twitch's interval is 5 s and the fake answers "pending" twice: about 15 s.
    await expect.poll(status, { timeout: 25_000, interval: 500 }).toEqual(['Connected as teststreamer. The links below now carry the token after the #.']);
  }, 30_000);

  test('a denial, or an answer this page did not ask for, is shown and not used', async () => {
    page = await openPage(`/?dev-origin=${inject('httpOrigin')}`);
    await connect('deny');
    await expect.poll(status, { timeout: 10_000 }).toEqual(['Twitch did not grant access: The user denied you access']);
    await page.close();
    page = await openPage(`/#access_token=stolen&state=whatever`);
    await expect.poll(status, { timeout: 5000 }).toEqual([expect.stringContaining('did not match a login started on this page')]);
    const urls = await page.eval<string[]>(`[...document.querySelectorAll('ovl-url-builder')].map((b) => b.url)`);
    for (const url of urls) expect(url).not.toContain('stolen');
  });
});
