import type { Studio } from '../../video/studio.js';

const orDash = (value: number | string | null | undefined, unit = '') => (value === null || value === undefined ? '–' : `${value}${unit}`);

/** The studio's live numbers as label/value rows, for `<ovl-studio>`'s table. */
export function studioStatsRows(studio: Studio): [string, string][] {
  const { video, audio, stats } = studio;
  const level = studio.h264Level ? ` (H.264 level ${studio.h264Level.name})` : '';
  return [
    ['Picture drawn', `${video.canvas.width}×${video.canvas.height} at ${video.fps} fps${level}`],
    // What the encoder really sends: under load it may drop frames, or (contentHint motion) shrink them.
    ['Picture sent', stats?.frameWidth ? `${stats.frameWidth}×${stats.frameHeight ?? 0} at ${orDash(stats.framesPerSecond, ' fps')}` : '–'],
    ['Frames made', `${video.stats.ticks} (${video.stats.repeated} repeats, buffer ${Math.round(video.bufferFill * 100)} %)`],
    ['Audio buffer', `${Math.round(audio.bufferFill * 100)} %`],
    ['Connection', orDash(stats?.connectionState)],
    ['Video', stats ? `${stats.videoKbps} kbit/s, ${orDash(stats.videoCodec)}` : '–'],
    ['Audio', stats ? `${stats.audioKbps} kbit/s` : '–'],
    ['Frames sent', stats ? `${stats.framesSent} of ${stats.framesEncoded} encoded` : '–'],
    ['Packets lost', orDash(stats?.packetsLost)],
    ['Round trip', orDash(stats?.roundTripTimeMs, ' ms')],
    ['Encoder limited by', orDash(stats?.qualityLimitation)],
  ];
}
