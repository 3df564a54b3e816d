import { encodeRecording, type FrameVia, type RecordedFrame, type RecordingHeader } from './recording.js';

/** A source's hook for raw incoming frames (the `tap` option). */
export type FrameTap = (data: string) => void;

/**
 * Keeps every frame the overlay's sources receive, for `?record`. Memory is bounded: past
 * `maxFrames` the oldest are dropped (and counted), so a forgotten recording cannot grow an
 * OBS source without limit.
 */
export class Recorder {
  private readonly frames: RecordedFrame[] = [];
  private readonly started = performance.now();
  private readonly header: RecordingHeader;
  dropped = 0;

  constructor(
    overlay: string,
    channel: string,
    private readonly maxFrames = 100_000,
  ) {
    this.header = { format: 'ovl-recording', version: 1, overlay, channel, startedAt: new Date().toISOString() };
  }

  get size(): number {
    return this.frames.length;
  }

  /** The hook to give a source, recording what it receives as `via`. */
  tap(via: FrameVia): FrameTap {
    return (data) => {
      this.frames.push({ t: Math.round(performance.now() - this.started), via, data });
      if (this.frames.length > this.maxFrames) {
        // Drop a tenth at once: one splice per many frames rather than a shift per frame.
        const excess = Math.ceil(this.maxFrames / 10);
        this.frames.splice(0, excess);
        this.dropped += excess;
      }
    };
  }

  /** The recording so far as a JSON-lines file. */
  toBlob(): Blob {
    return new Blob([encodeRecording({ header: this.header, frames: this.frames })], { type: 'application/x-ndjson' });
  }

  /** e.g. `chat-2026-11-22T23-50-00.jsonl` */
  get fileName(): string {
    return `${this.header.overlay}-${this.header.startedAt.slice(0, 19).replace(/:/g, '-')}.jsonl`;
  }
}
