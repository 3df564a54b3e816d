/**
 * The picture size a receiver would decode, read from the RTP payload of a keyframe without a
 * decoder: for H.264 the sequence parameter set (ITU-T H.264 §7.3.2.1.1, packetised per RFC
 * 6184 as a single NAL unit or inside a STAP-A), for VP8 the keyframe header (RFC 6386 §9.1,
 * after the RTP payload descriptor of RFC 7741 §4.2).
 */
export interface FrameSize {
  readonly width: number;
  readonly height: number;
  /** H.264 only: `level_idc` of the SPS (31 for 3.1, 40 for 4.0…). */
  readonly level?: number;
}

/** The size announced by this RTP payload, if it starts a keyframe; null otherwise. */
export function keyframeSize(codec: string, payload: Uint8Array): FrameSize | null {
  if (codec === 'video/H264') return h264Size(payload);
  if (codec === 'video/VP8') return vp8Size(payload);
  return null;
}

function h264Size(payload: Uint8Array): FrameSize | null {
  const type = (payload[0] ?? 0) & 0x1f;
  if (type === 7) return parseSps(payload.subarray(1));
  if (type !== 24) return null;
  // STAP-A: [16-bit size][NAL unit] repeated.
  for (let at = 1; at + 2 < payload.length; ) {
    const size = (payload[at]! << 8) | payload[at + 1]!;
    const nal = payload.subarray(at + 2, at + 2 + size);
    if ((nal[0]! & 0x1f) === 7) return parseSps(nal.subarray(1));
    at += 2 + size;
  }
  return null;
}

function vp8Size(payload: Uint8Array): FrameSize | null {
  const first = payload[0] ?? 0;
  // Only the first packet of partition 0 carries the frame header.
  if (!(first & 0x10) || (first & 0x07) !== 0) return null;
  let at = 1;
  if (first & 0x80) {
    const extension = payload[at++]!;
    if (extension & 0x80) at += payload[at]! & 0x80 ? 2 : 1;
    if (extension & 0x40) at += 1;
    if (extension & 0x30) at += 1;
  }
  const frame = payload.subarray(at);
  const keyframe = (frame[0]! & 0x01) === 0;
  if (!keyframe || frame[3] !== 0x9d || frame[4] !== 0x01 || frame[5] !== 0x2a) return null;
  return { width: (frame[6]! | (frame[7]! << 8)) & 0x3fff, height: (frame[8]! | (frame[9]! << 8)) & 0x3fff };
}

/** Width, height and level from an SPS (without its NAL header byte). */
function parseSps(escaped: Uint8Array): FrameSize {
  const bits = new BitReader(unescapeRbsp(escaped));
  const profile = bits.read(8);
  bits.read(8); // constraint flags
  const level = bits.read(8);
  bits.ue(); // seq_parameter_set_id
  let chromaFormat = 1;
  if ([100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135].includes(profile)) {
    chromaFormat = bits.ue();
    if (chromaFormat === 3) bits.read(1);
    bits.ue(); // bit_depth_luma_minus8
    bits.ue(); // bit_depth_chroma_minus8
    bits.read(1);
    if (bits.read(1)) for (let i = 0; i < (chromaFormat === 3 ? 12 : 8); i++) if (bits.read(1)) skipScalingList(bits, i < 6 ? 16 : 64);
  }
  bits.ue(); // log2_max_frame_num_minus4
  const pocType = bits.ue();
  if (pocType === 0) bits.ue();
  else if (pocType === 1) {
    bits.read(1);
    bits.se();
    bits.se();
    for (let n = bits.ue(); n > 0; n--) bits.se();
  }
  bits.ue(); // max_num_ref_frames
  bits.read(1);
  const widthMbs = bits.ue() + 1;
  const heightMapUnits = bits.ue() + 1;
  const frameMbsOnly = bits.read(1);
  if (!frameMbsOnly) bits.read(1);
  bits.read(1); // direct_8x8_inference_flag
  const crop = bits.read(1) ? [bits.ue(), bits.ue(), bits.ue(), bits.ue()] : [0, 0, 0, 0];
  // Cropping is in chroma samples: 2 luma samples for 4:2:0 (and 4:2:2 across), doubled down for fields.
  const unitX = chromaFormat === 1 || chromaFormat === 2 ? 2 : 1;
  const unitY = (chromaFormat === 1 ? 2 : 1) * (2 - frameMbsOnly);
  return {
    width: widthMbs * 16 - unitX * (crop[0]! + crop[1]!),
    height: (2 - frameMbsOnly) * heightMapUnits * 16 - unitY * (crop[2]! + crop[3]!),
    level,
  };
}

function skipScalingList(bits: BitReader, size: number): void {
  let last = 8;
  let next = 8;
  for (let j = 0; j < size; j++) {
    if (next !== 0) next = (last + bits.se() + 256) % 256;
    last = next === 0 ? last : next;
  }
}

/** Drops the emulation-prevention bytes (00 00 03 → 00 00). */
function unescapeRbsp(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 3 && i >= 2 && bytes[i - 1] === 0 && bytes[i - 2] === 0) continue;
    out.push(bytes[i]!);
  }
  return Uint8Array.from(out);
}

class BitReader {
  private position = 0;
  constructor(private readonly bytes: Uint8Array) {}

  read(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++, this.position++) {
      const byte = this.bytes[this.position >> 3] ?? 0;
      value = value * 2 + ((byte >> (7 - (this.position & 7))) & 1);
    }
    return value;
  }

  /** Exp-Golomb, unsigned. */
  ue(): number {
    let zeros = 0;
    while (this.read(1) === 0 && zeros < 32) zeros++;
    return 2 ** zeros - 1 + this.read(zeros);
  }

  se(): number {
    const value = this.ue();
    return value % 2 ? (value + 1) / 2 : -value / 2;
  }
}
