import { afterEach, describe, expect, test } from 'vitest';
import { beginLogin, completeLogin, forgetLogins, loginAnswer } from '../../src/twitch/implicit-auth.js';
import { TWITCH_ENDPOINTS } from '../../src/twitch/endpoints.js';

const redirectUri = 'https://streamer.example/setup/auth.html';
const stateOf = (url: string) => new URL(url).searchParams.get('state')!;
const answer = (text: string) => new URLSearchParams(text);

describe('implicit grant', () => {
  afterEach(() => sessionStorage.clear());

  test('beginLogin asks Twitch for a token with the scopes and a fresh state, without force_verify', () => {
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

  test('each pending login has its own state; each answer settles its own, once', () => {
    const union = stateOf(beginLogin({ clientId: 'abc', scopes: ['chat:read', 'bits:read'], redirectUri }));
    const chat = stateOf(beginLogin({ clientId: 'abc', scopes: ['chat:read'], redirectUri }));
    const back = answer(`access_token=tok2&scope=chat%3Aread&state=${chat}&token_type=bearer`);
    expect(completeLogin(back)).toEqual({ ok: true, token: 'tok2', scopes: ['chat:read'], asked: ['chat:read'], clientId: 'abc', endpoints: TWITCH_ENDPOINTS });
    // Used once: the same answer again is not ours any more.
    expect(completeLogin(back)).toBeNull();
    expect(completeLogin(answer(`access_token=tok1&scope=chat%3Aread+bits%3Aread&state=${union}`))).toMatchObject({ ok: true, token: 'tok1', scopes: ['chat:read', 'bits:read'], asked: ['chat:read', 'bits:read'] });
  });

  test('an answer with a state this tab did not issue is no answer at all; a denial is reported', () => {
    beginLogin({ clientId: 'abc', scopes: [], redirectUri });
    expect(completeLogin(answer('access_token=evil&state=forged'))).toBeNull();
    expect(completeLogin(answer('access_token=evil'))).toBeNull();
    const state = stateOf(beginLogin({ clientId: 'abc', scopes: ['chat:read'], redirectUri }));
    expect(completeLogin(answer(`error=access_denied&error_description=The+user+denied+you+access&state=${state}`))).toEqual({
      ok: false,
      error: 'Twitch did not grant access: The user denied you access',
      asked: ['chat:read'],
    });
  });

  test('forgetLogins drops every pending state', () => {
    const state = stateOf(beginLogin({ clientId: 'abc', scopes: [], redirectUri }));
    forgetLogins();
    expect(completeLogin(answer(`access_token=late&state=${state}`))).toBeNull();
  });

  test('loginAnswer reads the fragment or the query, and finds nothing in a plain URL', () => {
    expect(loginAnswer(new URL(`${redirectUri}#access_token=t&state=s`))?.get('access_token')).toBe('t');
    expect(loginAnswer(new URL(`${redirectUri}?error=access_denied&state=s`))?.get('error')).toBe('access_denied');
    expect(loginAnswer(new URL(`${redirectUri}?channel=x`))).toBeNull();
  });

  test('a login against a stand-in for id.twitch.tv keeps its endpoints', () => {
    const endpoints = { id: 'http://127.0.0.1:9/id', helix: 'http://127.0.0.1:9/helix' };
    const state = stateOf(beginLogin({ clientId: 'abc', scopes: [], redirectUri, endpoints }));
    expect(completeLogin(answer(`access_token=t&scope=&state=${state}`))).toMatchObject({ ok: true, endpoints });
  });
});
