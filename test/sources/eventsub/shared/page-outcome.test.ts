import { describe, expect, test } from 'vitest';
import { pageOutcome } from '../../../../src/sources/eventsub/shared/page-outcome.js';
import { subscriptionKey } from '../../../../src/sources/eventsub/shared/subscription-key.js';
import type { EventSubSubscription } from '../../../../src/sources/eventsub/eventsub-subscription.js';
import type { RefusalWire } from '../../../../src/sources/eventsub/shared/shared-protocol.js';

const follow: EventSubSubscription = { type: 'channel.follow', version: '2', condition: { broadcaster_user_id: '1', moderator_user_id: '1' } };
const raidTo: EventSubSubscription = { type: 'channel.raid', version: '1', condition: { to_broadcaster_user_id: '1' } };
const raidFrom: EventSubSubscription = { type: 'channel.raid', version: '1', condition: { from_broadcaster_user_id: '1' } };
const own = new Map([follow, raidTo, raidFrom].map((sub) => [subscriptionKey(sub), sub]));
const key = subscriptionKey;
const refusal = (sub: EventSubSubscription): RefusalWire => ({ key: key(sub), type: sub.type, version: sub.version, reason: 'unauthorized', message: 'The Twitch API answered 403: missing scope.' });
const { key: _key, ...followRefused } = refusal(follow);

describe('pageOutcome: a page\'s part of the shared session', () => {
  test.each([
    ['not connected', false, [key(follow), key(raidTo), key(raidFrom)], [], { settled: false, refusedAll: null }],
    ['some still being created', true, [key(follow)], [], { settled: false, refusedAll: null }],
    ['all live', true, [key(follow), key(raidTo), key(raidFrom), 'another page'], [], { settled: true, outcome: { active: ['channel.follow', 'channel.raid'], refused: [] }, refusedAll: null }],
    ['one refused, the rest live', true, [key(raidTo), key(raidFrom)], [refusal(follow)], { settled: true, outcome: { active: ['channel.raid'], refused: [followRefused] }, refusedAll: null }],
    ['all refused', true, [], [refusal(follow), refusal(raidTo), refusal(raidFrom)], { settled: true, outcome: { active: [] }, refusedAll: refusal(follow) }],
    ["another page's refusal", true, [key(follow), key(raidTo), key(raidFrom)], [{ ...refusal(follow), key: 'another page' }], { settled: true, outcome: { active: ['channel.follow', 'channel.raid'], refused: [] }, refusedAll: null }],
  ] as const)('%s', (_name, connected, live, refused, expected) => {
    expect(pageOutcome(own, connected, live, refused)).toMatchObject(expected);
  });
});
