import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RTCPeerConnection, RTCRtpCodecParameters } from 'werift';
import { keyframeSize, type FrameSize } from './rtp-frame-size.js';
import { Outage } from './outage.js';

/**
 * A WHIP endpoint (RFC 9725, twitch-protocols.md §6.2) on 127.0.0.1 whose media server is
 * werift, a WebRTC stack independent of Chromium's: what it counts really crossed the wire.
 *
 * `POST /whip/<mode>[-<anything>]` with an SDP offer; `<mode>` picks the behaviour under test:
 * - `ok`: 201 with the answer, a relative `Location`, an `ETag`; PATCH trickles, DELETE ends.
 * - `ice`: as `ok`, plus STUN/TURN servers in `Link` headers.
 * - `redirect`: 307 to `/whip/ok` (load balancing).
 * - `busy`: 503 + `Retry-After: 1` to the first POST on that exact path, then as `ok`.
 * - `bad`: 400 with a plain-text reason.
 * - `nolocation`: 201 without `Location` (so no PATCH and no DELETE are possible).
 * - `notrickle`: as `ok`, but PATCH answers 501 (neither trickle nor ICE restart).
 * - `slow`: as `ok`, answering after 600 ms.
 * - `vp8only`: a VP8-only room (as a Janus VideoRoom behind a WHIP front end): 201, but the
 *   answer rejects an H.264 video section (`m=video 0`, `a=inactive`, VP8 listed instead).
 * - `noaudio`: 201, but the answer rejects the audio section (`m=audio 0`, `a=inactive`).
 * - `novideo`: 201, but the answer rejects the video section by its port alone (`m=video 0`,
 *   out of the BUNDLE group).
 * - `bundleonly`: as `ok`, the answer written as RFC 8843 §7.3 allows: the bundled audio
 *   section with port 0 and `a=bundle-only`, accepted all the same.
 * - `inuse`: 403 with the reason in the body (someone already publishes there).
 * - `forbidden`: 403 with an empty body.
 * - `unauthorized`: 403 `Unauthorized`, as Janus's WHIP front end refuses a wrong key.
 * A `Bearer bad-key` is refused with 401 whatever the mode.
 *
 * A DELETE is answered once an RTP packet arrives after it, or after 1 s: `mediaAtDelete`
 * then says whether the publisher still sent media when it asked to end the session.
 *
 * `away()` is the server going down and coming back, as Janus restarting does: its media
 * server vanishes without a word (werift sends no DTLS close), its HTTP refuses connections
 * meanwhile, and once back it knows none of the old sessions.
 */

export interface WhipSessionInfo {
  readonly id: string;
  readonly path: string;
  readonly token: string;
  /** RTP packets received, by codec (`video/H264`, `video/VP8`, `audio/opus`). */
  readonly rtp: Record<string, number>;
  /** Epoch ms of the first RTP packet, or null. */
  readonly firstRtpAt: number | null;
  readonly state: string;
  /** Trickle PATCH requests received, and the candidates they carried. */
  readonly patches: number;
  readonly trickled: number;
  readonly deleted: boolean;
  /** Whether media was still arriving when the DELETE came; null before any DELETE. */
  readonly mediaAtDelete: boolean | null;
  /** Whether the offer carried any candidate (false in trickle mode). */
  readonly offerHadCandidates: boolean;
  /** The SDP offer as POSTed. */
  readonly offer: string;
  /** The picture size of each keyframe received, in order (the first few dozen). */
  readonly keyframes: FrameSize[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

interface Session {
  info: Mutable<WhipSessionInfo>;
  /** RTP packets of any kind so far. */
  packets: number;
  pc: RTCPeerConnection;
  etag: string;
  mid: string;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-Match',
  'Access-Control-Allow-Methods': 'POST, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Location, Link, ETag, Retry-After, Accept-Patch',
};

const RECEIVER_CODECS = {
  video: [
    new RTCRtpCodecParameters({ mimeType: 'video/H264', clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }], parameters: 'profile-level-id=42e01f;packetization-mode=1;level-asymmetry-allowed=1' }),
    new RTCRtpCodecParameters({ mimeType: 'video/VP8', clockRate: 90000, rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }] }),
  ],
  audio: [new RTCRtpCodecParameters({ mimeType: 'audio/opus', clockRate: 48000, channels: 2 })],
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

/**
 * What a server that cannot take a section answers (RFC 8829 §5.3.1; Janus does this): port 0,
 * `a=inactive`, and only the codecs it would have taken. `vp8only` rejects the video section
 * when it offers no VP8; `noaudio` rejects the audio section; `novideo` the video section, by
 * its port only. (`bundleonly` rejects nothing: port 0 with `a=bundle-only` inside the BUNDLE
 * group is how RFC 8843 answers every bundled section but the tagged one.)
 */
function rejectSection(answer: string, mode: string, offer: string): string {
  const offersVp8 = / VP8\/90000/.test(offer);
  const [head, ...sections] = answer.split(/\r\n(?=m=)/);
  if (mode === 'bundleonly') {
    return [head, ...sections.map((section) => (section.startsWith('m=audio') ? section.replace(/^(m=audio) \d+/, '$1 0').replace(/^(a=mid:.*)$/m, '$1\r\na=bundle-only') : section))].join('\r\n');
  }
  if (mode === 'novideo') {
    const videoMid = sections.map((section) => (section.startsWith('m=video') ? /^a=mid:(\S+)/m.exec(section)?.[1] : undefined)).find(Boolean);
    return [
      head!.replace(/^(a=group:BUNDLE .*)$/m, (group) => group.split(' ').filter((mid) => mid !== videoMid).join(' ')),
      ...sections.map((section) => (section.startsWith('m=video') ? section.replace(/^(m=video) \d+/, '$1 0') : section)),
    ].join('\r\n');
  }
  return [
    head,
    ...sections.map((section) => {
      if (mode === 'noaudio' && section.startsWith('m=audio')) return section.replace(/^(m=audio) \d+/, '$1 0').replace(/^a=recvonly$/m, 'a=inactive');
      if (mode === 'vp8only' && section.startsWith('m=video') && !offersVp8) {
        const [mline, ...lines] = section.split('\r\n');
        const kept = lines.filter((line) => line && !/^a=(rtpmap|fmtp|rtcp-fb|recvonly)/.test(line));
        const end = section.endsWith('\r\n') ? '\r\n' : '';
        return [mline!.replace(/^m=video \d+ (\S+) .*$/, 'm=video 0 $1 96'), ...kept, 'a=inactive', 'a=rtpmap:96 VP8/90000'].join('\r\n') + end;
      }
      return section;
    }),
  ].join('\r\n');
}

/** Payload type → codec name, from an SDP's rtpmap lines. */
function payloadTypes(sdp: string): Map<number, string> {
  const map = new Map<number, string>();
  let kind = '';
  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith('m=')) kind = line.slice(2).split(' ')[0]!;
    const rtpmap = /^a=rtpmap:(\d+) ([^/]+)\//.exec(line);
    if (rtpmap) map.set(Number(rtpmap[1]), `${kind}/${rtpmap[2]}`);
  }
  return map;
}

export class FakeWhipServer {
  private readonly sessions = new Map<string, Session>();
  private readonly busyPaths = new Set<string>();
  private serial = 0;
  private readonly outage: Outage;

  private constructor(private readonly server: Server) {
    this.outage = new Outage(server);
    server.on('request', (req, res) => void this.handle(req, res).catch((error: unknown) => res.writeHead(500, CORS).end(String(error))));
  }

  static async start(): Promise<FakeWhipServer> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return new FakeWhipServer(server);
  }

  /** `http://127.0.0.1:<port>`; endpoints are `/whip/<mode>`. */
  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  list(): WhipSessionInfo[] {
    return [...this.sessions.values()].map((session) => ({ ...session.info, rtp: { ...session.info.rtp } }));
  }

  /** The receiver vanishes mid-stream: its peer connection closes and the session is gone. */
  async kill(id: string): Promise<boolean> {
    const session = this.sessions.get(id);
    if (!session) return false;
    this.sessions.delete(id);
    await session.pc.close();
    return true;
  }

  /** Down (true): every session vanishes and HTTP is refused; up (false): a fresh server. Returns the POSTs and other requests refused meanwhile. */
  async away(away: boolean): Promise<number> {
    if (away) await Promise.all([...this.sessions.keys()].map((id) => this.kill(id)));
    return this.outage.set(away);
  }

  async close(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((session) => session.pc.close()));
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (req.method === 'OPTIONS') return void res.writeHead(204, { ...CORS, 'Accept-Post': 'application/sdp' }).end();
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const session = /^\/whip\/session\/(\w+)$/.exec(url.pathname);
    if (session) return this.onSession(req, res, session[1]!, await readBody(req));
    const endpoint = /^\/whip\/([a-z0-9]+)/.exec(url.pathname);
    if (!endpoint || req.method !== 'POST') return void res.writeHead(405, CORS).end();
    const body = await readBody(req);
    if (token === 'bad-key') return void res.writeHead(401, { ...CORS, 'Content-Type': 'text/plain' }).end('Invalid stream key');
    if (req.headers['content-type'] !== 'application/sdp') return void res.writeHead(415, CORS).end();

    const mode = endpoint[1]!;
    switch (mode) {
      case 'redirect':
        return void res.writeHead(307, { ...CORS, Location: '/whip/ok' }).end();
      case 'bad':
        return void res.writeHead(400, { ...CORS, 'Content-Type': 'text/plain' }).end('Unsupported codec: this ingest takes H.264 and Opus only');
      case 'inuse':
        return void res.writeHead(403, { ...CORS, 'Content-Type': 'text/plain' }).end('Endpoint already in use');
      case 'forbidden':
        return void res.writeHead(403, CORS).end();
      case 'unauthorized':
        return void res.writeHead(403, { ...CORS, 'Content-Type': 'text/plain' }).end('Unauthorized');
      case 'busy':
        if (!this.busyPaths.has(url.pathname)) {
          this.busyPaths.add(url.pathname);
          return void res.writeHead(503, { ...CORS, 'Retry-After': '1' }).end();
        }
    }
    const created = await this.createSession(url.pathname, token, body);
    if (mode === 'slow') await new Promise((resolve) => setTimeout(resolve, 600));
    const headers: Record<string, string | string[]> = { ...CORS, 'Content-Type': 'application/sdp', ETag: created.etag };
    if (mode !== 'nolocation') headers.Location = `session/${created.info.id}`;
    if (mode === 'ice') {
      headers.Link = [
        '<stun:127.0.0.1:3478>; rel="ice-server"',
        '<turn:127.0.0.1:3478?transport=udp>; rel="ice-server"; username="user"; credential="secret, with a comma"; credential-type="password"',
      ];
    }
    res.writeHead(201, headers).end(rejectSection(created.pc.localDescription!.sdp, mode, body));
  }

  private async createSession(path: string, token: string, offer: string): Promise<Session> {
    const pc = new RTCPeerConnection({
      codecs: RECEIVER_CODECS,
      iceUseIpv6: false,
      iceInterfaceAddresses: { udp4: '127.0.0.1' },
      iceAdditionalHostAddresses: ['127.0.0.1'],
    });
    const id = `s${++this.serial}`;
    const info: Session['info'] = {
      id,
      path,
      token,
      rtp: {},
      firstRtpAt: null,
      state: 'new',
      patches: 0,
      trickled: 0,
      deleted: false,
      mediaAtDelete: null,
      offerHadCandidates: /a=candidate:/.test(offer),
      offer,
      keyframes: [],
    };
    const session: Session = { info, packets: 0, pc, etag: `"${id}-1"`, mid: /a=mid:(\S+)/.exec(offer)?.[1] ?? '0' };
    pc.connectionStateChange.subscribe((state) => (info.state = state));
    // Tracks are announced while the offer is applied: listen before.
    let codecs: Map<number, string> | null = null;
    pc.onTrack.subscribe((track) =>
      track.onReceiveRtp.subscribe((rtp) => {
        codecs ??= payloadTypes(pc.localDescription?.sdp ?? '');
        const codec = codecs.get(rtp.header.payloadType) ?? `pt${rtp.header.payloadType}`;
        info.rtp[codec] = (info.rtp[codec] ?? 0) + 1;
        info.firstRtpAt ??= Date.now();
        session.packets += 1;
        const size = info.keyframes.length < 50 ? keyframeSize(codec, rtp.payload) : null;
        if (size) info.keyframes.push(size);
      }),
    );
    await pc.setRemoteDescription({ type: 'offer', sdp: offer });
    await pc.setLocalDescription(await pc.createAnswer());
    if (pc.iceGatheringState !== 'complete') await new Promise<void>((done) => pc.iceGatheringStateChange.subscribe((state) => state === 'complete' && done()));
    this.sessions.set(id, session);
    return session;
  }

  private async onSession(req: IncomingMessage, res: ServerResponse, id: string, body: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return void res.writeHead(404, CORS).end();
    if (req.method === 'DELETE') {
      session.info.deleted = true;
      const before = session.packets;
      for (let waited = 0; waited < 1000 && session.packets === before; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      session.info.mediaAtDelete = session.packets > before;
      await session.pc.close();
      return void res.writeHead(200, CORS).end();
    }
    if (req.method !== 'PATCH') return void res.writeHead(405, CORS).end();
    session.info.patches += 1;
    if (session.info.path.startsWith('/whip/notrickle')) return void res.writeHead(501, CORS).end();
    if (req.headers['content-type'] !== 'application/trickle-ice-sdpfrag') return void res.writeHead(415, CORS).end();
    const ifMatch = req.headers['if-match'];
    if (!ifMatch) return void res.writeHead(428, CORS).end();
    if (ifMatch !== session.etag) return void res.writeHead(412, CORS).end();
    for (const line of body.split(/\r?\n/)) {
      if (!line.startsWith('a=candidate:')) continue;
      await session.pc.addIceCandidate({ candidate: line.slice(2), sdpMid: session.mid, sdpMLineIndex: 0 });
      session.info.trickled += 1;
    }
    res.writeHead(204, CORS).end();
  }
}
