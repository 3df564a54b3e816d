import { HELPER_CODECS } from './answer-check.js';

/**
 * `answer` with Chromium's `x-google-start-bitrate` (kbit/s) on every video codec it accepts:
 * where the bandwidth estimate starts. Without it Chromium starts at 300 kbit/s and grows the
 * estimate over seconds, so the first seconds come out small (or, with `maintain-resolution`,
 * at a few frames a second). It belongs in the remote description, which sets what is sent;
 * other browsers ignore it.
 */
export function withStartBitrate(answer: string, bitrate: number): string {
  const kbps = Math.round(bitrate / 1000);
  return answer
    .split(/\r\n(?=m=)/)
    .map((section) => {
      const mline = /^m=video \d+ \S+ (.*)$/m.exec(section);
      if (!mline) return section;
      let out = section;
      for (const type of mline[1]!.trim().split(/\s+/)) {
        const codec = new RegExp(`^a=rtpmap:${type} ([^/\\s]+)`, 'm').exec(out)?.[1];
        if (!codec || HELPER_CODECS.has(codec.toLowerCase())) continue;
        const fmtp = new RegExp(`^a=fmtp:${type} .*$`, 'm');
        out = fmtp.test(out)
          ? out.replace(fmtp, (line) => `${line};x-google-start-bitrate=${kbps}`)
          : out.replace(new RegExp(`^a=rtpmap:${type} .*$`, 'm'), (line) => `${line}\r\na=fmtp:${type} x-google-start-bitrate=${kbps}`);
      }
      return out;
    })
    .join('\r\n');
}
