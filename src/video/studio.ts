import { TypedEventTarget } from '../core/typed-event-target.js';
import { AudioSource } from './audio-source.js';
import { CanvasFrameSource } from './canvas-frame-source.js';
import type { SceneCommand } from './chat-commands.js';
import type { ContentHint, VideoCodec } from './codecs.js';
import { h264LevelFor, h264LevelProblem, type H264Level } from './h264-level.js';
import type { PublishStats } from './publish-stats.js';
import { StreamRecorder, recordingType, type RecordingContainer } from './stream-recorder.js';
import { StudioScene } from './studio-scene.js';
import { TWITCH_WHIP_ENDPOINT } from './whip-http.js';
import { WhipPublisher } from './whip-publisher.js';

export interface StudioOptions {
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly codec: VideoCodec;
  /** Video bitrate cap, bit/s. */
  readonly maxBitrate: number;
  /** What the encoder keeps when short of bandwidth or CPU: the size (`detail`) or the frame rate (`motion`). */
  readonly contentHint: ContentHint;
  /** Starting tone in Hz; 0 for silence. */
  readonly tone: number;
  readonly recording: RecordingContainer;
}

/**
 * Generated video out, the browser counterpart of python-twitch-stream: a drawn scene and a
 * tone as one MediaStream, published to a WHIP endpoint and/or recorded locally, with chat
 * commands changing both. UI-free: `<ovl-studio>` is one face of it.
 *
 * @fires change — whenever something a UI shows changed (state, stats, recording)
 */
export class Studio extends TypedEventTarget<{ change: void }> {
  readonly video: CanvasFrameSource;
  readonly audio: AudioSource;
  readonly scene = new StudioScene();
  readonly stream: MediaStream;
  publisher: WhipPublisher | null = null;
  stats: PublishStats | null = null;
  warnings: string[] = [];
  /** For H.264: the level the offer names; null for other codecs or when no level fits. */
  readonly h264Level: H264Level | null;
  /** Why publishing cannot work with these options (e.g. beyond every H.264 level); null when it can. */
  readonly setupProblem: string | null;
  /** Null when this browser cannot record the chosen container. */
  readonly recorder: StreamRecorder | null;
  /** The last recording, as an object URL to download; revoked when replaced. */
  recordingUrl: string | null = null;
  /** The frame and buffer counters change every frame; a UI hears of it once a second. */
  private ticker: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: StudioOptions) {
    super();
    const h264 = options.codec === 'h264';
    this.h264Level = h264 ? h264LevelFor(options.width, options.height, options.fps, options.maxBitrate) : null;
    this.setupProblem = h264 ? h264LevelProblem(options.width, options.height, options.fps, options.maxBitrate) : null;
    this.video = new CanvasFrameSource({ width: options.width, height: options.height, fps: options.fps });
    this.video.onDraw = (context, index) => this.scene.draw(context, index);
    this.audio = new AudioSource();
    this.stream = new MediaStream([this.video.track, this.audio.track]);
    this.recorder = recordingType(options.recording) ? new StreamRecorder({ container: options.recording }) : null;
    this.recorder?.addEventListener('stopped', (event) => {
      if (this.recordingUrl) URL.revokeObjectURL(this.recordingUrl);
      this.recordingUrl = URL.createObjectURL(event.detail.blob);
      this.changed();
    });
    if (options.tone > 0) {
      this.scene.frequency = options.tone;
      this.audio.tone(options.tone);
    }
  }

  /** Starts the picture and sound (needed for the preview too). */
  start(): void {
    this.video.start();
    void this.audio.resume();
    this.ticker ??= setInterval(() => this.changed(), 1000);
  }

  /** A chat command (or the UI) changes the scene and the tone. */
  apply(command: SceneCommand, by: string): void {
    this.scene.apply(command, by);
    if ('frequency' in command) this.audio.tone(command.frequency);
    this.changed();
  }

  /** Starts publishing; empty `endpoint` means Twitch's. */
  publish(endpoint: string, key: string): void {
    this.unpublish();
    void this.audio.resume();
    const publisher = new WhipPublisher({
      endpoint: endpoint || TWITCH_WHIP_ENDPOINT,
      key,
      stream: this.stream,
      codec: this.options.codec,
      maxBitrate: this.options.maxBitrate,
      maxFramerate: this.options.fps,
      contentHint: this.options.contentHint,
    });
    this.publisher = publisher;
    this.warnings = [];
    publisher.addEventListener('status', () => this.changed());
    publisher.addEventListener('stats', (event) => {
      this.stats = event.detail;
      this.changed();
    });
    publisher.addEventListener('warning', (event) => {
      this.warnings = [...this.warnings, event.detail];
      this.changed();
    });
    publisher.start();
  }

  unpublish(): void {
    this.publisher?.stop();
    this.publisher = null;
    this.stats = null;
    this.changed();
  }

  startRecording(): void {
    this.recorder?.start(this.stream);
    this.changed();
  }

  async stopRecording(): Promise<void> {
    await this.recorder?.stop();
  }

  close(): void {
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
    this.unpublish();
    void this.recorder?.stop();
    this.video.close();
    void this.audio.close();
  }

  private changed(): void {
    this.emit('change', undefined);
  }
}
