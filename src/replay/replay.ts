import { FrameSocket, type WebSocketClass } from '../simulator/frame-socket.js';
import { ScriptedTransport } from '../simulator/scripted-transport.js';
import type { ChatTransport } from '../sources/tmi/chat-transport.js';
import type { FrameVia, RecordedFrame, Recording } from './recording.js';

type Sink = (data: string) => void;

/**
 * One connection's frames in recorded order, released at their recorded times (divided by
 * the speed). While no connection listens (between a close and the reconnect) the clock
 * waits, so no frame is lost to a reconnect.
 */
class Timeline {
  private next = 0;
  private sink: Sink | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When frame 0 is due, on the performance clock; set by the first listener. */
  private origin: number | null = null;
  private pausedAt: number | null = null;

  constructor(
    private readonly frames: readonly RecordedFrame[],
    private readonly speed: number,
    private readonly ended: () => void,
  ) {}

  get done(): boolean {
    return this.next >= this.frames.length;
  }

  listen(sink: Sink): void {
    const now = performance.now();
    if (this.origin === null) this.origin = now - (this.frames[0]?.t ?? 0) / this.speed;
    else if (this.pausedAt !== null) this.origin += now - this.pausedAt;
    this.pausedAt = null;
    this.sink = sink;
    this.schedule();
  }

  unlisten(sink: Sink): void {
    if (this.sink !== sink) return;
    this.sink = null;
    this.pausedAt = performance.now();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer !== null || !this.sink || this.origin === null) return;
    const frame = this.frames[this.next];
    if (!frame) return;
    const due = this.origin + frame.t / this.speed;
    this.timer = setTimeout(() => {
      this.timer = null;
      // Everything already due goes out now: at high speeds timers cannot keep up one by one.
      const now = performance.now();
      while (this.sink && !this.done && this.origin! + this.frames[this.next]!.t / this.speed <= now) {
        this.sink(this.frames[this.next++]!.data);
      }
      if (this.done) this.ended();
      else this.schedule();
    }, Math.max(0, due - performance.now()));
  }
}

/**
 * Plays a recording through the same entry points live traffic uses: a ChatTransport for
 * chat and WebSocket classes for EventSub and Heat, so every frame goes through the
 * real parsers again. This is what makes a recording a regression fixture.
 */
export class Replay {
  private readonly timelines = new Map<FrameVia, Timeline>();
  private running = 0;
  /** Resolves once every connection's frames have been played (what an overlay waits for to show a whole session). */
  readonly finished: Promise<void>;

  constructor(
    readonly recording: Recording,
    readonly speed = 1,
    /** Called once every connection's frames have been played. */
    onEnd: () => void = () => {},
  ) {
    let finish = () => {};
    this.finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const ended = () => {
      onEnd();
      finish();
    };
    for (const via of new Set(recording.frames.map((frame) => frame.via))) {
      this.running += 1;
      const frames = recording.frames.filter((frame) => frame.via === via);
      this.timelines.set(via, new Timeline(frames, speed, () => --this.running === 0 && ended()));
    }
  }

  /** Whether the recording has frames for `via`. */
  has(via: FrameVia): boolean {
    return this.recording.frames.some((frame) => frame.via === via);
  }

  /** A WebSocket class whose instances receive `via`'s recorded frames. */
  socket(via: FrameVia): WebSocketClass {
    const timeline = this.timeline(via);
    return class ReplaySocket extends FrameSocket {
      private readonly sink: Sink = (data) => this.deliver(data);

      constructor(url: string) {
        super(url);
        this.openSoon(0, () => timeline.listen(this.sink));
      }

      protected closed(): void {
        timeline.unlisten(this.sink);
      }
    } as unknown as WebSocketClass;
  }

  /** A chat connection that logs in at once and then receives the recorded IRC lines. */
  chatTransport(): ChatTransport {
    const timeline = this.timeline('chat');
    const roomId = /room-id=(\d+)/.exec(this.recording.frames.find((f) => f.via === 'chat' && / ROOMSTATE /.test(f.data))?.data ?? '')?.[1];
    return new (class ReplayTransport extends ScriptedTransport {
      private readonly sink: Sink = (line) => this.push(line);

      override connect(events: Parameters<ChatTransport['connect']>[0]): void {
        super.connect(events);
        timeline.listen(this.sink);
      }

      override disconnect(): void {
        timeline.unlisten(this.sink);
        super.disconnect();
      }
    })(this.recording.header.channel, roomId);
  }

  /** Hands each recorded chat history (`chat-history` frames) to `show` as its lines, at its time in the recording. */
  chatHistory(show: (lines: string[]) => void): void {
    this.timeline('chat-history').listen((data) => show(data.split('\r\n')));
  }

  private timeline(via: FrameVia): Timeline {
    // A connection the recording has nothing for gets an empty timeline: it connects and stays quiet.
    let timeline = this.timelines.get(via);
    if (!timeline) {
      timeline = new Timeline([], this.speed, () => {});
      this.timelines.set(via, timeline);
    }
    return timeline;
  }
}
