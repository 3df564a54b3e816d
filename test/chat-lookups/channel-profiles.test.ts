import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { ChannelProfiles } from '../../src/chat-lookups/channel-profiles.js';
import { HelixClient } from '../../src/twitch/helix-client.js';
import { getUsers } from '../../src/twitch/helix-api.js';
import { UserDirectory } from '../../src/twitch/user-directory.js';
import { FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID } from '../helpers/http.js';
import { fakeTwitchEndpoints, fakeFeatureEndpoints } from '../helpers/fake-servers.js';

const IVR_USER = '/ivr/v2/twitch/user';
const profiles = (users?: UserDirectory) => new ChannelProfiles({ users, ivrEndpoint: fakeFeatureEndpoints().ivr, timeoutMs: 500, maxBytes: 20_000 });

describe('channel profiles (Shared Chat source channels)', () => {
  test('without a token IVR names the channel; the answer is kept, so it is asked once', async () => {
    const lookup = profiles();
    const before = (await commands.httpRequests(IVR_USER)).length;
    const [a, b] = await Promise.all([lookup.load(FIXTURE_CHANNEL_ID), lookup.load(FIXTURE_CHANNEL_ID)]);
    expect(a).toEqual({ id: FIXTURE_CHANNEL_ID, login: 'twitchdev', displayName: 'TwitchDev', avatarUrl: expect.stringMatching(/^https:\/\/static-cdn\.jtvnw\.net\//) });
    expect(b).toBe(a);
    await lookup.load(FIXTURE_CHANNEL_ID);
    expect((await commands.httpRequests(IVR_USER)).length - before).toBe(1);
    expect(lookup.get(FIXTURE_CHANNEL_ID)).toBe(a);
  });

  test('with a token Helix answers first', async () => {
    const helix = new HelixClient({ token: GOOD_TOKEN, clientId: TEST_CLIENT_ID, endpoints: fakeTwitchEndpoints() });
    expect(await profiles(new UserDirectory({ fetchUsers: (ids) => getUsers(helix, { ids }) })).load('4242')).toMatchObject({ id: '4242', login: 'user4242', displayName: 'User4242' });
  });

  test('a crafted name stays data and a javascript: logo is refused', async () => {
    expect(await profiles().load('7000666')).toEqual({ id: '7000666', login: 'craftedname', displayName: '<img src=x onerror=alert(1)>', avatarUrl: null });
  });

  test.each([
    ['a 5xx', { status: 503, body: { error: 'down' } }],
    ['malformed JSON', { status: 200, rawBody: '[{"id": ' }],
    ['a huge answer', { status: 200, body: [], padBytes: 100_000 }],
    ['a timeout', { status: 200, body: [], delayMs: 2000 }],
    ['an answer of the wrong shape', { status: 200, body: { id: FIXTURE_CHANNEL_ID, login: 'twitchdev' } }],
  ])('%s from IVR: no name (the marker stays ⇄), no rejection', async (_name, answer) => {
    await commands.httpScript('GET', IVR_USER, [answer]);
    const lookup = profiles();
    await expect(lookup.load(FIXTURE_CHANNEL_ID)).resolves.toBeNull();
    expect(lookup.get(FIXTURE_CHANNEL_ID)).toBeUndefined();
  });

  test('after a failure the channel is asked again; an unknown channel is not', async () => {
    await commands.httpScript('GET', IVR_USER, [{ status: 500, body: {} }]);
    const lookup = profiles();
    expect(await lookup.load(FIXTURE_CHANNEL_ID)).toBeNull();
    expect((await lookup.load(FIXTURE_CHANNEL_ID))?.login).toBe('twitchdev');
    const before = (await commands.httpRequests(IVR_USER)).length;
    expect(await lookup.load('123123')).toBeNull();
    expect(await lookup.load('123123')).toBeNull();
    expect((await commands.httpRequests(IVR_USER)).length - before).toBe(1);
  });

  test('ids that are not user ids are never asked for', async () => {
    const before = (await commands.httpRequests(IVR_USER)).length;
    expect(await profiles().load('../x')).toBeNull();
    expect((await commands.httpRequests(IVR_USER)).length).toBe(before);
  });
});
