import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { ChatLookups, type ChatLookupsOptions } from '../../src/chat-lookups/chat-lookups.js';
import { FIXTURE_CHANNEL_ID } from '../helpers/http.js';
import { fakeEmoteEndpoints, fakeFeatureEndpoints } from '../helpers/fake-servers.js';

const NOTHING: ChatLookupsOptions = { badges: [], paints: false, pronouns: false, emotes: [], emoteTheme: 'dark' };

function lookups(options: Partial<ChatLookupsOptions>, notes: string[]): ChatLookups {
  const endpoints = { features: fakeFeatureEndpoints(), emotes: fakeEmoteEndpoints() };
  return new ChatLookups({ ...NOTHING, endpoints, ...options }, (_lookup, each) => notes.push(...each));
}

const requests = async (path: string) => (await commands.httpRequests(path)).length;

describe("a chat page's lookups, made from its parameters", () => {
  test('only those asked for are made; with none, nothing is asked', async () => {
    const notes: string[] = [];
    const none = lookups({}, notes);
    expect([none.badges, none.chatters, none.cheermotes, none.emotes]).toEqual([null, null, null, null]);
    const before = await requests(`/ivr/v2/twitch/badges/channel?id=${FIXTURE_CHANNEL_ID}`);
    none.start();
    none.channelSeen(FIXTURE_CHANNEL_ID);
    const some = lookups({ badges: ['twitch'], pronouns: true }, notes);
    expect([some.badges !== null, some.chatters !== null, some.cheermotes, some.emotes]).toEqual([true, true, null, null]);
    expect(await requests(`/ivr/v2/twitch/badges/channel?id=${FIXTURE_CHANNEL_ID}`)).toBe(before);
    expect(notes).toEqual([]);
  });

  test('each channel loads once, each service noting how it answered; a Shared Chat source is also named', async () => {
    const notes: string[] = [];
    const page = lookups({ badges: ['twitch', 'ffz'], emotes: ['bttv'] }, notes);
    const badgesBefore = await requests(`/ivr/v2/twitch/badges/channel?id=${FIXTURE_CHANNEL_ID}`);
    page.start();
    page.channelSeen(FIXTURE_CHANNEL_ID);
    page.channelSeen(FIXTURE_CHANNEL_ID);
    page.sourceSeen(FIXTURE_CHANNEL_ID);
    page.channelSeen('not an id');
    await expect.poll(() => [...notes].sort()).toEqual(['badges: loaded (ivr)', 'bttv: 5 emotes', 'ffz badges: loaded', 'shared chat: twitchdev']);
    expect(await requests(`/ivr/v2/twitch/badges/channel?id=${FIXTURE_CHANNEL_ID}`)).toBe(badgesBefore + 1);
    expect(page.badges?.find('subscriber', '12', FIXTURE_CHANNEL_ID)?.title).toBe('1-Year Subscriber');
    expect(page.emotes?.table.find('FeelsGoodMan', FIXTURE_CHANNEL_ID)?.provider).toBe('bttv');
    expect(page.profiles.get(FIXTURE_CHANNEL_ID)?.displayName).toBe('TwitchDev');
  });

  test("channelSeen resolves once the channel's lookups and the shared ones have answered (a history waits for it)", async () => {
    const notes: string[] = [];
    const page = lookups({ badges: ['twitch', 'ffz'], emotes: ['bttv'] }, notes);
    page.start();
    await page.channelSeen(FIXTURE_CHANNEL_ID);
    expect([...notes].sort()).toEqual(['badges: loaded (ivr)', 'bttv: 5 emotes', 'ffz badges: loaded']);
    await page.channelSeen(FIXTURE_CHANNEL_ID);
    expect(notes).toHaveLength(3);
    await expect(page.channelSeen('not an id')).resolves.toBeUndefined();
  });
});
