/** A publisher's live numbers, from `RTCPeerConnection.getStats()`, one sample per second. */
export interface PublishStats {
  readonly connectionState: RTCPeerConnectionState;
  /** Sent over the last sample period, in kbit/s (payload and headers). */
  readonly videoKbps: number;
  readonly audioKbps: number;
  readonly framesEncoded: number;
  readonly framesSent: number;
  /** Frame rate and picture size actually sent, as the encoder reports them (not the source's); null before the first frames. */
  readonly framesPerSecond: number | null;
  readonly frameWidth: number | null;
  readonly frameHeight: number | null;
  /** What the server reported lost (RTCP receiver reports), video and audio together. */
  readonly packetsLost: number;
  /** From RTCP or ICE, whichever is known; null before the first report. */
  readonly roundTripTimeMs: number | null;
  /** e.g. `video/H264`. */
  readonly videoCodec: string | null;
  /** Why the encoder is holding back: `none`, `bandwidth`, `cpu`. */
  readonly qualityLimitation: string | null;
}

type Report = Record<string, unknown> & { type: string; id: string; timestamp: number };
const num = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** Turns successive `getStats()` reports into PublishStats (bitrates need two samples). */
export class StatsSampler {
  private previous = new Map<string, { bytes: number; timestamp: number }>();

  constructor(private readonly pc: RTCPeerConnection) {}

  async sample(): Promise<PublishStats> {
    const reports: Report[] = [];
    (await this.pc.getStats()).forEach((report: Report) => reports.push(report));
    const byId = new Map(reports.map((r) => [r.id, r]));
    const kbps = { video: 0, audio: 0 };
    let framesEncoded = 0;
    let framesSent = 0;
    let framesPerSecond: number | null = null;
    let frameWidth: number | null = null;
    let frameHeight: number | null = null;
    let videoCodec: string | null = null;
    let qualityLimitation: string | null = null;
    let packetsLost = 0;
    let rtt: number | null = null;
    const next = new Map<string, { bytes: number; timestamp: number }>();
    for (const report of reports) {
      if (report.type === 'outbound-rtp') {
        const kind = report.kind === 'audio' ? 'audio' : 'video';
        const bytes = num(report.bytesSent) + num(report.headerBytesSent);
        const before = this.previous.get(report.id);
        if (before && report.timestamp > before.timestamp) kbps[kind] += ((bytes - before.bytes) * 8) / (report.timestamp - before.timestamp);
        next.set(report.id, { bytes, timestamp: report.timestamp });
        if (kind === 'video') {
          framesEncoded += num(report.framesEncoded);
          framesSent += num(report.framesSent);
          if (typeof report.framesPerSecond === 'number') framesPerSecond = report.framesPerSecond;
          if (typeof report.frameWidth === 'number') frameWidth = report.frameWidth;
          if (typeof report.frameHeight === 'number') frameHeight = report.frameHeight;
          if (typeof report.qualityLimitationReason === 'string') qualityLimitation = report.qualityLimitationReason;
          const codec = byId.get(String(report.codecId));
          if (codec && typeof codec.mimeType === 'string') videoCodec = codec.mimeType;
        }
      } else if (report.type === 'remote-inbound-rtp') {
        packetsLost += num(report.packetsLost);
        if (typeof report.roundTripTime === 'number') rtt = report.roundTripTime * 1000;
      } else if (report.type === 'candidate-pair' && report.nominated && typeof report.currentRoundTripTime === 'number') {
        rtt ??= report.currentRoundTripTime * 1000;
      }
    }
    this.previous = next;
    return {
      connectionState: this.pc.connectionState,
      videoKbps: Math.round(kbps.video),
      audioKbps: Math.round(kbps.audio),
      framesEncoded,
      framesSent,
      framesPerSecond,
      frameWidth,
      frameHeight,
      packetsLost,
      roundTripTimeMs: rtt === null ? null : Math.round(rtt),
      videoCodec,
      qualityLimitation,
    };
  }
}
