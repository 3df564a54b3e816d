/** Video codecs a publisher can ask for. Twitch takes H.264 only (twitch-protocols.md §6.1). */
export type VideoCodec = 'h264' | 'vp8' | 'vp9' | 'av1';

export const VIDEO_CODECS: readonly VideoCodec[] = ['h264', 'vp8', 'vp9', 'av1'];

/**
 * What the encoder keeps when bandwidth or CPU run short: `detail` the picture size,
 * `motion` the frame rate (the track's `contentHint`, and the sender's `degradationPreference`).
 */
export const CONTENT_HINTS = ['detail', 'motion'] as const;
export type ContentHint = (typeof CONTENT_HINTS)[number];

const MIME: Record<VideoCodec, string> = { h264: 'video/h264', vp8: 'video/vp8', vp9: 'video/vp9', av1: 'video/av1' };

/** Constrained Baseline 3.1 with packetization-mode 1: what every H.264 ingest decodes (§6.1). */
const H264_BASELINE = /profile-level-id=42e01f/i;

/**
 * The codec list to hand `setCodecPreferences`: only `codec` (so the offer cannot fall back
 * to one the server rejects), for H.264 Constrained Baseline first and packetization-mode 1
 * before 0. Empty when this browser cannot send `codec`.
 */
export function videoPreferences(capabilities: readonly RTCRtpCodec[], codec: VideoCodec): RTCRtpCodec[] {
  const wanted = capabilities.filter((c) => c.mimeType.toLowerCase() === MIME[codec]);
  if (codec !== 'h264') return wanted;
  const rank = (c: RTCRtpCodec) => (H264_BASELINE.test(c.sdpFmtpLine ?? '') ? 0 : 2) + (/packetization-mode=1/.test(c.sdpFmtpLine ?? '') ? 0 : 1);
  return [...wanted].sort((a, b) => rank(a) - rank(b));
}

/** Opus only: the one audio codec every WHIP ingest takes (§6.1). */
export function audioPreferences(capabilities: readonly RTCRtpCodec[]): RTCRtpCodec[] {
  return capabilities.filter((c) => c.mimeType.toLowerCase() === 'audio/opus');
}
