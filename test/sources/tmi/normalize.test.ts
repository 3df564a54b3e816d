import { describe, expect, test } from 'vitest';
import { parseIrcLine } from '../../../src/sources/tmi/irc-message.js';
import { normalizeIrc } from '../../../src/sources/tmi/normalize.js';
import { noticeText } from '../../../src/components/chat/notice-text.js';
import type { ChatMessage, ChatNotice } from '../../../src/sources/tmi/chat-events.js';

const parse = (line: string) => normalizeIrc(parseIrcLine(line)!);
const notice = (msgId: string, params: string, systemMsg = '') =>
  parse(`@badge-info=;badges=;color=;display-name=Some\\sOne;emotes=;id=n1;login=someone;msg-id=${msgId};${params}room-id=1;system-msg=${systemMsg};tmi-sent-ts=5;user-id=9 :tmi.twitch.tv USERNOTICE #chan`) as ChatNotice;

// USERNOTICE kinds the peer corpus does not carry (twitch-protocols.md §1.6).
describe('USERNOTICE kinds beyond the corpus', () => {
  test.each([
    ['unraid', '', { kind: 'unraid' }],
    ['viewermilestone', 'msg-param-category=watch-streak;msg-param-value=7;', { kind: 'viewermilestone', category: 'watch-streak', value: 7 }],
    ['sub', 'msg-param-cumulative-months=1;msg-param-multimonth-duration=3;msg-param-sub-plan=2000;', { kind: 'sub', plan: '2000', multiMonth: 3, streakMonths: null }],
    ['anonsubgift', 'msg-param-months=1;msg-param-recipient-display-name=Lucky;msg-param-recipient-id=77;msg-param-recipient-user-name=lucky;msg-param-sub-plan=1000;', {
      kind: 'subgift',
      anonymous: true,
      recipient: { id: '77', login: 'lucky', displayName: 'Lucky' },
    }],
    ['brand-new-kind', '', { kind: 'other', msgId: 'brand-new-kind' }],
  ])('%s', (msgId, params, details) => {
    const event = notice(msgId, params);
    expect(event.type).toBe('notice');
    expect(event.msgId).toBe(msgId);
    expect(event.details).toMatchObject(details);
    expect(event.user?.displayName).toBe('Some One');
  });

  test('an unknown kind falls back to system-msg, or to its own name when there is none', () => {
    expect(noticeText(notice('brand-new-kind', '', 'Something\\shappened!'))).toBe('Something happened!');
    expect(noticeText(notice('brand-new-kind', ''))).toBe('brand new kind');
  });
});

describe('PRIVMSG details', () => {
  test('an empty display-name falls back to the login; an empty colour is no colour', () => {
    const m = parse('@badges=;color=;display-name=;emotes=;id=m1;room-id=1;tmi-sent-ts=1;user-id=2 :quiet!quiet@quiet.tmi.twitch.tv PRIVMSG #chan :hi') as ChatMessage;
    expect(m.user).toEqual({ id: '2', login: 'quiet', displayName: 'quiet', color: null });
  });

  test('/me with emotes: indices count from the text inside the ACTION wrapper', () => {
    const m = parse('@emotes=25:6-10;id=m2;room-id=1 :a!a@a.tmi.twitch.tv PRIVMSG #chan :\u0001ACTION waves Kappa\u0001') as ChatMessage;
    expect(m.isAction).toBe(true);
    expect(m.text).toBe('waves Kappa');
    expect(m.parts.map((p) => (p.type === 'emote' ? `[${p.code}]` : p.type === 'text' ? p.text : ''))).toEqual(['waves ', '[Kappa]']);
  });

  test('numeric tags stay numbers: a 1-month resub is 1, not true', () => {
    const n = notice('resub', 'msg-param-cumulative-months=1;msg-param-should-share-streak=1;msg-param-streak-months=0;msg-param-sub-plan=Prime;');
    expect(n.details).toMatchObject({ kind: 'resub', cumulativeMonths: 1, streakMonths: 0 });
  });

  // Real Shared Chat lines (the corpus's, and the same with `source-badges` as Twitch sends them since).
  const NERIXYZ =
    '@tmi-sent-ts=1728311235904;subscriber=1;id=5b6f9721-80fd-4036-951e-1ced9c591b32;room-id=11148817;user-id=129546453;display-name=nerixyz;source-badge-info=;source-room-id=141981764;source-id=d7be8e12-187c-4f96-9d96-d87a17aa9ce9;badges=subscriber/24;badge-info=subscriber/27;color=#FF0000;flags=;user-type=;emotes=25:0-4 :nerixyz!nerixyz@nerixyz.tmi.twitch.tv PRIVMSG #pajlada :Kappa hi';
  test.each([
    ['from another channel, no source-badges', NERIXYZ, { sourceChannelId: '141981764', sourceMessageId: 'd7be8e12-187c-4f96-9d96-d87a17aa9ce9', sourceBadges: null }],
    [
      'from another channel, with its badges there',
      NERIXYZ.replace('source-badge-info=;', 'source-badge-info=subscriber/3;source-badges=moderator/1,subscriber/3;'),
      { sourceChannelId: '141981764', sourceBadges: [{ set: 'moderator', version: '1' }, { set: 'subscriber', version: '3' }], badges: [{ set: 'subscriber', version: '24' }] },
    ],
    [
      "the origin channel's own copy",
      NERIXYZ.replace('room-id=11148817', 'room-id=141981764').replace('id=5b6f9721-80fd-4036-951e-1ced9c591b32', 'id=d7be8e12-187c-4f96-9d96-d87a17aa9ce9'),
      { sourceChannelId: null, sourceMessageId: 'd7be8e12-187c-4f96-9d96-d87a17aa9ce9', sourceBadges: null },
    ],
    ['outside a session', '@id=m5;room-id=1 :a!a@a.tmi.twitch.tv PRIVMSG #chan :hi', { sourceChannelId: null, sourceMessageId: null, sourceBadges: null }],
  ])('Shared Chat message: %s', (_name, line, expected) => {
    expect(parse(line)).toMatchObject({ type: 'message', ...expected });
  });

  test('a Shared Chat notice from another channel reads as its kind there (`source-msg-id`)', () => {
    const n = notice(
      'sharedchatnotice',
      'msg-param-cumulative-months=5;msg-param-sub-plan=1000;source-id=s1;source-msg-id=resub;source-room-id=2;',
      'Some\\sOne\\ssubscribed\\sat\\sTier\\s1.',
    );
    expect([n.msgId, n.details.kind, n.sourceChannelId, n.sourceMessageId]).toEqual(['resub', 'resub', '2', 's1']);
    expect(notice('resub', 'msg-param-cumulative-months=5;msg-param-sub-plan=1000;').sourceChannelId).toBeNull();
  });

  test('Shared Chat messages name the channel they came from', () => {
    const m = parse('@id=m3;room-id=1;source-room-id=2;source-id=x :a!a@a.tmi.twitch.tv PRIVMSG #chan :hi') as ChatMessage;
    expect(m.sourceChannelId).toBe('2');
    const local = parse('@id=m4;room-id=1;source-room-id=1 :a!a@a.tmi.twitch.tv PRIVMSG #chan :hi') as ChatMessage;
    expect(local.sourceChannelId).toBeNull();
  });

  test('whispers and legacy host notices are not chat', () => {
    expect(parse('@color=#FFFFFF;display-name=A;emotes= :a!a@a.tmi.twitch.tv WHISPER me :psst')).toBeNull();
    expect(parse(':jtv!~jtv@jtv.tmi.twitch.tv PRIVMSG #chan :Someone is now hosting you.')).toBeNull();
  });
});
