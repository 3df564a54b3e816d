import type { AlertKind } from '../../domain/stream-event.js';

/** One note: semitones above A4 (440 Hz), start and length in seconds. */
type Note = readonly [semitones: number, start: number, length: number];

/**
 * The kit's own sound per kind: short bell-like motifs synthesised with WebAudio when they
 * play, so no audio file ships and there is no licence to track (they are the project's own
 * work, CC0). Rising and longer for the bigger moments (raids, gifts, hype trains).
 */
const MOTIFS: Readonly<Record<AlertKind, readonly Note[]>> = {
  follow: [[3, 0, 0.35], [10, 0.12, 0.6]],
  sub: [[0, 0, 0.3], [4, 0.1, 0.3], [7, 0.2, 0.7]],
  resub: [[0, 0, 0.3], [7, 0.1, 0.3], [12, 0.2, 0.8]],
  gift: [[7, 0, 0.25], [11, 0.08, 0.25], [14, 0.16, 0.25], [19, 0.24, 0.9]],
  cheer: [[12, 0, 0.2], [16, 0.07, 0.2], [19, 0.14, 0.2], [24, 0.21, 0.7]],
  raid: [[-5, 0, 0.4], [0, 0.15, 0.4], [4, 0.3, 0.4], [7, 0.45, 1.1]],
  shoutout: [[5, 0, 0.3], [9, 0.12, 0.7]],
  'hype-train': [[0, 0, 0.2], [4, 0.1, 0.2], [7, 0.2, 0.2], [12, 0.3, 0.2], [16, 0.4, 1]],
  poll: [[7, 0, 0.3], [7, 0.15, 0.5]],
  prediction: [[2, 0, 0.3], [9, 0.15, 0.6]],
  goal: [[0, 0, 0.3], [5, 0.12, 0.3], [9, 0.24, 0.3], [12, 0.36, 0.9]],
  charity: [[4, 0, 0.4], [11, 0.15, 0.9]],
  redemption: [[9, 0, 0.25], [14, 0.1, 0.6]],
};

/** Plays the kit's sounds. Owns one AudioContext, made at the first sound, closed by `close()`. */
export class KitSounds {
  private context: BaseAudioContext | null = null;
  /** The output of the sound playing (or last played), cut by `stop()`. */
  private output: AudioNode | null = null;

  /** `makeContext`: where the sound goes; tests pass an OfflineAudioContext to listen to it. */
  constructor(private readonly makeContext: () => BaseAudioContext = () => new AudioContext()) {}

  /** The motif's length in seconds, for tests and the docs. */
  static lengthOf(kind: AlertKind): number {
    return Math.max(...MOTIFS[kind].map(([, start, length]) => start + length));
  }

  play(kind: AlertKind, volume: number): void {
    if (volume <= 0 || typeof AudioContext === 'undefined') return;
    const context = (this.context ??= this.makeContext());
    // An autoplay policy may hold the context suspended; a sound that cannot play must not stop the alert.
    if (context instanceof AudioContext) context.resume().catch(() => undefined);
    const out = context.createGain();
    out.gain.value = Math.min(1, volume) * 0.35;
    out.connect(context.destination);
    this.stop();
    this.output = out;
    const now = context.currentTime + 0.02;
    for (const [semitones, start, length] of MOTIFS[kind]) {
      const frequency = 440 * 2 ** (semitones / 12);
      // A sine with a quieter octave above, struck and left to ring: a small bell.
      for (const [multiple, level] of [[1, 1], [2, 0.25]] as const) {
        const osc = context.createOscillator();
        const envelope = context.createGain();
        osc.type = 'sine';
        osc.frequency.value = frequency * multiple;
        envelope.gain.setValueAtTime(0.0001, now + start);
        envelope.gain.exponentialRampToValueAtTime(level, now + start + 0.01);
        envelope.gain.exponentialRampToValueAtTime(0.0001, now + start + length);
        osc.connect(envelope).connect(out);
        osc.start(now + start);
        osc.stop(now + start + length + 0.05);
      }
    }
  }

  /** Silences the sound playing now (a skipped alert, muted sounds). */
  stop(): void {
    this.output?.disconnect();
    this.output = null;
  }

  close(): void {
    if (this.context instanceof AudioContext) void this.context.close().catch(() => undefined);
    this.context = null;
  }
}
