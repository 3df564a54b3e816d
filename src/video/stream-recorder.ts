import { TypedEventTarget } from '../core/typed-event-target.js';

export type RecordingContainer = 'auto' | 'webm' | 'mp4';

// Best first. MP4 recording arrived in Chromium 126, so OBS 28–30 (Chromium 103) record WebM.
const CANDIDATES: Record<Exclude<RecordingContainer, 'auto'>, readonly string[]> = {
  webm: ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus', 'video/webm'],
  mp4: ['video/mp4;codecs=avc1,opus', 'video/mp4;codecs=avc1', 'video/mp4'],
};

/** The MediaRecorder type this browser records for `container`, or null if it cannot. */
export function recordingType(container: RecordingContainer): string | null {
  if (typeof MediaRecorder === 'undefined') return null;
  const order = container === 'auto' ? [...CANDIDATES.webm, ...CANDIDATES.mp4] : CANDIDATES[container];
  return order.find((type) => MediaRecorder.isTypeSupported(type)) ?? null;
}

export interface StreamRecorderOptions {
  readonly container?: RecordingContainer;
  /** Stop by itself past this many bytes. Default 2 GB. */
  readonly maxBytes?: number;
  /** Stop by itself after this many seconds. Default 4 hours. */
  readonly maxSeconds?: number;
  /** Video bitrate asked of the encoder, bit/s. Default: the browser's choice. */
  readonly videoBitsPerSecond?: number;
}

export interface StreamRecorderEventMap {
  /** Recording ended (by `stop()` or a limit); the file is ready. */
  stopped: { readonly blob: Blob; readonly reason: 'stopped' | 'size-limit' | 'time-limit' };
  error: Error;
}

/**
 * Records a MediaStream locally with MediaRecorder: the container is picked from what the
 * browser can write, data arrives every second so size and time limits apply while recording,
 * and the result is one Blob ready to download.
 */
export class StreamRecorder extends TypedEventTarget<StreamRecorderEventMap> {
  readonly mimeType: string;
  private recorder: MediaRecorder | null = null;
  private chunks: Blob[] = [];
  private startedAt = 0;
  private reason: StreamRecorderEventMap['stopped']['reason'] = 'stopped';
  private lastBlob: Blob | null = null;
  bytes = 0;

  constructor(private readonly options: StreamRecorderOptions = {}) {
    super();
    const type = recordingType(options.container ?? 'auto');
    if (!type) throw new Error(`This browser cannot record ${options.container === 'mp4' ? 'MP4' : options.container === 'webm' ? 'WebM' : 'video'}.`);
    this.mimeType = type;
  }

  get recording(): boolean {
    return this.recorder?.state === 'recording';
  }

  get seconds(): number {
    return this.recording ? (performance.now() - this.startedAt) / 1000 : 0;
  }

  /** The file of the last finished recording. */
  get blob(): Blob | null {
    return this.lastBlob;
  }

  /** `.webm` or `.mp4`. */
  get extension(): string {
    return this.mimeType.startsWith('video/mp4') ? 'mp4' : 'webm';
  }

  start(stream: MediaStream): void {
    if (this.recording) return;
    const recorder = new MediaRecorder(stream, { mimeType: this.mimeType, ...(this.options.videoBitsPerSecond && { videoBitsPerSecond: this.options.videoBitsPerSecond }) });
    this.recorder = recorder;
    this.chunks = [];
    this.bytes = 0;
    this.reason = 'stopped';
    recorder.ondataavailable = (event) => {
      if (event.data.size === 0) return;
      this.chunks.push(event.data);
      this.bytes += event.data.size;
      if (this.bytes >= (this.options.maxBytes ?? 2e9)) this.stopFor('size-limit');
      else if (this.seconds >= (this.options.maxSeconds ?? 4 * 3600)) this.stopFor('time-limit');
    };
    recorder.onstop = () => {
      this.lastBlob = new Blob(this.chunks, { type: this.mimeType });
      this.chunks = [];
      this.emit('stopped', { blob: this.lastBlob, reason: this.reason });
    };
    recorder.onerror = (event) => this.emit('error', (event as unknown as { error?: Error }).error ?? new Error('recording failed'));
    this.startedAt = performance.now();
    recorder.start(1000);
  }

  /** Ends the recording; resolves with the file. */
  stop(): Promise<Blob> {
    return new Promise((resolve) => {
      if (!this.recorder || this.recorder.state === 'inactive') return resolve(this.lastBlob ?? new Blob([], { type: this.mimeType }));
      this.addEventListener('stopped', (event) => resolve(event.detail.blob), { once: true });
      this.recorder.stop();
    });
  }

  private stopFor(reason: StreamRecorderEventMap['stopped']['reason']): void {
    this.reason = reason;
    if (this.recorder?.state === 'recording') this.recorder.stop();
  }
}
