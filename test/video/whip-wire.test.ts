import { describe, expect, test } from 'vitest';
import { iceServersFromLink } from '../../src/video/link-header.js';
import { trickleFragment } from '../../src/video/sdp-frag.js';
import { retryAfterMs } from '../../src/video/whip-http.js';
import { audioPreferences, videoPreferences } from '../../src/video/codecs.js';

describe('Link: ice-server headers (RFC 9725 §4.6)', () => {
  test('STUN and TURN with credentials, several headers joined by commas, commas inside quotes', () => {
    const header =
      '<stun:stun.example.net>; rel="ice-server", <turn:turn.example.net?transport=udp>; rel="ice-server"; username="user"; credential="my, \\"pass\\""; credential-type="password", <https://example.net/doc>; rel="help"';
    expect(iceServersFromLink(header)).toEqual([
      { urls: 'stun:stun.example.net' },
      { urls: 'turn:turn.example.net?transport=udp', username: 'user', credential: 'my, "pass"' },
    ]);
  });

  test('absent or unreadable: none', () => {
    expect(iceServersFromLink(null)).toEqual([]);
    expect(iceServersFromLink('garbage; rel=ice-server')).toEqual([]);
  });
});

test('Retry-After in seconds or as an HTTP date', () => {
  expect(retryAfterMs('7')).toBe(7000);
  expect(retryAfterMs(new Date(Date.now() + 60_000).toUTCString())).toBeGreaterThan(55_000);
  expect(retryAfterMs('soon')).toBeUndefined();
  expect(retryAfterMs(null)).toBeUndefined();
});

test('a trickle PATCH body: credentials, first mid, candidates, end marker (RFC 8840)', async () => {
  const pc = new RTCPeerConnection();
  pc.addTransceiver('video', { direction: 'sendonly' });
  const offer = (await pc.createOffer()).sdp!;
  pc.close();
  const candidate = 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host';
  const lines = trickleFragment(offer, [candidate], true).trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^a=ice-ufrag:\S+$/);
  expect(lines[1]).toMatch(/^a=ice-pwd:\S+$/);
  expect(lines[2]).toBe('m=video 9 UDP/TLS/RTP/SAVPF 0');
  expect(lines.slice(3)).toEqual(['a=mid:0', `a=${candidate}`, 'a=end-of-candidates']);
});

describe('codec preferences from this browser’s capabilities', () => {
  const video = RTCRtpSender.getCapabilities('video')!.codecs;
  test('H.264: only H.264, Constrained Baseline 42e01f with packetization-mode 1 first', () => {
    const preferred = videoPreferences(video, 'h264');
    expect(preferred.length).toBeGreaterThan(0);
    expect(preferred.every((c) => c.mimeType === 'video/H264')).toBe(true);
    expect(preferred[0]!.sdpFmtpLine).toMatch(/packetization-mode=1/);
    expect(preferred[0]!.sdpFmtpLine).toMatch(/profile-level-id=42e01f/);
  });

  test.each(['vp8', 'vp9', 'av1'] as const)('%s: only that codec', (codec) => {
    const preferred = videoPreferences(video, codec);
    expect(preferred.length).toBeGreaterThan(0);
    expect(new Set(preferred.map((c) => c.mimeType.toLowerCase()))).toEqual(new Set([`video/${codec}`]));
  });

  test('audio: Opus only', () => {
    expect(audioPreferences(RTCRtpSender.getCapabilities('audio')!.codecs).map((c) => c.mimeType)).toEqual(['audio/opus']);
  });
});
