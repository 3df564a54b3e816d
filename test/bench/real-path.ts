/**
 * The chat benchmark on the path users run (issue 15), driven from scripts/bench.mjs in Node:
 * a local TMI server (test/node/fake-tmi.ts) sends realistic lines over a real WebSocket to
 * - `ovl`: the built chat overlay page (dist/overlays/chat/, tmi.js, <ovl-chat>, third-party
 *   emotes from the fake HTTP server, badges through a token), 450×800 as in OBS;
 * - `providers`: the same page with every opt-in provider on as well (FFZ, BTTV and 7TV
 *   badges, 7TV paints, pronouns; issue 14), answered from the recorded responses;
 * - `naive`: the real ChatSource (tmi.js) and the naive list (test/bench/real-path-page.ts);
 * - `floor`: a 30-line plain-text list on a bare WebSocket.
 * Emote and badge images come from a local HTTPS server standing in for the CDNs, so they load
 * and cache as they do in OBS. Per run: main-thread busy share, p95 frame interval, lines shown
 * (on screen in at least one painted frame) against lines sent, and lag from the server
 * sending a line to its first frame on screen.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright';
import { FakeTmiServer, roomIdOf } from '../node/fake-tmi.js';
import { FakeHttpServer } from '../node/fake-http.js';
import { GOOD_TOKEN } from '../helpers/http.js';
import { pace } from './pace.js';
import { benchLines, ID_PLACEHOLDER, providerLines } from './chat-lines.js';

export type Kind = 'ovl' | 'providers' | 'naive' | 'floor';
/** `plain`: chatters, emotes and badges as before issue 14; `providers`: lines the opt-in providers decorate (test/bench/chat-lines.ts). */
export type Lines = 'plain' | 'providers';

/** The chat page's parameters that turn every opt-in provider on. */
const ALL_PROVIDERS = 'badges=twitch,ffz,bttv,7tv&paints=true&pronouns=true';
/** Stands for each run's channel id in the `providers` lines, as Twitch sends the room's id on every line. */
const ROOM_PLACEHOLDER = '@ROOM@';

export interface RunResult {
  /** Main-thread task time over wall time, as Chromium counts it (CDP TaskDuration). */
  readonly busyPercent: number;
  /**
   * Main-thread CPU time over wall time (CDP ThreadTime). On a shared machine a task that is
   * descheduled keeps counting as task time; this figure does not.
   */
  readonly cpuPercent: number;
  readonly p95FrameMs: number;
  readonly sent: number;
  readonly shown: number;
  /** Lines that would stay on screen for a frame: fewer than a screenful of newer lines followed within 16.7 ms. */
  readonly eligible: number;
  readonly eligibleShown: number;
  readonly lagP95Ms: number;
  readonly skipped: number | null;
  readonly imageRequests: number;
  /** Requests to the fake HTTP APIs (Helix, emotes, badges, 7TV, pronouns) from the page's start. */
  readonly apiRequests: number;
}

/** The CDN hosts chat images come from (Twitch emotes and badges, Twitch's cheermotes, 7TV, BTTV, FFZ). */
const IMAGE_HOSTS = ['static-cdn.jtvnw.net', 'd3aqoihi2n8ty8.cloudfront.net', 'cdn.7tv.app', 'cdn.betterttv.net', 'cdn.frankerfacez.com'];
// A 28×28 PNG, the size of a 1x emote: what matters is that images load, decode and cache.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAABwAAAAcCAYAAAByDd+UAAAAKElEQVR42u3NsQ0AAAgDoJ7u5/ULB8PATDrppQiFQqFQKBQKhcKP4QLqP6JKtsrAnQAAAABJRU5ErkJggg==', 'base64');
const FRAME_MS = 1000 / 60;

/**
 * The image CDNs, on 127.0.0.1 over HTTPS with a throwaway self-signed certificate. The
 * browser reaches it through `resolverRules` and `--ignore-certificate-errors`.
 */
export async function startImageServer() {
  const dir = mkdtempSync(join(tmpdir(), 'ovl-bench-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=bench-images'], { stdio: 'ignore' });
  let requests = 0;
  const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => {
    requests += 1;
    res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400', 'Access-Control-Allow-Origin': '*' }).end(PNG);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  rmSync(dir, { recursive: true, force: true });
  const port = (server.address() as AddressInfo).port;
  return {
    get requests() {
      return requests;
    },
    resolverRules: IMAGE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', '),
    close: () => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done()))),
  };
}

export type ImageServer = Awaited<ReturnType<typeof startImageServer>>;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Sends `total` lines at `rate`; the lines due in each ~4 ms tick share one WebSocket frame, as TMI batches under load. */
export async function send(tmi: FakeTmiServer, channel: string, pool: readonly string[], prefix: string, rate: number, total: number): Promise<number[]> {
  const sentAt: number[] = new Array(total);
  await pace(rate, total, (from, to) => {
    const batch: string[] = [];
    for (let i = from; i < to; i++) batch.push(pool[i % pool.length]!.replaceAll(ID_PLACEHOLDER, `${prefix}${i}`));
    const now = Date.now();
    tmi.push(channel, batch, true);
    sentAt.fill(now, from, to);
  });
  return sentAt;
}

export interface RealPathOptions {
  readonly browser: Browser;
  /** Where the built site (vite build) is served. */
  readonly siteOrigin: string;
  /** The Vite dev server, for the baseline page. */
  readonly devOrigin: string;
  readonly images: ImageServer;
  /** The chat every variant is fed. Default `plain`. */
  readonly lines?: Lines;
}

/** DOM nodes under the chat list's root and the page's JS heap after garbage collection, after `messages` lines. */
export interface SoakSample {
  readonly messages: number;
  readonly nodes: number;
  readonly heapBytes: number;
  /** Requests to the fake HTTP APIs since the page opened: per-chatter lookups, mostly. */
  readonly apiRequests: number;
}

/** A page of one run, joined to its own channel, with the lines of that channel. */
interface OpenRun {
  readonly channel: string;
  readonly pool: readonly string[];
  readonly page: Page;
  readonly context: BrowserContext;
}

/** Lines per crowd of ordinary chatters in the soak. */
const SOAK_CROWD_LINES = 5000;

/** The line with its ordinary chatter (`viewer_N`, user id 50000 + N) swapped for one of crowd `crowd`; decorated chatters stay. */
function newCrowd(line: string, crowd: number): string {
  return line.replace(/([Vv]iewer_)(\d+)/g, `$1${crowd}_$2`).replace(/;user-id=5(\d{4});/, (_, n: string) => `;user-id=${(crowd + 1) * 100_000 + Number(n)};`);
}

/** Nodes under the shadow root of the element `host` finds, and the page's JS heap after garbage collection. */
export async function shadowNodesAndHeap(page: Page, cdp: CDPSession, host: string): Promise<{ nodes: number; heapBytes: number }> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const nodes = await page.evaluate((selector) => {
    const walker = document.createTreeWalker(document.querySelector(selector)!.shadowRoot!, NodeFilter.SHOW_ALL);
    let count = 0;
    while (walker.nextNode()) count += 1;
    return count;
  }, host);
  return { nodes, heapBytes: usedSize };
}

const isOverlay = (kind: Kind) => kind === 'ovl' || kind === 'providers';

export class RealPathBench {
  private runs = 0;
  private readonly pool: string[];
  private readonly onScreen = readFileSync(resolve(import.meta.dirname, 'on-screen.js'), 'utf8');

  private constructor(
    private readonly options: RealPathOptions,
    private readonly tmi: FakeTmiServer,
    private readonly http: FakeHttpServer,
  ) {
    this.pool = options.lines === 'providers' ? providerLines('bench', ROOM_PLACEHOLDER, 20_000) : benchLines('bench', 20_000);
  }

  static async start(options: RealPathOptions): Promise<RealPathBench> {
    const [tmi, http] = await Promise.all([FakeTmiServer.start(), FakeHttpServer.start()]);
    return new RealPathBench(options, tmi, http);
  }

  async close(): Promise<void> {
    await Promise.all([this.tmi.close(), this.http.close()]);
  }

  private url(kind: Kind, channel: string): string {
    const chat = `127.0.0.1:${this.tmi.port}`;
    const page = `${this.options.siteOrigin}/overlays/chat/index.html?channel=${channel}&dev-chat=${chat}&dev-origin=${this.http.origin}`;
    if (kind === 'ovl') return `${page}#token=${GOOD_TOKEN}`;
    if (kind === 'providers') return `${page}&${ALL_PROVIDERS}#token=${GOOD_TOKEN}`;
    return `${this.options.devOrigin}/test/bench/real-path.html?kind=${kind}&channel=${channel}&chat=${this.tmi.port}`;
  }

  /** A fresh page (own cache) joined to a channel of its own, after the providers have had time to load. */
  private async open(kind: Kind): Promise<OpenRun> {
    const channel = `bench_${++this.runs}`;
    // The pool is written for #bench; each run reads its own channel (whose id the fake TMI server gives).
    const pool = this.pool.map((line) => line.replace(' PRIVMSG #bench :', ` PRIVMSG #${channel} :`).replace(`;room-id=${ROOM_PLACEHOLDER};`, `;room-id=${roomIdOf(channel)};`));
    const context = await this.options.browser.newContext({ viewport: { width: 450, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(this.url(kind, channel));
      const deadline = Date.now() + 20_000;
      while (this.tmi.joinCount(channel) === 0 || (!isOverlay(kind) && !(await page.evaluate(() => 'benchReady' in window)))) {
        if (Date.now() > deadline) throw new Error(`${kind}: the page did not join #${channel}`);
        await sleep(50);
      }
      // Emotes and badges load once joined.
      await sleep(700);
      return { channel, pool, page, context };
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  /** One run: a fresh page, joined and warmed up, then `rate` msg/s for `seconds`. */
  async run(kind: Kind, rate: number, seconds: number): Promise<RunResult> {
    // Image requests are counted from the page's start: a fresh context has an empty cache.
    const imagesBefore = this.options.images.requests;
    const apiBefore = this.http.requests().length;
    const { channel, pool, page, context } = await this.open(kind);
    try {
      // A second of chat warms the JIT (and starts the lookups of its chatters), unmeasured.
      await send(this.tmi, channel, pool, 'w', 200, 200);
      await sleep(300);
      await page.evaluate(`(${this.onScreen})(${JSON.stringify(isOverlay(kind) ? 'ovl' : 'plain')})`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const metrics = async () => new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
      const before = await metrics();
      const t0 = Date.now();
      const sentAt = await send(this.tmi, channel, pool, 'b', rate, Math.round(rate * seconds));
      await sleep(250);
      const after = await metrics();
      const wallMs = Date.now() - t0;
      const share = (name: string) => (100 * (after.get(name)! - before.get(name)!) * 1000) / wallMs;
      const report = (await Promise.race([page.evaluate('window.benchOnScreen()'), sleep(20_000).then(() => null)])) as {
        shown: [string, number][];
        frames: number[];
        visible: number;
        skipped: number | null;
      } | null;
      if (!report) throw new Error(`${kind} at ${rate} msg/s: the page did not answer within 20 s`);
      const requests = { images: this.options.images.requests - imagesBefore, api: this.http.requests().length - apiBefore };
      return this.summarise(report, sentAt, share('TaskDuration'), share('ThreadTime'), requests);
    } finally {
      await context.close();
    }
  }

  /**
   * The overlay (`ovl` or `providers`) fed `total` lines in frames of 1,000, each frame sent
   * once the page has drawn the previous one's last line; DOM nodes under the list and the
   * heap after GC (CDP) are sampled after each count in `at`. Every 5,000 lines a new crowd
   * of ordinary chatters takes over, as over a long stream of a big channel: the per-chatter
   * caches (7TV, pronouns) fill up to their bound and must stay there.
   */
  async soak(kind: 'ovl' | 'providers', total: number, at: readonly number[]): Promise<SoakSample[]> {
    const apiBefore = this.http.requests().length;
    const { channel, pool, page, context } = await this.open(kind);
    try {
      const cdp = await context.newCDPSession(page);
      const samples: SoakSample[] = [];
      const batch = 1000;
      for (let sent = 0; sent < total; ) {
        const crowd = Math.floor(sent / SOAK_CROWD_LINES);
        const lines = Array.from({ length: batch }, (_, i) => newCrowd(pool[(sent + i) % pool.length]!.replaceAll(ID_PLACEHOLDER, `s${sent + i}`), crowd));
        this.tmi.push(channel, lines, true);
        sent += batch;
        // The newest line of a frame is always drawn.
        await page.waitForFunction((id) => document.querySelector('ovl-chat')?.shadowRoot?.querySelector(`[data-id="${id}"]`), `s${sent - 1}`, { timeout: 20_000 });
        if (!at.includes(sent)) continue;
        samples.push({ messages: sent, ...(await shadowNodesAndHeap(page, cdp, 'ovl-chat')), apiRequests: this.http.requests().length - apiBefore });
      }
      return samples;
    } finally {
      await context.close();
    }
  }

  private summarise(
    report: { shown: [string, number][]; frames: number[]; visible: number; skipped: number | null },
    sentAt: readonly number[],
    busyPercent: number,
    cpuPercent: number,
    requests: { images: number; api: number },
  ): RunResult {
    const shownAt = new Map<number, number>();
    for (const [id, at] of report.shown) if (id.startsWith('b')) shownAt.set(Number(id.slice(1)), at);
    const lags = [...shownAt].map(([i, at]) => at - sentAt[i]!);
    // A line can stay on screen for a frame only if less than a screenful follows it within a frame.
    let eligible = 0;
    let eligibleShown = 0;
    let j = 0;
    for (let i = 0; i < sentAt.length; i++) {
      while (j < sentAt.length && sentAt[j]! <= sentAt[i]! + FRAME_MS) j++;
      if (j - 1 - i < report.visible) {
        eligible += 1;
        if (shownAt.has(i)) eligibleShown += 1;
      }
    }
    return {
      busyPercent,
      cpuPercent,
      p95FrameMs: percentile(report.frames, 95),
      sent: sentAt.length,
      shown: shownAt.size,
      eligible,
      eligibleShown,
      lagP95Ms: percentile(lags, 95),
      skipped: report.skipped,
      imageRequests: requests.images,
      apiRequests: requests.api,
    };
  }
}
