import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { WHIP_RETRY_CEILING_MS, WhipPublisher, type WhipPublisherOptions } from '../../src/video/whip-publisher.js';
import type { PublishStats } from '../../src/video/publish-stats.js';
import { Backoff } from '../../src/core/backoff.js';
import { testStream } from '../helpers/media.js';
import { fake } from '../helpers/fake-servers.js';

const cleanups: (() => void)[] = [];
afterEach(async () => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  await commands.fakeAway('whip', false);
});

let serial = 0;
function publish(mode: string, options: Partial<WhipPublisherOptions> = {}, size: [number, number, number] = [320, 180, 30]) {
  const media = testStream(...size);
  const path = `/whip/${mode}-${++serial}-${Date.now()}`;
  const publisher = new WhipPublisher({
    endpoint: `${fake.whipOrigin}${path}`,
    key: 'test-key',
    stream: media.stream,
    backoff: new Backoff({ initialMs: 100, maxMs: 500, jitter: 0 }),
    disconnectGraceMs: 500,
    statsIntervalMs: 250,
    ...options,
  });
  const warnings: string[] = [];
  const stats: PublishStats[] = [];
  publisher.addEventListener('warning', (e) => warnings.push(e.detail));
  publisher.addEventListener('stats', (e) => stats.push(e.detail));
  cleanups.push(() => publisher.stop(), () => media.stop());
  publisher.start();
  return { publisher, path, warnings, stats, media };
}

const sessionsAt = async (path: string) => (await commands.whipSessions()).filter((s) => s.path === path);
const rtpOf = async (path: string, codec: string) => (await sessionsAt(path)).reduce((sum, s) => sum + (s.rtp[codec] ?? 0), 0);

describe('WhipPublisher against a werift WHIP receiver', () => {
  test('H.264 + Opus by default: media arrives, stats flow, DELETE ends the session', async () => {
    const { publisher, path, stats } = publish('ok');
    await expect.poll(() => publisher.status.state, { timeout: 10_000 }).toBe('connected');
    await expect.poll(() => rtpOf(path, 'video/H264'), { timeout: 10_000 }).toBeGreaterThan(20);
    await expect.poll(() => rtpOf(path, 'audio/opus'), { timeout: 10_000 }).toBeGreaterThan(10);
    expect(await rtpOf(path, 'video/VP8')).toBe(0);
    // The session the publisher holds: on a starved machine a connection that went quiet for its
    // grace (500 ms here) is made anew, the old session deleted (as the next tests show), so it may not be the first.
    const session = (await sessionsAt(path)).find((s) => publisher.sessionUrl === `${fake.whipOrigin}/whip/session/${s.id}`);
    // Gathered before the POST: every candidate was in the offer, so no PATCH at all. (The relative Location is resolved against the endpoint: found above.)
    expect(session).toMatchObject({ token: 'test-key', offerHadCandidates: true, patches: 0, deleted: false });
    await expect.poll(() => stats.at(-1)?.framesSent ?? 0, { timeout: 5000 }).toBeGreaterThan(5);
    expect(stats.at(-1)).toMatchObject({ connectionState: 'connected', videoCodec: 'video/H264' });
    expect(stats.some((s) => s.videoKbps > 0)).toBe(true);

    publisher.stop();
    await expect.poll(async () => (await sessionsAt(path)).every((s) => s.deleted), { timeout: 5000 }).toBe(true);
  });

  test('stop sends DELETE while the connection still carries media, and closes it only after', async () => {
    const { publisher, path } = publish('ok');
    await expect.poll(() => rtpOf(path, 'audio/opus'), { timeout: 10_000 }).toBeGreaterThan(10);
    publisher.stop();
    expect(publisher.status.state).toBe('stopped');
    // The fake answers the DELETE once another packet arrives: only a connection not yet closed sends one.
    await expect.poll(async () => (await sessionsAt(path))[0]?.mediaAtDelete ?? null, { timeout: 5000 }).toBe(true);
  });

  test.each([
    ['h264', 'video/H264'],
    ['vp8', 'video/VP8'],
  ] as const)('%s: the server gets the configured size from the first keyframe, and the stats say what is sent', async (codec, mime) => {
    const { publisher, path, stats, media } = publish('ok', { codec, maxFramerate: 30 }, [1280, 720, 30]);
    await expect.poll(async () => (await sessionsAt(path))[0]?.keyframes.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    const [session] = await sessionsAt(path);
    expect(session!.rtp[mime]).toBeGreaterThan(0);
    expect(session!.keyframes[0]).toMatchObject({ width: 1280, height: 720 });
    expect(media.stream.getVideoTracks()[0]!.contentHint).toBe('detail');
    expect(publisher.peerConnection!.getSenders()[0]!.getParameters().degradationPreference).toBe('maintain-resolution');
    await expect.poll(() => stats.at(-1)?.frameWidth ?? null, { timeout: 5000 }).toBe(1280);
    expect(stats.at(-1)).toMatchObject({ frameHeight: 720 });
    // Chromium reports framesPerSecond only once a second's worth of frames has been encoded,
    // which on a busy machine can come a report after the first frame size.
    await expect.poll(() => stats.at(-1)?.framesPerSecond ?? null, { timeout: 5000 }).toBeGreaterThan(0);
  });

  test('the bandwidth estimate starts at 2.5 Mbit/s (capped by maxBitrate), not Chromium’s 300 kbit/s', async () => {
    const targetBitrate = async (publisher: WhipPublisher) => {
      let target: number | null = null;
      (await publisher.peerConnection?.getStats())?.forEach((report: { type: string; kind?: string; targetBitrate?: number }) => {
        if (report.type === 'outbound-rtp' && report.kind === 'video' && typeof report.targetBitrate === 'number') target = report.targetBitrate;
      });
      return target;
    };
    // The fake receiver sends no congestion feedback, so the estimate stays where it started.
    const fast = publish('ok', {}, [1280, 720, 30]);
    await expect.poll(() => targetBitrate(fast.publisher), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await targetBitrate(fast.publisher)).toBeGreaterThan(2_000_000);
    expect(fast.publisher.peerConnection!.remoteDescription!.sdp).toMatch(/^a=fmtp:\d+ .*packetization-mode=1.*;x-google-start-bitrate=2500$/m);

    const capped = publish('ok', { codec: 'vp8', maxBitrate: 1_000_000 }, [1280, 720, 30]);
    await expect.poll(() => targetBitrate(capped.publisher), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await targetBitrate(capped.publisher)).toBeGreaterThan(600_000);
    expect(capped.publisher.peerConnection!.remoteDescription!.sdp).toMatch(/^a=fmtp:\d+ x-google-start-bitrate=1000$/m);
  });

  test('contentHint "motion" keeps the frame rate instead', async () => {
    const { publisher, media } = publish('ok', { contentHint: 'motion' });
    await expect.poll(() => publisher.status.state, { timeout: 10_000 }).toBe('connected');
    expect(media.stream.getVideoTracks()[0]!.contentHint).toBe('motion');
    expect(publisher.peerConnection!.getSenders()[0]!.getParameters().degradationPreference).toBe('maintain-framerate');
  });

  test('H.264 offers the level the size and rate need, and the encoder follows: 3.1 for 720p30, 3.2 for 720p60, 4.0 for 1080p30, 4.2 for 1080p60', async () => {
    const sent = async (width: number, height: number, fps: number) => {
      const { path, publisher } = publish('ok', { maxFramerate: fps }, [width, height, fps]);
      await expect.poll(async () => (await sessionsAt(path))[0]?.keyframes.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
      publisher.stop();
      const [session] = await sessionsAt(path);
      // Every H.264 variant of the offer (Constrained Baseline first) names the level…
      const offered = new Set([...session!.offer.matchAll(/profile-level-id=[0-9a-f]{4}([0-9a-f]{2})/gi)].map((m) => parseInt(m[1]!, 16)));
      // …and the first keyframe's SPS, as the receiver decodes it, says the same.
      return { offered: [...offered], first: session!.keyframes[0] };
    };
    expect(await sent(1280, 720, 30)).toEqual({ offered: [31], first: { width: 1280, height: 720, level: 31 } });
    expect(await sent(1280, 720, 60)).toEqual({ offered: [32], first: { width: 1280, height: 720, level: 32 } });
    expect(await sent(1920, 1080, 30)).toEqual({ offered: [40], first: { width: 1920, height: 1080, level: 40 } });
    expect(await sent(1920, 1080, 60)).toEqual({ offered: [42], first: { width: 1920, height: 1080, level: 42 } });
  });

  test('a size and rate beyond H.264 level 5.2 is a config error before any POST', async () => {
    const { publisher, path } = publish('ok', { maxFramerate: 60 }, [4096, 2304, 60]);
    expect(publisher.status.state).toBe('error');
    expect(publisher.lastError).toMatchObject({ code: 'config', message: expect.stringMatching(/H\.264 cannot carry 4096×2304 at 60 fps.*level, 5\.2/) });
    expect(await sessionsAt(path)).toEqual([]);
  });

  test('a VP8-only server rejecting our H.264 video: a config error naming both codecs, no retry, the session DELETEd', async () => {
    const { publisher, path } = publish('vp8only');
    await expect.poll(() => publisher.status.state, { timeout: 10_000 }).toBe('error');
    expect(publisher.lastError).toMatchObject({ code: 'config', retryable: false, message: 'The WHIP server rejected our H.264 video; it offered VP8 instead. Choose a video codec this server takes.' });
    await expect.poll(async () => (await sessionsAt(path))[0]?.deleted, { timeout: 5000 }).toBe(true);
    expect(await sessionsAt(path)).toHaveLength(1);
    // The same server takes VP8.
    const vp8 = publish('vp8only', { codec: 'vp8' });
    await expect.poll(() => rtpOf(vp8.path, 'video/VP8'), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  test('a server rejecting only our video by its port: a config error, never an audio-only stream', async () => {
    const { publisher, path } = publish('novideo');
    await expect.poll(() => publisher.status.state, { timeout: 10_000 }).toBe('error');
    expect(publisher.lastError).toMatchObject({ code: 'config', message: expect.stringContaining('rejected our H.264 video') });
    expect(await rtpOf(path, 'audio/opus')).toBe(0);
    expect(await sessionsAt(path)).toHaveLength(1);
  });

  test('an RFC 8843 answer (bundled audio at port 0 with a=bundle-only) is no refusal: media flows', async () => {
    const { publisher, path } = publish('bundleonly');
    await expect.poll(() => rtpOf(path, 'audio/opus'), { timeout: 10_000 }).toBeGreaterThan(10);
    expect(await rtpOf(path, 'video/H264')).toBeGreaterThan(0);
    expect(publisher.status.state).toBe('connected');
  });

  test('a server rejecting our audio: a config error, never a stream without it', async () => {
    const { publisher, path } = publish('noaudio');
    await expect.poll(() => publisher.status.state, { timeout: 10_000 }).toBe('error');
    expect(publisher.lastError).toMatchObject({ code: 'config', message: expect.stringContaining('rejected our Opus audio') });
    expect(await rtpOf(path, 'video/H264')).toBe(0);
    expect(await sessionsAt(path)).toHaveLength(1);
  });

  test('VP8 for servers that take it', async () => {
    const { publisher, path } = publish('ok', { codec: 'vp8' });
    await expect.poll(() => publisher.status.state, { timeout: 10_000 }).toBe('connected');
    await expect.poll(() => rtpOf(path, 'video/VP8'), { timeout: 10_000 }).toBeGreaterThan(20);
    expect(await rtpOf(path, 'video/H264')).toBe(0);
  });

  test('trickle: an offer without candidates, the candidates by PATCH with If-Match', async () => {
    const { publisher, path } = publish('ok', { iceGathering: 'trickle' });
    await expect.poll(() => publisher.status.state, { timeout: 10_000 }).toBe('connected');
    const [session] = await sessionsAt(path);
    expect(session!.offerHadCandidates).toBe(false);
    expect(session!.trickled).toBeGreaterThan(0);
    await expect.poll(() => rtpOf(path, 'video/H264'), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  test('a server without trickle (501) gets one PATCH, then no more, and publishing goes on', async () => {
    const { publisher, path } = publish('notrickle', { iceGathering: 'trickle' });
    await expect.poll(async () => (await sessionsAt(path))[0]?.patches ?? 0, { timeout: 10_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await sessionsAt(path))[0]!.patches).toBe(1);
    expect(publisher.status.state).not.toBe('error');
    expect(publisher.lastError).toBeNull();
  });

  test('stopped while the POST is in flight: the session the server made is DELETEd at once', async () => {
    const { publisher, path } = publish('slow');
    await expect.poll(async () => (await sessionsAt(path)).length, { timeout: 5000 }).toBe(1);
    publisher.stop();
    await expect.poll(async () => (await sessionsAt(path))[0]?.deleted, { timeout: 5000 }).toBe(true);
    expect(publisher.status.state).toBe('stopped');
  });

  test('a 307 is followed; 503 + Retry-After waits and retries', async () => {
    const redirected = publish('redirect');
    await expect.poll(() => redirected.publisher.status.state, { timeout: 10_000 }).toBe('connected');
    expect(redirected.publisher.sessionUrl).toMatch(/\/whip\/session\/s\d+$/);

    const busy = publish('busy');
    await expect.poll(() => busy.publisher.lastError?.message ?? '', { timeout: 5000 }).toMatch(/busy \(503\); it asked us to retry in 1 s/);
    expect(busy.publisher.status).toMatchObject({ state: 'reconnecting', retryInMs: 1000 });
    await expect.poll(() => busy.publisher.status.state, { timeout: 10_000 }).toBe('connected');
  });

  test('refusals stop with the server’s words: 400 body, 401 key; a malformed endpoint stops at once', async () => {
    const bad = publish('bad');
    await expect.poll(() => bad.publisher.status.state, { timeout: 5000 }).toBe('error');
    expect(bad.publisher.lastError).toMatchObject({ code: 'protocol', message: expect.stringContaining('refused the offer (400): Unsupported codec: this ingest takes H.264 and Opus only') });

    const malformed = publish('ok', { endpoint: 'g.webrtc.live-video.net/v2/offer' });
    expect(malformed.publisher.status.state).toBe('error');
    expect(malformed.publisher.lastError).toMatchObject({ code: 'config', message: expect.stringContaining('Not a WHIP endpoint URL') });

    const refused = publish('ok', { key: 'bad-key' });
    await expect.poll(() => refused.publisher.status.state, { timeout: 5000 }).toBe('error');
    expect(refused.publisher.lastError).toMatchObject({ code: 'auth', message: expect.stringContaining('refused the stream key (401: Invalid stream key). Check the key:') });
  });

  test('a 403 that says why is shown as the server said it; a bare or "Unauthorized" 403 is about the key, and says where to get one', async () => {
    const inUse = publish('inuse');
    await expect.poll(() => inUse.publisher.status.state, { timeout: 5000 }).toBe('error');
    expect(inUse.publisher.lastError).toMatchObject({ code: 'auth', message: 'The WHIP endpoint refused to publish (403): Endpoint already in use' });
    expect(inUse.publisher.lastError!.message).not.toMatch(/key/i);

    const bare = publish('forbidden');
    await expect.poll(() => bare.publisher.status.state, { timeout: 5000 }).toBe('error');
    expect(bare.publisher.lastError!.message).toBe("The ingest server refused the stream key (403). Check the key: copy it again from Twitch's Creator Dashboard → Settings → Stream → Primary Stream key (or from your ingest service's settings).");

    const janus = publish('unauthorized');
    await expect.poll(() => janus.publisher.status.state, { timeout: 5000 }).toBe('error');
    expect(janus.publisher.lastError).toMatchObject({ code: 'auth', message: expect.stringMatching(/^The ingest server refused the stream key \(403: Unauthorized\)\. Check the key: .*Creator Dashboard → Settings → Stream → Primary Stream key/) });
  });

  test('the ingest away and back (as Janus restarting): a new session publishes after one short retry, with the default timings', async () => {
    const { publisher, path } = publish('ok', { backoff: undefined, disconnectGraceMs: undefined });
    const retries: number[] = [];
    const reasons: string[] = [];
    let givenUpAt = 0;
    publisher.addEventListener('status', (e) => e.detail.state === 'reconnecting' && (retries.push(e.detail.retryInMs!), reasons.push(e.detail.error!.message), (givenUpAt ||= Date.now())));
    await expect.poll(() => rtpOf(path, 'video/H264'), { timeout: 10_000 }).toBeGreaterThan(10);
    const [before] = await sessionsAt(path);

    const awayAt = Date.now();
    await commands.fakeAway('whip', true);
    // Chromium finds the server silent, the grace runs out, and a new session's POST is refused.
    await expect.poll(() => reasons.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    expect(reasons[0]).toBe('The ingest server stopped answering; starting a new session.');
    expect(reasons[1]).toMatch(/^Could not reach the WHIP endpoint/);
    const backAt = Date.now();
    expect(await commands.fakeAway('whip', false)).toBeGreaterThan(0);

    await expect.poll(async () => (await sessionsAt(path)).find((s) => s.id !== before!.id && s.firstRtpAt !== null)?.firstRtpAt ?? null, { timeout: 15_000 }).not.toBeNull();
    await expect.poll(() => publisher.status.state, { timeout: 5000 }).toBe('connected');
    // The first packet may be audio: the video's first frame is encoded a moment later.
    await expect.poll(async () => (await sessionsAt(path)).find((s) => s.id !== before!.id)?.rtp['video/H264'] ?? 0, { timeout: 5000 }).toBeGreaterThan(0);
    const [after] = (await sessionsAt(path)).filter((s) => s.id !== before!.id);
    console.info(`WHIP: old session given up ${givenUpAt - awayAt} ms after the server went; media again ${after!.firstRtpAt! - backAt} ms after its return, after ${retries.length} retries`);
    // What the publisher waits itself: none after the grace (it was the wait), then each retry at
    // most the ceiling away (so the POST that finds the server back is at most 3 s after its
    // return), jittered, none closer than 0.7 s.
    expect(retries[0]).toBe(0);
    expect(Math.max(...retries)).toBeLessThanOrEqual(WHIP_RETRY_CEILING_MS);
    expect(Math.min(...retries.slice(1))).toBeGreaterThanOrEqual(700);
  });

  test('STUN/TURN servers from Link headers are kept for this and every later session', async () => {
    const { publisher } = publish('ice');
    await expect.poll(() => publisher.status.state, { timeout: 10_000 }).toBe('connected');
    expect(publisher.peerConnection!.getConfiguration().iceServers).toEqual([
      { urls: ['stun:127.0.0.1:3478'], username: '', credential: '' },
      { urls: ['turn:127.0.0.1:3478?transport=udp'], username: 'user', credential: 'secret, with a comma' },
    ]);
  });

  test('no Location: publishing goes on, with a warning that DELETE is impossible', async () => {
    const { publisher, path, warnings } = publish('nolocation');
    await expect.poll(() => publisher.status.state, { timeout: 10_000 }).toBe('connected');
    expect(warnings.join(' ')).toMatch(/sent no Location/);
    await expect.poll(() => rtpOf(path, 'video/H264'), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  test('a receiver that disappears mid-stream: a new session, and media flows again', async () => {
    const { publisher, path } = publish('ok');
    await expect.poll(() => rtpOf(path, 'video/H264'), { timeout: 10_000 }).toBeGreaterThan(0);
    const [first] = await sessionsAt(path);
    await commands.whipKill(first!.id);
    await expect.poll(async () => (await sessionsAt(path)).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await sessionsAt(path))[0]?.id !== first!.id, { timeout: 30_000 }).toBe(true);
    await expect.poll(async () => (await sessionsAt(path))[0]?.rtp['video/H264'] ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(publisher.status.state).toBe('connected');
    expect(publisher.lastError?.code).toBe('network');
  });
});
