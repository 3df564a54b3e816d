import { describe, expect, test } from 'vitest';
import { iceServersFromLink } from '../../src/video/link-header.js';
import { trickleFragment } from '../../src/video/sdp-frag.js';
import { retryAfterMs } from '../../src/video/whip-http.js';
import { audioPreferences, videoPreferences } from '../../src/video/codecs.js';
import { h264LevelFor, h264LevelProblem, withH264Level } from '../../src/video/h264-level.js';
import { answerRefusal } from '../../src/video/answer-check.js';
import { withStartBitrate } from '../../src/video/start-bitrate.js';

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

describe('H.264 level for a size and rate (Table A-1)', () => {
  test.each([
    [320, 180, 30, 6_000_000, '3.1'],
    [1280, 720, 30, 6_000_000, '3.1'],
    [1280, 720, 60, 6_000_000, '3.2'],
    [1920, 1080, 30, 6_000_000, '4.0'],
    [1920, 1080, 30, 30_000_000, '4.1'],
    [1920, 1080, 60, 6_000_000, '4.2'],
    [2560, 1440, 30, 6_000_000, '5.0'],
    [3840, 2160, 30, 6_000_000, '5.1'],
    [3840, 2160, 60, 6_000_000, '5.2'],
    // Thin frames: each side is limited too (√(8 × MaxFS) macroblocks).
    [3840, 90, 30, 6_000_000, '4.0'],
  ])('%i×%i at %i fps, %i bit/s: %s', (width, height, fps, bitrate, level) => {
    expect(h264LevelFor(width, height, fps, bitrate)?.name).toBe(level);
    expect(h264LevelProblem(width, height, fps, bitrate)).toBeNull();
  });

  test('beyond 5.2: no level, and a reason', () => {
    expect(h264LevelFor(4096, 2304, 60)).toBeNull();
    expect(h264LevelProblem(4096, 2304, 60)).toMatch(/^H\.264 cannot carry 4096×2304 at 60 fps: .*5\.2 \(2,073,600 macroblocks/);
    expect(h264LevelProblem(1280, 720, 30, 400_000_000)).toMatch(/and 400000 kbit\/s/);
  });

  test('the offer’s profile-level-id gets the level, its profile kept', () => {
    const sdp = 'a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\na=fmtp:127 profile-level-id=4d001f;packetization-mode=1\r\na=fmtp:103 apt=102\r\n';
    expect(withH264Level(sdp, h264LevelFor(1920, 1080, 60)!)).toBe(sdp.replace('42e01f', '42e02a').replace('4d001f', '4d002a'));
  });
});

describe('an answer that cannot carry what we send', () => {
  const section = (kind: string, port: number, direction: string, codecs: [number, string][]) =>
    [`m=${kind} ${port} UDP/TLS/RTP/SAVPF ${codecs.map(([pt]) => pt).join(' ')}`, `a=${direction}`, ...codecs.map(([pt, name]) => `a=rtpmap:${pt} ${name}/90000`)].join('\r\n');
  const sdp = (...sections: string[]) => ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 't=0 0', ...sections].join('\r\n') + '\r\n';
  const offer = sdp(section('video', 9, 'sendonly', [[102, 'H264'], [103, 'rtx'], [104, 'red']]), section('audio', 9, 'sendonly', [[111, 'opus']]));
  const audioOk = section('audio', 9, 'recvonly', [[111, 'opus']]);

  test('a section that takes our codec: fine', () => {
    expect(answerRefusal(offer, sdp(section('video', 9, 'recvonly', [[102, 'H264'], [103, 'rtx']]), audioOk))).toBeNull();
  });

  test('port 0 with a=bundle-only inside the BUNDLE group is accepted (RFC 8843 §7.3); outside the group it rejects', () => {
    const bundleOnly = (group: string) =>
      sdp(`a=group:BUNDLE ${group}`, section('video', 9, 'recvonly', [[102, 'H264']]) + '\r\na=mid:0', section('audio', 0, 'recvonly', [[111, 'opus']]) + '\r\na=mid:1\r\na=bundle-only');
    expect(answerRefusal(offer, bundleOnly('0 1'))).toBeNull();
    expect(answerRefusal(offer, bundleOnly('0'))).toMatchObject({ message: expect.stringContaining('rejected our Opus audio') });
  });

  test.each([
    ['rejected (port 0)', sdp(section('video', 0, 'inactive', [[96, 'VP8']]), audioOk), 'The WHIP server rejected our H.264 video; it offered VP8 instead. Choose a video codec this server takes.'],
    ['disabled (a=inactive)', sdp(section('video', 9, 'inactive', [[102, 'H264']]), audioOk), 'The WHIP server disabled our H.264 video; it named no codec it takes. Choose a video codec this server takes.'],
    ['no common codec', sdp(section('video', 9, 'recvonly', [[96, 'VP9'], [97, 'rtx']]), audioOk), 'The WHIP server could not take our H.264 video; it offered VP9 instead. Choose a video codec this server takes.'],
    ['no codec at all', sdp(section('video', 0, 'inactive', []), audioOk), 'The WHIP server rejected our H.264 video; it named no codec it takes. Choose a video codec this server takes.'],
    ['the audio rejected', sdp(section('video', 9, 'recvonly', [[102, 'H264']]), section('audio', 0, 'inactive', [[111, 'opus']])), 'The WHIP server rejected our Opus audio; it named no codec it takes. This server does not take the audio this publisher sends (Opus); use another server.'],
    ['the audio section missing', sdp(section('video', 9, 'recvonly', [[102, 'H264']])), 'The WHIP server rejected our Opus audio; it named no codec it takes. This server does not take the audio this publisher sends (Opus); use another server.'],
  ])('%s: a config error naming both sides', (_name, answer, message) => {
    expect(answerRefusal(offer, answer)).toMatchObject({ code: 'config', retryable: false, message });
  });
});

test('the start bitrate goes on every video codec, not on helpers or audio', () => {
  const answer = [
    'v=0',
    'm=video 9 UDP/TLS/RTP/SAVPF 102 103 96',
    'a=rtpmap:102 H264/90000',
    'a=fmtp:102 packetization-mode=1;profile-level-id=42e01f',
    'a=rtpmap:103 rtx/90000',
    'a=fmtp:103 apt=102',
    'a=rtpmap:96 VP8/90000',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'a=rtpmap:111 opus/48000/2',
    'a=fmtp:111 minptime=10',
    'm=video 0 UDP/TLS/RTP/SAVPF 97',
    'a=rtpmap:97 VP9/90000',
    '',
  ].join('\r\n');
  expect(withStartBitrate(answer, 2_500_000)).toBe(
    answer
      .replace('profile-level-id=42e01f', 'profile-level-id=42e01f;x-google-start-bitrate=2500')
      .replace('a=rtpmap:96 VP8/90000', 'a=rtpmap:96 VP8/90000\r\na=fmtp:96 x-google-start-bitrate=2500')
      .replace('a=rtpmap:97 VP9/90000', 'a=rtpmap:97 VP9/90000\r\na=fmtp:97 x-google-start-bitrate=2500'),
  );
});
