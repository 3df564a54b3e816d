export interface AudioSourceOptions {
  /** Default 48000, Opus's own rate. */
  readonly sampleRate?: number;
  /** Pushed audio that may wait, in seconds. Default 2. */
  readonly maxBufferSeconds?: number;
}

/**
 * An audio track from Web Audio. Push PCM (one Float32Array per channel, −1…1) and it plays
 * gap-free in order; or let `tone()` generate. With nothing pushed and no tone the track
 * carries silence, which is still an audio track: Twitch requires one.
 */
export class AudioSource {
  readonly context: AudioContext;
  readonly track: MediaStreamTrack;
  readonly maxBufferSeconds: number;
  /** Pushed buffers turned away because the buffer was full. */
  refused = 0;
  private readonly output: MediaStreamAudioDestinationNode;
  /** Context time at which the last pushed audio ends. */
  private queuedUntil = 0;
  private oscillator: OscillatorNode | null = null;
  private readonly toneGain: GainNode;

  constructor(options: AudioSourceOptions = {}) {
    this.context = new AudioContext({ sampleRate: options.sampleRate ?? 48_000 });
    this.maxBufferSeconds = options.maxBufferSeconds ?? 2;
    this.output = this.context.createMediaStreamDestination();
    this.track = this.output.stream.getAudioTracks()[0]!;
    this.toneGain = this.context.createGain();
    this.toneGain.connect(this.output);
  }

  /** Seconds of pushed audio not played yet. */
  get bufferedSeconds(): number {
    return Math.max(0, this.queuedUntil - this.context.currentTime);
  }

  /** 0 to 1, like CanvasFrameSource's (python-twitch-stream's `get_audio_buffer_state`). */
  get bufferFill(): number {
    return Math.min(1, this.bufferedSeconds / this.maxBufferSeconds);
  }

  /**
   * Queues PCM at the context's sample rate after what is already queued; false (nothing
   * queued) when it would hold more than `maxBufferSeconds`.
   */
  push(channels: readonly Float32Array<ArrayBuffer>[]): boolean {
    const frames = channels[0]?.length ?? 0;
    if (frames === 0) return true;
    const duration = frames / this.context.sampleRate;
    if (this.bufferedSeconds + duration > this.maxBufferSeconds) {
      this.refused += 1;
      return false;
    }
    const buffer = this.context.createBuffer(channels.length, frames, this.context.sampleRate);
    channels.forEach((samples, channel) => buffer.copyToChannel(samples, channel));
    const node = this.context.createBufferSource();
    node.buffer = buffer;
    node.connect(this.output);
    const at = Math.max(this.context.currentTime, this.queuedUntil);
    node.start(at);
    this.queuedUntil = at + duration;
    return true;
  }

  /** Plays a sine at `frequency` Hz (changes it if already playing), mixed with pushed audio. */
  tone(frequency: number, volume = 0.2): void {
    this.toneGain.gain.value = volume;
    if (!this.oscillator) {
      this.oscillator = this.context.createOscillator();
      this.oscillator.connect(this.toneGain);
      this.oscillator.start();
    }
    this.oscillator.frequency.setValueAtTime(frequency, this.context.currentTime);
  }

  /** Stops the tone; pushed audio still plays. */
  silence(): void {
    this.oscillator?.stop();
    this.oscillator?.disconnect();
    this.oscillator = null;
  }

  /** Browsers start audio only after a user gesture, except where autoplay is allowed (OBS). */
  resume(): Promise<void> {
    return this.context.resume();
  }

  close(): Promise<void> {
    this.track.stop();
    return this.context.close();
  }
}
