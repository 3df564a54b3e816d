import { describe, expect, test } from 'vitest';
import { CONTROL_CHANNEL, readControlMessage, sameBroadcaster, type ControlMessage } from '../../../src/sources/control/control-protocol.js';
import { isStreamEvent } from '../../../src/sources/control/stream-event-check.js';
import { ControlChannel } from '../../../src/sources/control/control-channel.js';
import { sampleEvent } from '../../../src/simulator/sample-event.js';
import { seededRandom } from '../../../src/simulator/random.js';
import { ALERT_KINDS, STREAM_STATE_KINDS } from '../../../src/domain/stream-event.js';

const channel = { id: '141981764', login: 'teststreamer' };
const message = (body: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ v: 1, channel, ...body, ...extra });
const presence = { kind: 'presence', page: 'p1', overlay: 'alerts', title: 'Alerts overlay', sources: [{ name: 'events', state: 'reconnecting', awaySince: 1_800_000_000_000 }, { name: 'token', state: 'connected', warning: 'The token expires in 2 days' }], eventsub: 'owner', tokenExpiresAt: 1_900_000_000_000, alerts: { waiting: 2, paused: true, muted: false } };

describe('the control protocol', () => {
  test('every stream event the normaliser makes passes the event check, kind by kind', () => {
    const random = seededRandom(7);
    for (const kind of ALERT_KINDS) expect(isStreamEvent(sampleEvent(kind, random)), kind).toBe(true);
    // The stream's start and end are no alert: no Replay or Test carries them.
    for (const kind of STREAM_STATE_KINDS) expect(isStreamEvent(sampleEvent(kind, random)), kind).toBe(false);
  });

  test('reads each command and the presence report', () => {
    const event = sampleEvent('raid');
    const bodies = [
      { kind: 'replay', event },
      { kind: 'test', event: sampleEvent('cheer') },
      { kind: 'alert-state', paused: true, muted: false },
      { kind: 'skip' },
      { kind: 'clear-queue' },
      { kind: 'hide', hidden: true },
      { kind: 'chat-remove', messageId: 'abc-123' },
      { kind: 'chat-hide-user', userId: '90001', login: 'pixelpanda' },
      { kind: 'ping' },
      presence,
      { ...presence, eventsub: null, alerts: undefined, chat: { hideBots: ['nightbot'], hideCommands: true, hideNotices: false } },
    ];
    for (const body of bodies) expect(readControlMessage(message(body)), body.kind).toEqual(message(body));
  });

  test('refuses another version, an unknown kind, a missing broadcaster and malformed messages, saying why', () => {
    expect(readControlMessage(null)).toBe('not an object');
    expect(readControlMessage(['skip'])).toBe('not an object');
    expect(readControlMessage({ ...message({ kind: 'skip' }), v: 2 })).toBe('protocol version 2, expected 1');
    expect(readControlMessage({ kind: 'skip', channel })).toBe('protocol version undefined, expected 1');
    expect(readControlMessage({ v: 1, kind: 'skip' })).toBe('no broadcaster');
    expect(readControlMessage({ v: 1, kind: 'skip', channel: {} })).toBe('no broadcaster');
    expect(readControlMessage({ v: 1, kind: 'skip', channel: { id: 5 } })).toBe('no broadcaster');
    expect(readControlMessage(message({ kind: 'explode' }))).toBe('unknown kind "explode"');
    expect(readControlMessage(message({ kind: 'toString' }))).toBe('unknown kind "toString"');
    const malformed = [
      { kind: 'alert-state', paused: 'yes', muted: false },
      { kind: 'alert-state', paused: true },
      { kind: 'hide' },
      { kind: 'chat-remove', messageId: '' },
      { kind: 'chat-hide-user', userId: '', login: '' },
      { kind: 'replay' },
      { kind: 'replay', event: { kind: 'raid', id: 'x', at: 1 } },
      { ...presence, sources: 'connected' },
      { ...presence, sources: [{ name: 'events', state: 'on fire' }] },
      { ...presence, eventsub: 'king' },
      { ...presence, alerts: { waiting: -1, paused: false, muted: false } },
      { ...presence, tokenExpiresAt: 'soon' },
      { ...presence, sources: [{ name: 'events', state: 'reconnecting', awaySince: 'a while' }] },
      { ...presence, sources: [{ name: 'events', state: 'connected', warning: 42 }] },
      { ...presence, sources: Array.from({ length: 33 }, () => ({ name: 'x', state: 'idle' })) },
    ];
    for (const body of malformed) expect(readControlMessage(message(body)), JSON.stringify(body)).toBe(`malformed "${body.kind}" message`);
  });

  test('an event that would reach a style or an image request unchecked is refused', () => {
    const redemption = sampleEvent('redemption');
    const cheer = sampleEvent('cheer');
    const forged = [
      { ...redemption, redemption: { ...redemption.redemption, backgroundColor: '#00C7AC;background-image:url(https://evil.example/x)' } },
      { ...redemption, redemption: { ...redemption.redemption, image: { url1x: 'javascript:alert(1)', url2x: 'https://a/2', url4x: 'https://a/4' } } },
      { ...cheer, message: { text: 'x', parts: [{ type: 'emote', provider: 'twitch', id: '1', code: 'Kappa', url: 'https://ok.example/1.0', srcset: 'https://ok.example/1.0 1x, data:x 2x' }] } },
      { ...cheer, message: { text: 'x', parts: [{ type: 'emote', provider: 'twitch', id: '1', code: 'Kappa', url: 'data:image/png;base64,AAAA' }] } },
      { ...cheer, message: { text: 'x', parts: [{ type: 'html', html: '<img src=x onerror=alert(1)>' }] } },
      { ...cheer, bits: Infinity },
      { ...sampleEvent('sub'), tier: 4 },
    ];
    for (const event of forged) expect(readControlMessage(message({ kind: 'replay', event })), JSON.stringify(event).slice(0, 80)).toBe('malformed "replay" message');
    const emote = { type: 'emote', provider: 'twitch', id: '25', code: 'Kappa', url: 'https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/1.0', srcset: 'https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/1.0 1x, https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/2.0 2x' };
    expect(isStreamEvent({ ...cheer, message: { text: 'Kappa', parts: [emote] } })).toBe(true);
  });

  test('a message concerns a page of the same broadcaster: by id when both know it, else by login', () => {
    expect(sameBroadcaster({ id: '1', login: 'a' }, { id: '1', login: 'b' })).toBe(true);
    expect(sameBroadcaster({ id: '1' }, { id: '2', login: 'a' })).toBe(false);
    expect(sameBroadcaster({ login: 'TestStreamer' }, { id: '1', login: 'teststreamer' })).toBe(true);
    expect(sameBroadcaster({ login: 'other' }, { id: '1', login: 'teststreamer' })).toBe(false);
    expect(sameBroadcaster({ id: '1' }, { login: 'teststreamer' })).toBe(false);
    // A page that knows no broadcaster (the studio) takes every message.
    expect(sameBroadcaster({}, { id: '1', login: 'teststreamer' })).toBe(true);
  });

  test('a ControlChannel hears valid messages about its broadcaster only, from the other pages of the origin', async () => {
    const heard: ControlMessage[] = [];
    const page = new ControlChannel({ id: channel.id }, (m) => heard.push(m));
    const dock = new ControlChannel(channel, () => undefined);
    const stranger = new BroadcastChannel(CONTROL_CHANNEL);
    try {
      stranger.postMessage(message({ kind: 'hide', hidden: true }, { v: 2 }));
      stranger.postMessage(message({ kind: 'hide', hidden: 'yes' }));
      stranger.postMessage({ v: 1, channel: { id: '999', login: 'someoneelse' }, kind: 'hide', hidden: true });
      dock.post({ kind: 'skip' });
      await expect.poll(() => heard.length).toBe(1);
      expect(heard).toEqual([{ v: 1, channel, kind: 'skip' }]);
    } finally {
      page.close();
      dock.close();
      stranger.close();
    }
  });
});
