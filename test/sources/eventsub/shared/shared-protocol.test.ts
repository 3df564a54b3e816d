import { describe, expect, test } from 'vitest';
import { SourceError } from '../../../../src/core/errors.js';
import { PROTOCOL_VERSION, fromErrorWire, readSharedMessage, sharedNames, toStatusWire } from '../../../../src/sources/eventsub/shared/shared-protocol.js';
import { subscriptionKey } from '../../../../src/sources/eventsub/shared/subscription-key.js';

const notification = { type: 'channel.follow', version: '2', messageId: 'm1', timestamp: 1, subscriptionId: 's1', event: { user_name: 'Fan' } };

describe('shared EventSub channel protocol', () => {
  test.each([
    { v: PROTOCOL_VERSION, kind: 'need', page: 'p1', subscriptions: [{ type: 'channel.follow', version: '2', condition: { broadcaster_user_id: '1', moderator_user_id: '1' } }] },
    { v: PROTOCOL_VERSION, kind: 'owner', page: 'p1' },
    { v: PROTOCOL_VERSION, kind: 'status', status: { state: 'reconnecting', attempt: 2, retryInMs: 500, error: { code: 'network', message: 'lost', retryable: true } }, session: '', live: [], refused: [], preferred: false },
    { v: PROTOCOL_VERSION, kind: 'status', status: { state: 'connected', attempt: 0 }, session: 's1', live: ['k1'], refused: [{ key: 'k2', type: 'channel.cheer', version: '1', reason: 'unauthorized', message: 'Missing scope' }], preferred: true },
    { v: PROTOCOL_VERSION, kind: 'notification', notification, session: 's1' },
    { v: PROTOCOL_VERSION, kind: 'revocation', revocation: { type: 'channel.follow', version: '2', condition: { broadcaster_user_id: '1', moderator_user_id: '1' }, status: 'version_removed' } },
    { v: PROTOCOL_VERSION, kind: 'error', error: { code: 'auth', message: 'Missing scope', retryable: false } },
  ])('reads a well-formed "$kind" message', (message) => {
    expect(readSharedMessage(message)).toEqual(message);
  });

  test.each([
    ['a string', 'hello', 'not an object'],
    ['null', null, 'not an object'],
    ['an array', [1], 'not an object'],
    ['another version', { v: 1, kind: 'owner', page: 'p' }, `protocol version 1, expected ${PROTOCOL_VERSION}`],
    ['no version', { kind: 'owner', page: 'p' }, `protocol version undefined, expected ${PROTOCOL_VERSION}`],
    ['an unknown kind', { v: PROTOCOL_VERSION, kind: 'toString', page: 'p' }, 'unknown kind "toString"'],
    ['a need with a non-string condition', { v: PROTOCOL_VERSION, kind: 'need', page: 'p', subscriptions: [{ type: 't', version: '1', condition: { id: 5 } }] }, 'malformed "need" message'],
    ['a need beyond what one connection holds', { v: PROTOCOL_VERSION, kind: 'need', page: 'p', subscriptions: Array.from({ length: 301 }, (_, i) => ({ type: `t${i}`, version: '1', condition: {} })) }, 'malformed "need" message'],
    ['a status of an unknown state', { v: PROTOCOL_VERSION, kind: 'status', status: { state: 'hacked', attempt: 0 }, live: [], refused: [] }, 'malformed "status" message'],
    ['a status an owner never sends', { v: PROTOCOL_VERSION, kind: 'status', status: { state: 'stopped', attempt: 0 }, live: [], refused: [] }, 'malformed "status" message'],
    ['a status without live keys', { v: PROTOCOL_VERSION, kind: 'status', status: { state: 'connected', attempt: 0 }, session: 's', refused: [] }, 'malformed "status" message'],
    ['a status without a session', { v: PROTOCOL_VERSION, kind: 'status', status: { state: 'connected', attempt: 0 }, live: [], refused: [] }, 'malformed "status" message'],
    ['a status with a refusal of an unknown reason', { v: PROTOCOL_VERSION, kind: 'status', status: { state: 'connected', attempt: 0 }, live: [], refused: [{ key: 'k', type: 't', version: '1', reason: 'bored', message: '' }] }, 'malformed "status" message'],
    ['a notification without an event', { v: PROTOCOL_VERSION, kind: 'notification', notification: { ...notification, event: 'x' }, session: 's1' }, 'malformed "notification" message'],
    ['a notification without the session that delivered it', { v: PROTOCOL_VERSION, kind: 'notification', notification }, 'malformed "notification" message'],
    ['a notification without its send time', { v: PROTOCOL_VERSION, kind: 'notification', notification: { ...notification, timestamp: 'now' }, session: 's1' }, 'malformed "notification" message'],
    ['a revocation without the condition of what it ended', { v: PROTOCOL_VERSION, kind: 'revocation', revocation: { type: 't', version: '1', status: 'user_removed' } }, 'malformed "revocation" message'],
    ['an error of an unknown code', { v: PROTOCOL_VERSION, kind: 'error', error: { code: 'teapot', message: 'x', retryable: true } }, 'malformed "error" message'],
  ])('refuses %s, saying why', (_name, data, why) => {
    expect(readSharedMessage(data)).toBe(why);
  });

  test('lock and channel names carry the protocol version and the user id', () => {
    const name = `ovl:eventsub:v${PROTOCOL_VERSION}:141981764`;
    expect(sharedNames('141981764')).toEqual({ lock: name, channel: name, election: `${name}:election` });
    expect(sharedNames('1').channel).not.toBe(sharedNames('2').channel);
  });

  test('a status and its error cross the channel as plain data and come back as a SourceError', () => {
    const error = new SourceError('auth', 'token expired', { cause: new Error('401') });
    const wire = toStatusWire({ state: 'error', attempt: 0, error, since: 5 });
    expect(wire).toEqual({ state: 'error', attempt: 0, error: { code: 'auth', message: 'token expired', retryable: false } });
    expect(structuredClone(wire)).toEqual(wire);
    const back = fromErrorWire(wire.error!);
    expect(back).toBeInstanceOf(SourceError);
    expect([back.code, back.message, back.retryable]).toEqual(['auth', 'token expired', false]);
  });
});

describe('subscriptionKey', () => {
  test('is the same for the same subscription whatever the order of its condition fields', () => {
    const a = subscriptionKey({ type: 'channel.follow', version: '2', condition: { broadcaster_user_id: '1', moderator_user_id: '2' } });
    const b = subscriptionKey({ type: 'channel.follow', version: '2', condition: { moderator_user_id: '2', broadcaster_user_id: '1' } });
    expect(a).toBe(b);
  });

  test('leaves out the empty fields Twitch reports for a condition it was not given', () => {
    const asked = subscriptionKey({ type: 'channel.raid', version: '1', condition: { to_broadcaster_user_id: '1' } });
    expect(subscriptionKey({ type: 'channel.raid', version: '1', condition: { from_broadcaster_user_id: '', to_broadcaster_user_id: '1' } })).toBe(asked);
  });

  test.each([
    ['type', { type: 'channel.cheer', version: '2', condition: { broadcaster_user_id: '1', moderator_user_id: '2' } }],
    ['version', { type: 'channel.follow', version: '1', condition: { broadcaster_user_id: '1', moderator_user_id: '2' } }],
    ['condition', { type: 'channel.follow', version: '2', condition: { broadcaster_user_id: '1', moderator_user_id: '3' } }],
    ['condition field', { type: 'channel.follow', version: '2', condition: { broadcaster_user_id: '1', user_id: '2' } }],
  ])('differs when the %s differs', (_what, other) => {
    expect(subscriptionKey(other)).not.toBe(subscriptionKey({ type: 'channel.follow', version: '2', condition: { broadcaster_user_id: '1', moderator_user_id: '2' } }));
  });
});
