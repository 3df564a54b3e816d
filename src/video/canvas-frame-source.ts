import { FrameTicker } from './frame-ticker.js';

/** What can be pushed as a frame. */
export type VideoFrameInput = ImageBitmap | ImageData | HTMLCanvasElement | HTMLImageElement | HTMLVideoElement;

export interface CanvasFrameSourceOptions {
  readonly width: number;
  readonly height: number;
  /** Frames per second of the track. Default 30. */
  readonly fps?: number;
  /** Pushed frames waiting to be shown, at most. Default one second's worth. */
  readonly bufferSize?: number;
}

/** Counters since `start()`. */
export interface FrameSourceStats {
  /** Frames put on the track. */
  ticks: number;
  /** Of which: pushed frames shown. */
  shown: number;
  /** Of which: drawn by `onDraw`. */
  drawn: number;
  /** Of which: the previous frame again, because nothing new was there. */
  repeated: number;
  /** Pushed frames turned away because the buffer was full. */
  refused: number;
}

/**
 * A video track from a canvas at a steady frame rate, in python-twitch-stream's terms: frames
 * are pushed into a bounded buffer and leave it one per tick; when it runs dry the last frame
 * is sent again, so the stream never stalls. Instead of pushing, a page can draw on each tick
 * (`onDraw`), which runs whenever the buffer is empty.
 *
 * The canvas is captured at rate 0 and each tick asks for exactly one frame, so the track's
 * rate is the ticker's, whether or not the picture changed (a stalled track would make the
 * ingest think the stream froze).
 */
export class CanvasFrameSource {
  readonly canvas: HTMLCanvasElement;
  readonly context: CanvasRenderingContext2D;
  readonly track: CanvasCaptureMediaStreamTrack;
  readonly fps: number;
  readonly bufferSize: number;
  /** Draws frame `index` when no pushed frame is waiting. */
  onDraw: ((context: CanvasRenderingContext2D, index: number) => void) | null = null;
  readonly stats: FrameSourceStats = { ticks: 0, shown: 0, drawn: 0, repeated: 0, refused: 0 };
  /** Main-thread milliseconds of the most recent ticks (drawing included), newest last. */
  readonly recentTickMs: number[] = [];
  private readonly buffer: VideoFrameInput[] = [];
  private readonly ticker = new FrameTicker(() => this.tick());

  constructor(options: CanvasFrameSourceOptions) {
    this.fps = options.fps ?? 30;
    this.bufferSize = options.bufferSize ?? this.fps;
    this.canvas = document.createElement('canvas');
    this.canvas.width = options.width;
    this.canvas.height = options.height;
    this.context = this.canvas.getContext('2d', { alpha: false })!;
    this.track = this.canvas.captureStream(0).getVideoTracks()[0] as CanvasCaptureMediaStreamTrack;
  }

  /** Frames waiting. */
  get buffered(): number {
    return this.buffer.length;
  }

  /** How full the buffer is, 0 to 1 (python-twitch-stream's `get_video_frame_buffer_state`). */
  get bufferFill(): number {
    return this.buffer.length / this.bufferSize;
  }

  /** Queues a frame; false (and the frame is not kept) when the buffer is full. */
  push(frame: VideoFrameInput): boolean {
    if (this.buffer.length >= this.bufferSize) {
      this.stats.refused += 1;
      return false;
    }
    this.buffer.push(frame);
    return true;
  }

  start(): void {
    this.ticker.start(this.fps);
  }

  stop(): void {
    this.ticker.stop();
  }

  /** Stops ticking, drops waiting frames and ends the track. */
  close(): void {
    this.stop();
    for (const frame of this.buffer.splice(0)) if ('close' in frame) frame.close();
    this.track.stop();
  }

  private tick(): void {
    const began = performance.now();
    const frame = this.buffer.shift();
    if (frame) {
      this.show(frame);
      this.stats.shown += 1;
    } else if (this.onDraw) {
      this.onDraw(this.context, this.stats.ticks);
      this.stats.drawn += 1;
    } else {
      this.stats.repeated += 1;
    }
    // Chromium captures only a canvas drawn on since the last frame: a transparent dot changes
    // nothing visible but makes a repeat (or an onDraw that drew nothing) a frame. (Copying a
    // pixel onto itself would too, but snapshots the whole canvas: 2.4 ms a frame at 720p.)
    this.context.save();
    this.context.fillStyle = 'transparent';
    this.context.fillRect(0, 0, 1, 1);
    this.context.restore();
    this.stats.ticks += 1;
    this.track.requestFrame();
    this.recentTickMs.push(performance.now() - began);
    if (this.recentTickMs.length > 600) this.recentTickMs.splice(0, 300);
  }

  private show(frame: VideoFrameInput): void {
    const { width, height } = this.canvas;
    if (frame instanceof ImageData) {
      this.context.putImageData(frame, 0, 0);
    } else {
      this.context.drawImage(frame, 0, 0, width, height);
      if (frame instanceof ImageBitmap) frame.close();
    }
  }
}
