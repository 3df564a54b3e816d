import { SourceError } from '../core/errors.js';

/** One media section of an SDP, as far as deciding whether it carries our media goes. */
interface MediaSection {
  readonly kind: string;
  /**
   * Port 0 rejects a section (RFC 3264 §6), except one marked `a=bundle-only` inside a BUNDLE
   * group: that is how RFC 8843 §7.3 answers every bundled section but the tagged one.
   */
  readonly rejected: boolean;
  /** `sendrecv` when the section names none (RFC 8866 §6.7). */
  readonly direction: string;
  /** Codec names of its payload types, in order, without the helpers (rtx, red, FEC, DTMF). */
  readonly codecs: string[];
}

/** Payload formats that only help another codec along (retransmission, FEC, comfort noise, DTMF). */
export const HELPER_CODECS: ReadonlySet<string> = new Set(['rtx', 'red', 'ulpfec', 'flexfec-03', 'cn', 'telephone-event']);
const SPOKEN: Record<string, string> = { h264: 'H.264', opus: 'Opus' };
const spoken = (codec: string) => SPOKEN[codec.toLowerCase()] ?? codec.toUpperCase();

function mediaSections(sdp: string): MediaSection[] {
  const [head = '', ...sections] = sdp.split(/\r?\n(?=m=)/);
  const bundled = new Set(/^a=group:BUNDLE (.*)$/m.exec(head)?.[1]?.trim().split(/\s+/) ?? []);
  return sections.map((text) => {
    const [kind = '', port = '0', , ...types] = /^m=(.*)$/m.exec(text)![1]!.trim().split(/\s+/);
    const names = new Map([...text.matchAll(/^a=rtpmap:(\d+) ([^/\s]+)/gm)].map((m) => [m[1]!, m[2]!]));
    const codecs = types.map((type) => names.get(type)).filter((name): name is string => !!name && !HELPER_CODECS.has(name.toLowerCase()));
    const direction = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/m.exec(text)?.[1] ?? 'sendrecv';
    const bundleOnly = /^a=bundle-only\s*$/m.test(text) && bundled.has(/^a=mid:(\S+)/m.exec(text)?.[1] ?? '');
    return { kind, rejected: Number(port) === 0 && !bundleOnly, direction, codecs: [...new Set(codecs)] };
  });
}

/**
 * Checks, before the browser applies it, that a WHIP answer takes every section we send: a
 * server that cannot take one rejects it (port 0, RFC 3264 §6), disables it
 * (`a=inactive`), or answers with none of the offered codecs. Chromium would refuse such an
 * answer with a bare "Failed to set remote answer", or (when only video is rejected) publish
 * audio alone without a word. Returns a `config` error naming what we offered and what the
 * server takes instead, or null when the answer carries everything.
 */
export function answerRefusal(offer: string, answer: string): SourceError | null {
  const answered = mediaSections(answer);
  for (const [index, ours] of mediaSections(offer).entries()) {
    if (ours.direction !== 'sendonly') continue;
    const theirs = answered[index];
    const common = theirs?.codecs.filter((codec) => ours.codecs.some((c) => c.toLowerCase() === codec.toLowerCase())) ?? [];
    const receives = !!theirs && !theirs.rejected && (theirs.direction === 'recvonly' || theirs.direction === 'sendrecv');
    if (receives && common.length > 0) continue;
    const offered = spoken(ours.codecs[0] ?? '?');
    const instead = theirs?.codecs.filter((codec) => !common.includes(codec)).map(spoken) ?? [];
    const how = !theirs || theirs.rejected ? 'rejected' : !receives ? 'disabled' : 'could not take';
    const alternative = instead.length > 0 ? `; it offered ${instead.join(', ')} instead` : '; it named no codec it takes';
    const advice = ours.kind === 'video' ? 'Choose a video codec this server takes' : 'This server does not take the audio this publisher sends (Opus); use another server';
    return new SourceError('config', `The WHIP server ${how} our ${offered} ${ours.kind}${alternative}. ${advice}.`);
  }
  return null;
}
