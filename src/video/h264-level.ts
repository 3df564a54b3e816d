/**
 * H.264 levels (ITU-T H.264 Table A-1) from 3.1, the level every H.264 ingest takes and the one
 * browsers offer by default, up to 5.2, the highest. A level caps the macroblocks (16×16
 * pixels) per second and per frame, and the bitrate (MaxBR, in 1200 bit/s units for the
 * Baseline and Main profiles, Table A-1 note and §A.3.1).
 */
export interface H264Level {
  /** e.g. `4.1`. */
  readonly name: string;
  /** `level_idc`, the last byte of `profile-level-id` (RFC 6184 §8.1): 10 × the level. */
  readonly idc: number;
  readonly maxMacroblocksPerSecond: number;
  readonly maxFrameMacroblocks: number;
  /** In bit/s. */
  readonly maxBitrate: number;
}

const level = (name: string, maxMacroblocksPerSecond: number, maxFrameMacroblocks: number, maxBr: number): H264Level => ({
  name,
  idc: Math.round(Number(name) * 10),
  maxMacroblocksPerSecond,
  maxFrameMacroblocks,
  maxBitrate: maxBr * 1200,
});

export const H264_LEVELS: readonly H264Level[] = [
  level('3.1', 108_000, 3_600, 14_000),
  level('3.2', 216_000, 5_120, 20_000),
  level('4.0', 245_760, 8_192, 20_000),
  level('4.1', 245_760, 8_192, 50_000),
  level('4.2', 522_240, 8_704, 50_000),
  level('5.0', 589_824, 22_080, 135_000),
  level('5.1', 983_040, 36_864, 240_000),
  level('5.2', 2_073_600, 36_864, 240_000),
];

/**
 * The lowest level that carries `width`×`height` at `fps` frames per second and `bitrate`
 * bit/s; null when even 5.2 cannot. Besides the frame's area, each side is limited to
 * √(8 × MaxFS) macroblocks (§A.3.1 f and g), so a very thin frame can need a higher level.
 */
export function h264LevelFor(width: number, height: number, fps: number, bitrate = 0): H264Level | null {
  const across = Math.ceil(width / 16);
  const down = Math.ceil(height / 16);
  const frame = across * down;
  return (
    H264_LEVELS.find(
      (l) =>
        frame <= l.maxFrameMacroblocks &&
        frame * fps <= l.maxMacroblocksPerSecond &&
        Math.max(across, down) ** 2 <= 8 * l.maxFrameMacroblocks &&
        bitrate <= l.maxBitrate,
    ) ?? null
  );
}

/** Why H.264 cannot carry this picture, for the streamer; null when a level can. */
export function h264LevelProblem(width: number, height: number, fps: number, bitrate = 0): string | null {
  if (h264LevelFor(width, height, fps, bitrate)) return null;
  const top = H264_LEVELS[H264_LEVELS.length - 1]!;
  return (
    `H.264 cannot carry ${width}×${height} at ${fps} fps${bitrate > top.maxBitrate ? ` and ${Math.round(bitrate / 1000)} kbit/s` : ''}: ` +
    `that is beyond its highest level, ${top.name} (${top.maxMacroblocksPerSecond.toLocaleString('en')} macroblocks of 16×16 pixels a second, ` +
    `${top.maxFrameMacroblocks.toLocaleString('en')} a frame). Lower the size or the frame rate.`
  );
}

/**
 * `sdp` with every H.264 `profile-level-id` set to `level`, the profile
 * bytes kept (RFC 6184 §8.1: the level says what the sender may send under
 * `level-asymmetry-allowed`, and what the receiver must be ready to decode).
 */
export function withH264Level(sdp: string, level: H264Level): string {
  const byte = level.idc.toString(16).padStart(2, '0');
  return sdp.replace(/^(a=fmtp:\d+ .*profile-level-id=[0-9a-f]{4})[0-9a-f]{2}/gim, `$1${byte}`);
}
