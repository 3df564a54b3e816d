import { describe, expect, test } from 'vitest';
import { normalizeNotification, type NotificationInput } from '../../../src/sources/eventsub/normalize.js';
import { duplicateOf } from '../../../src/sources/eventsub/duplicates.js';
import type { StreamEvent } from '../../../src/domain/stream-event.js';
import { REFERENCE_EVENTS, versionOf, type ReferenceType } from '../../fixtures/eventsub/reference-events.js';

const AT = Date.parse('2026-11-28T12:00:00Z');
const input = (type: string, event: Record<string, unknown>, version = versionOf(type)): NotificationInput => ({ type, version, messageId: `m-${type}`, timestamp: AT, event });
const normalized = (type: ReferenceType, change: Record<string, unknown> = {}): StreamEvent => {
  const result = normalizeNotification(input(type, { ...REFERENCE_EVENTS[type], ...change }));
  if (!('event' in result)) throw new Error(result.skipped);
  return result.event;
};
const skipped = (type: string, event: Record<string, unknown>, version?: string) => {
  const result = normalizeNotification(input(type, event, version));
  return 'skipped' in result ? result.skipped : null;
};
const coolUser = { id: '1234', login: 'cool_user', name: 'Cool_User' };

describe('normalising the reference payloads', () => {
  test.each<[ReferenceType, Partial<StreamEvent> & Record<string, unknown>]>([
    ['channel.follow', { kind: 'follow', user: coolUser, count: 1 }],
    ['channel.subscribe', { kind: 'sub', user: coolUser, tier: 1, isGift: false }],
    ['channel.subscription.gift', { kind: 'gift', user: coolUser, total: 2, tier: 1, cumulativeTotal: 284 }],
    ['channel.cheer', { kind: 'cheer', user: coolUser, bits: 1000, via: 'cheer', powerUp: '', message: { text: 'pogchamp', parts: [{ type: 'text', text: 'pogchamp' }] } }],
    ['channel.bits.use', { kind: 'cheer', user: coolUser, bits: 2, via: 'cheer', message: { text: 'hi', parts: [{ type: 'text', text: 'hi' }] } }],
    ['channel.raid', { kind: 'raid', user: coolUser, viewers: 9001 }],
    ['channel.shoutout.receive', { kind: 'shoutout', user: { id: '12345', login: 'simplysimple', name: 'SimplySimple' }, viewers: 860 }],
    ['channel.goal.progress', { kind: 'goal', phase: 'progress', goalType: 'subscription', description: 'Help me get partner!', current: 120, target: 220, achieved: false }],
    ['channel.goal.end', { kind: 'goal', phase: 'end', current: 180, achieved: false }],
    ['channel.charity_campaign.donate', { kind: 'charity', user: { id: '654321', login: 'givinguser', name: 'GivingUser' }, charityName: 'Example name', amount: 100, currency: 'USD' }],
    ['stream.online', { kind: 'stream-online', startedAt: Date.parse('2020-10-11T10:11:12.123Z'), streamType: 'live' }],
    ['stream.offline', { kind: 'stream-offline' }],
  ])('%s', (type, expected) => {
    expect(normalized(type)).toMatchObject({ id: `m-${type}`, at: AT, ...expected });
  });

  test('resub: months, streak, duration and the message with its emote as an image part', () => {
    const event = normalized('channel.subscription.message');
    expect(event).toMatchObject({ kind: 'resub', user: coolUser, tier: 1, months: 15, streakMonths: 1, durationMonths: 6 });
    expect(event.kind === 'resub' && event.message.parts).toEqual([
      { type: 'text', text: 'Love the stream! ' },
      expect.objectContaining({ type: 'emote', id: '302976485', code: 'FevziGG', url: 'https://static-cdn.jtvnw.net/emoticons/v2/302976485/default/dark/1.0' }),
    ]);
  });

  test('hype train v2: level, progress, goal, contributors, expiry; the end has none of the progress fields', () => {
    expect(normalized('channel.hype_train.begin')).toMatchObject({
      kind: 'hype-train', phase: 'begin', trainType: 'golden_kappa', level: 2, total: 137, progress: 137, goal: 500,
      topContributions: [{ user: { id: '123', login: 'pogchamp', name: 'PogChamp' }, type: 'bits', total: 50 }, { type: 'subscription', total: 45 }],
      expiresAt: Date.parse('2020-07-15T17:16:11.171Z'),
    });
    expect(normalized('channel.hype_train.end')).toMatchObject({ phase: 'end', trainType: 'treasure', progress: 0, goal: 0, expiresAt: null });
  });

  test('polls and predictions', () => {
    expect(normalized('channel.poll.begin')).toMatchObject({ kind: 'poll', phase: 'begin', title: 'Aren’t shoes just really hard socks?', choices: [{ id: '123', title: 'Yeah!', votes: 0 }, {}, {}], status: '' });
    expect(normalized('channel.poll.end')).toMatchObject({ phase: 'end', status: 'completed', choices: [{ votes: 120 }, { votes: 140 }, { votes: 80 }] });
    expect(normalized('channel.prediction.begin')).toMatchObject({ kind: 'prediction', phase: 'begin', outcomes: [{ title: 'Yeah!', color: 'blue', users: 0 }, { color: 'pink' }], locksAt: Date.parse('2020-07-15T17:21:03.171Z') });
    expect(normalized('channel.prediction.end')).toMatchObject({ phase: 'end', status: 'resolved', winningOutcomeId: '12345', outcomes: [{ users: 2, channelPoints: 15000 }, {}], locksAt: null });
  });

  test('custom and automatic redemptions', () => {
    expect(normalized('channel.channel_points_custom_reward_redemption.add')).toMatchObject({
      kind: 'redemption', automatic: false,
      redemption: { id: '17fa2df1-ad76-4804-bfa5-a40ef63efe63', userName: 'Cool_User', rewardTitle: 'title', rewardCost: 100, userInput: 'pogchamp', status: 'unfulfilled' },
    });
    const automatic = normalized('channel.channel_points_automatic_reward_redemption.add');
    expect(automatic).toMatchObject({ kind: 'redemption', automatic: true, redemption: { rewardId: 'send_highlighted_message', rewardTitle: 'Highlight My Message', rewardCost: 100, userInput: 'Hello world! VoHiYo' } });
    expect(automatic.kind === 'redemption' && automatic.message.parts.map((p) => p.type)).toEqual(['text', 'emote']);
  });

  test('Power-ups and anonymous cheers', () => {
    expect(normalized('channel.bits.use', { type: 'power_up', bits: 50, message: null, power_up: { type: 'gigantify_an_emote', emote: { id: '1', name: 'Kappa' }, message_effect_id: null } })).toMatchObject({ via: 'power_up', powerUp: 'gigantify_an_emote', bits: 50, message: { text: '' } });
    expect(normalized('channel.cheer', { is_anonymous: true, user_id: null, user_login: null, user_name: null, message: 'Cheer100 well played Cheer100' })).toMatchObject({ user: null, message: { text: 'well played' } });
  });
});

describe('bad input is skipped with a reason', () => {
  test.each([
    ['an unknown type', 'channel.unknown_thing', {}, undefined, /no reader for channel.unknown_thing version 1/],
    ['an unknown version', 'channel.follow', REFERENCE_EVENTS['channel.follow'], '1', /no reader for channel.follow version 1/],
    ['a v1 hype train', 'channel.hype_train.begin', REFERENCE_EVENTS['channel.hype_train.begin'], '1', /version 1/],
    ['a missing user', 'channel.follow', { followed_at: '2020-07-15T18:16:11Z' }, undefined, /user_login is missing/],
    ['negative bits', 'channel.cheer', { ...REFERENCE_EVENTS['channel.cheer'], bits: -100 }, undefined, /bits = -100 is outside/],
    ['fractional bits', 'channel.bits.use', { ...REFERENCE_EVENTS['channel.bits.use'], bits: 1.5 }, undefined, /bits is not a whole number/],
    ['10^12 viewers', 'channel.raid', { ...REFERENCE_EVENTS['channel.raid'], viewers: 1e12 }, undefined, /viewers = 1000000000000 is outside/],
    ['bits as a string', 'channel.cheer', { ...REFERENCE_EVENTS['channel.cheer'], bits: '100' }, undefined, /bits is not a whole number/],
    ['an unknown tier', 'channel.subscribe', { ...REFERENCE_EVENTS['channel.subscribe'], tier: 'prime' }, undefined, /tier "prime"/],
    ['a gift of 0', 'channel.subscription.gift', { ...REFERENCE_EVENTS['channel.subscription.gift'], total: 0 }, undefined, /total = 0/],
    ['choices that are not a list', 'channel.poll.begin', { ...REFERENCE_EVENTS['channel.poll.begin'], choices: 'x' }, undefined, /choices is not a list/],
    ['a bad time', 'channel.hype_train.begin', { ...REFERENCE_EVENTS['channel.hype_train.begin'], expires_at: 'soon' }, undefined, /expires_at is not a time/],
    ['a made-up currency', 'channel.charity_campaign.donate', { ...REFERENCE_EVENTS['channel.charity_campaign.donate'], amount: { value: 100, decimal_places: 2, currency: 'dollars' } }, undefined, /currency "dollars"/],
    ['an event that is not an object', 'channel.follow', null, undefined, /event is not an object/],
    ['a stream online with no start', 'stream.online', { ...REFERENCE_EVENTS['stream.online'], started_at: null }, undefined, /started_at is missing/],
    ['a stream offline of no broadcaster', 'stream.offline', {}, undefined, /broadcaster_user_id is missing/],
  ])('%s', (_name, type, event, version, reason) => {
    expect(skipped(type, event as Record<string, unknown>, version)).toMatch(reason);
  });
});

describe('duplicates Twitch reports twice', () => {
  const cheer = normalized('channel.cheer');
  const giftedSub = normalized('channel.subscribe', { is_gift: true });
  test('channel.cheer is dropped while channel.bits.use is subscribed, kept otherwise', () => {
    expect(duplicateOf('channel.cheer', cheer, new Set(['channel.cheer', 'channel.bits.use']))).toMatch(/also reported by channel.bits.use/);
    expect(duplicateOf('channel.bits.use', normalized('channel.bits.use'), new Set(['channel.cheer', 'channel.bits.use']))).toBeNull();
    expect(duplicateOf('channel.cheer', cheer, new Set(['channel.cheer']))).toBeNull();
  });
  test('a gifted sub folds into the gift event while that type is subscribed; a sub of one’s own never does', () => {
    expect(duplicateOf('channel.subscribe', giftedSub, new Set(['channel.subscribe', 'channel.subscription.gift']))).toMatch(/counted in its channel.subscription.gift/);
    expect(duplicateOf('channel.subscribe', giftedSub, new Set(['channel.subscribe']))).toBeNull();
    expect(duplicateOf('channel.subscribe', normalized('channel.subscribe'), new Set(['channel.subscribe', 'channel.subscription.gift']))).toBeNull();
  });
});
