import { Source, type SourceEventMap } from '../core/source.js';
import { SourceError, toSourceError } from '../core/errors.js';
import { Backoff } from '../core/backoff.js';
import { createLogger } from '../core/logger.js';
import type { Schedule } from '../core/schedule.js';
import type { Fetch } from '../twitch/endpoints.js';
import { audioPreferences, videoPreferences, type ContentHint, type VideoCodec } from './codecs.js';
import { StatsSampler, type PublishStats } from './publish-stats.js';
import { trickleFragment } from './sdp-frag.js';
import { answerRefusal } from './answer-check.js';
import { withStartBitrate } from './start-bitrate.js';
import { h264LevelFor, h264LevelProblem, withH264Level, type H264Level } from './h264-level.js';
import { deleteSession, patchCandidates, postOffer, WhipRetryError, type WhipAnswer } from './whip-http.js';
import { parseUrl } from '../core/parse-url.js';

export interface WhipPublisherOptions {
  /** The WHIP endpoint URL, e.g. Twitch's `TWITCH_WHIP_ENDPOINT`. */
  readonly endpoint: string;
  /** Sent as `Authorization: Bearer <key>`; for Twitch, the stream key. Empty: no header. */
  readonly key: string;
  /** One video track and (Twitch requires it) one audio track (RFC 9725 §4.5.2). */
  readonly stream: MediaStream;
  /** Default `h264` (Constrained Baseline), what Twitch takes. */
  readonly codec?: VideoCodec;
  /** Cap on the video bitrate in bit/s. Default 6,000,000 (Twitch's guidance, §6.1). */
  readonly maxBitrate?: number;
  /**
   * Where the bandwidth estimate starts, in bit/s; it grows to `maxBitrate` as the network
   * allows. Default the lower of `maxBitrate` and 2,500,000 (720p at 30 fps looks right with
   * that, and most uplinks carry it). Chromium's own start, 300 kbit/s, would send the first
   * seconds small or, with `contentHint: 'detail'`, at a few frames a second.
   */
  readonly startBitrate?: number;
  /** Cap on the encoded frame rate. Default: the track's. */
  readonly maxFramerate?: number;
  /**
   * What the encoder keeps when bandwidth or CPU run short, set as the video track's
   * `contentHint` and the sender's `degradationPreference`. `detail` (default): the picture
   * size (`maintain-resolution`), from the very first frame, at the cost of frame rate;
   * `motion`: the frame rate (`maintain-framerate`), at the cost of size. Without either,
   * Chromium starts a 1280×720 canvas at 640×360 and takes seconds to grow it.
   */
  readonly contentHint?: ContentHint;
  /** STUN/TURN servers; the endpoint's `Link` headers add to these for later sessions. */
  readonly iceServers?: RTCIceServer[];
  /**
   * `complete` (default): gather candidates before the POST, for at most `gatherTimeoutMs`;
   * what arrives later is trickled. `trickle`: POST at once and PATCH every candidate (RFC 9725
   * recommends it; whether Twitch takes PATCH is unknown, §6.1).
   */
  readonly iceGathering?: 'complete' | 'trickle';
  readonly gatherTimeoutMs?: number;
  /**
   * How long `disconnected` may last before the session is replaced, at once (the grace was
   * the wait). Default 1000: Chromium says `disconnected` only after some 5 s without an
   * answer (measured against the fake ingest), so a server gone, or restarted and knowing the
   * session no more, is given up on about 6 s after its last word, and a blip still survives.
   */
  readonly disconnectGraceMs?: number;
  readonly statsIntervalMs?: number;
  /** Delays between new sessions. Default 1 s growing to WHIP_RETRY_CEILING_MS, jittered. */
  readonly backoff?: Backoff;
  /** Runs the gathering timeout, the disconnect grace and the retry delays; tests record them. */
  readonly schedule?: Schedule;
  readonly fetch?: Fetch;
}

export interface WhipPublisherEventMap extends SourceEventMap {
  stats: PublishStats;
  /** Something works less well than it should, but publishing goes on. */
  warning: string;
}

const log = createLogger('whip');

/**
 * The cap on the delay between new sessions. A new session needs up to 2 s after its POST
 * (gathering, then ICE and DTLS), so a POST at most 3 s after the server's return publishes
 * within 5 s of it. A refused POST costs the server nothing: 20-odd a minute is no storm.
 */
export const WHIP_RETRY_CEILING_MS = 3000;
/** How long a stop waits for the DELETE's answer before closing the connection anyway. */
const DELETE_WAIT_MS = 2000;
/** Where the bandwidth estimate starts by default: enough for 720p at 30 fps, and what most uplinks carry. */
const DEFAULT_START_BITRATE = 2_500_000;

/** One POST, its peer connection and what is known about the server's session. */
interface Session {
  readonly pc: RTCPeerConnection;
  readonly videoSender: RTCRtpSender;
  /** For H.264: the level the offer names, one that covers the picture size and rate. */
  readonly level: H264Level | null;
  answer: WhipAnswer | null;
  /** Candidates the server has not seen yet, waiting for the 201 (RFC 9725 §4.3.2). */
  pending: string[];
  gatheringDone: boolean;
  sentOffer: string;
  /** Whether candidates still go by PATCH: not once the offer held them all, the server refused, or the end was sent. */
  trickle: boolean;
  patching: boolean;
  /** Cancels the session's timers (gathering, disconnect grace). */
  timers: (() => void)[];
}

/**
 * Publishes a MediaStream to a WHIP endpoint (RFC 9725): send-only, max-bundle, one POST per
 * session, candidates trickled by PATCH when the server takes them, DELETE at the end. A
 * failed connection gets a new session after a backoff; a busy server's `Retry-After` is
 * honoured; a refusal (bad key, unsupported codec, an answer that rejects our video or audio)
 * stops with the server's reason.
 *
 * @fires stats — every `statsIntervalMs` while connected
 * @fires warning — e.g. no `Location`, so the session cannot be ended with DELETE
 */
export class WhipPublisher extends Source<WhipPublisherEventMap> {
  readonly name = 'whip';
  private readonly options: WhipPublisherOptions;
  private iceServers: RTCIceServer[];
  private session: Session | null = null;
  private statsTimer: ReturnType<typeof setInterval> | null = null;

  constructor(options: WhipPublisherOptions) {
    super({ backoff: options.backoff ?? new Backoff({ maxMs: WHIP_RETRY_CEILING_MS }), schedule: options.schedule });
    this.options = options;
    this.iceServers = options.iceServers ?? [];
  }

  private get maxBitrate(): number {
    return this.options.maxBitrate ?? 6_000_000;
  }

  private get contentHint(): ContentHint {
    return this.options.contentHint ?? 'detail';
  }

  /** The current session's URL on the server, once known. */
  get sessionUrl(): string | null {
    return this.session?.answer?.session?.href ?? null;
  }

  /** The connection in use, for inspection (e.g. getStats); null between sessions. */
  get peerConnection(): RTCPeerConnection | null {
    return this.session?.pc ?? null;
  }

  protected open(): void {
    let session: Session;
    try {
      session = this.createSession();
    } catch (error) {
      this.fail(toSourceError(error, 'config'));
      return;
    }
    this.session = session;
    void this.negotiate(session).catch((error: unknown) => {
      if (this.session !== session) return;
      const failure = toSourceError(error);
      if (!failure.retryable) {
        this.teardown();
        this.fail(failure);
      } else {
        this.reconnect(failure, failure instanceof WhipRetryError ? failure.retryAfterMs : undefined);
      }
    });
  }

  protected close(): void {
    this.teardown();
  }

  private createSession(): Session {
    const { stream, endpoint } = this.options;
    // A malformed endpoint is the streamer's to fix, not a network failure to retry forever.
    if (!/^https?:$/.test(parseUrl(endpoint)?.protocol ?? '')) throw new SourceError('config', `Not a WHIP endpoint URL: "${endpoint}". It starts with https://.`);
    const [video] = stream.getVideoTracks();
    const [audio] = stream.getAudioTracks();
    if (!video || stream.getVideoTracks().length > 1 || stream.getAudioTracks().length > 1) {
      throw new SourceError('config', 'WHIP sends one MediaStream with exactly one video track and at most one audio track.');
    }
    const codec = this.options.codec ?? 'h264';
    const level = codec === 'h264' ? this.h264Level(video) : null;
    // Set before the first frame is encoded: what the encoder starts with is what the server gets.
    video.contentHint = this.contentHint;
    const pc = new RTCPeerConnection({ iceServers: this.iceServers, bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
    const videoTransceiver = pc.addTransceiver(video, {
      direction: 'sendonly',
      streams: [stream],
      sendEncodings: [{ maxBitrate: this.maxBitrate, ...(this.options.maxFramerate && { maxFramerate: this.options.maxFramerate }) }],
    });
    const videoCodecs = videoPreferences(RTCRtpSender.getCapabilities('video')?.codecs ?? [], codec);
    if (videoCodecs.length === 0) {
      pc.close();
      throw new SourceError('config', `This browser cannot encode ${codec.toUpperCase()}; choose another codec.`);
    }
    videoTransceiver.setCodecPreferences(videoCodecs);
    if (audio) {
      pc.addTransceiver(audio, { direction: 'sendonly', streams: [stream] }).setCodecPreferences(audioPreferences(RTCRtpSender.getCapabilities('audio')?.codecs ?? []));
    } else {
      this.emit('warning', 'No audio track: Twitch needs one; add silence (AudioSource gives it).');
    }
    return { pc, videoSender: videoTransceiver.sender, level, answer: null, pending: [], gatheringDone: false, sentOffer: '', trickle: false, patching: false, timers: [] };
  }

  private async negotiate(session: Session): Promise<void> {
    const { pc } = session;
    pc.addEventListener('icecandidate', (event) => this.onCandidate(session, event.candidate));
    pc.addEventListener('connectionstatechange', () => this.onConnectionState(session));
    await this.applyDegradationPreference(session.videoSender);
    const offer = await pc.createOffer();
    await pc.setLocalDescription(session.level ? { type: 'offer', sdp: withH264Level(offer.sdp!, session.level) } : offer);
    if ((this.options.iceGathering ?? 'complete') === 'complete') await this.gathered(session);
    session.sentOffer = pc.localDescription!.sdp;
    // An offer made after gathering finished holds every candidate: nothing to PATCH, ever
    // (which matters where PATCH is refused, or CORS does not allow it).
    session.trickle = pc.iceGatheringState !== 'complete';
    session.pending = session.pending.filter((candidate) => !session.sentOffer.includes(candidate));

    const answer = await postOffer(this.options.endpoint, session.sentOffer, this.options.key, this.options.fetch);
    if (this.session !== session) {
      // Stopped (or replaced) while the POST was in flight: free the server's side at once.
      if (answer.session) void deleteSession(answer.session, this.options.key, this.options.fetch);
      return;
    }
    session.answer = answer;
    // Checked here, not left to setRemoteDescription: its error says nothing a streamer can
    // act on, and an answer that rejects only the video would publish audio alone.
    const refusal = answerRefusal(session.sentOffer, answer.sdp);
    if (refusal) throw refusal;
    try {
      await pc.setRemoteDescription({ type: 'answer', sdp: withStartBitrate(answer.sdp, this.options.startBitrate ?? Math.min(this.maxBitrate, DEFAULT_START_BITRATE)) });
    } catch (error) {
      // The same answer would come back on every retry.
      throw new SourceError('protocol', `The WHIP server's answer cannot be used: ${error instanceof Error ? error.message : String(error)}`, { retryable: false, cause: error });
    }
    if (answer.iceServers.length > 0) {
      // Per JSEP these apply from the next gathering; they are kept for every later session.
      this.iceServers = answer.iceServers;
      pc.setConfiguration({ ...pc.getConfiguration(), iceServers: answer.iceServers });
    }
    if (!answer.session) {
      this.emit('warning', 'The WHIP endpoint sent no Location (or CORS hides it): late candidates cannot be sent, and the session ends when the connection closes instead of by DELETE.');
    }
    void this.flushCandidates(session);
  }

  /**
   * The lowest H.264 level for the track's size at the frame rate sent, so the server is told
   * what is coming (the default 3.1 ends at 1280×720 at 30 fps). Throws when no level can.
   */
  private h264Level(video: MediaStreamTrack): H264Level {
    const { width = 0, height = 0, frameRate } = video.getSettings();
    const fps = this.options.maxFramerate ?? (frameRate || 30);
    const problem = h264LevelProblem(width, height, fps, this.maxBitrate);
    if (problem) throw new SourceError('config', problem);
    return h264LevelFor(width, height, fps, this.maxBitrate)!;
  }

  /** The sender's half of `contentHint`; browsers without it go by the track's hint alone. */
  private async applyDegradationPreference(sender: RTCRtpSender): Promise<void> {
    const parameters = sender.getParameters();
    parameters.degradationPreference = this.contentHint === 'detail' ? 'maintain-resolution' : 'maintain-framerate';
    await sender.setParameters(parameters).catch((error: unknown) => log.debug('degradationPreference not taken:', error));
  }

  /** Waits for ICE gathering to finish, or `gatherTimeoutMs` (later candidates are trickled). */
  private gathered(session: Session): Promise<void> {
    if (session.pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      session.timers.push(this.schedule(resolve, this.options.gatherTimeoutMs ?? 2000));
      session.pc.addEventListener('icegatheringstatechange', () => session.pc.iceGatheringState === 'complete' && resolve());
    });
  }

  private onCandidate(session: Session, candidate: RTCIceCandidate | null): void {
    if (candidate === null) session.gatheringDone = true;
    else if (candidate.candidate) session.pending.push(candidate.candidate);
    if (session.answer) void this.flushCandidates(session);
  }

  /**
   * One aggregated PATCH with whatever the server has not seen, once the 201 has arrived; one
   * at a time, so what comes in meanwhile goes in the next one (RFC 9725 §4.3.2).
   */
  private async flushCandidates(session: Session): Promise<void> {
    const target = session.answer?.session;
    if (!target || !session.trickle || session.patching) return;
    const candidates = session.pending.splice(0);
    if (candidates.length === 0 && !session.gatheringDone) return;
    const complete = session.gatheringDone;
    session.patching = true;
    try {
      const accepted = await patchCandidates(target, trickleFragment(session.sentOffer, candidates, complete), session.answer!.etag, this.options.key, this.options.fetch);
      if (!accepted) log.debug('the WHIP endpoint does not take trickled candidates; relying on those in the offer');
      session.trickle = accepted && !complete;
    } catch (error) {
      log.warn('could not send ICE candidates:', error);
    } finally {
      session.patching = false;
    }
    if (this.session === session && session.trickle) void this.flushCandidates(session);
  }

  private onConnectionState(session: Session): void {
    if (this.session !== session) return;
    const state = session.pc.connectionState;
    if (state === 'connected') {
      session.timers.splice(0).forEach((cancel) => cancel());
      this.markConnected();
      this.startStats(session);
    } else if (state === 'failed') {
      this.reconnect(new SourceError('network', 'The connection to the ingest server failed; starting a new session.'));
    } else if (state === 'disconnected') {
      session.timers.push(
        this.schedule(() => {
          if (this.session === session && session.pc.connectionState === 'disconnected') {
            this.reconnect(new SourceError('network', 'The ingest server stopped answering; starting a new session.'), 0);
          }
        }, this.options.disconnectGraceMs ?? 1000),
      );
    }
  }

  private startStats(session: Session): void {
    if (this.statsTimer !== null) clearInterval(this.statsTimer);
    const sampler = new StatsSampler(session.pc);
    this.statsTimer = setInterval(() => {
      if (this.session !== session) return;
      sampler.sample().then(
        (stats) => this.session === session && this.emit('stats', stats),
        (error: unknown) => log.debug('getStats failed:', error),
      );
    }, this.options.statsIntervalMs ?? 1000);
  }

  /**
   * Ends the current session: DELETE on the server (best effort), then close the connection.
   * In that order: a server that sees the connection go first may drop the session and answer
   * the DELETE with 404 (or keep it until ICE times out). The close waits at most
   * DELETE_WAIT_MS for the answer; events of the old connection are ignored meanwhile.
   */
  private teardown(): void {
    const session = this.session;
    this.session = null;
    if (this.statsTimer !== null) clearInterval(this.statsTimer);
    this.statsTimer = null;
    if (!session) return;
    session.timers.splice(0).forEach((cancel) => cancel());
    const target = session.answer?.session;
    if (!target) {
      session.pc.close();
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, DELETE_WAIT_MS)));
    void Promise.race([deleteSession(target, this.options.key, this.options.fetch), waited]).then(() => {
      clearTimeout(timer);
      session.pc.close();
    });
  }
}
