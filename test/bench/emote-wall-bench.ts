/**
 * The emote wall's benchmark (issue 24), driven from scripts/bench.mjs in Node, on the path
 * users run: the built page (dist/overlays/emote-wall/, tmi.js, <ovl-emote-wall>, 7TV/BTTV/FFZ
 * global emotes from the fake HTTP server) at 1920×1080 as in OBS, fed realistic chat
 * (test/bench/chat-lines.ts) over a real WebSocket by a local TMI server, emote images from the
 * local HTTPS stand-in for the CDNs. Three figures: frame intervals and main-thread share with
 * the wall full while chat runs; the main thread's share once chat stops and the emotes left;
 * DOM nodes and heap over a long run.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright';
import { FakeTmiServer, roomIdOf } from '../node/fake-tmi.js';
import { FakeHttpServer } from '../node/fake-http.js';
import { benchLines, ID_PLACEHOLDER } from './chat-lines.js';
import { send, shadowNodesAndHeap } from './real-path.js';

export interface WallOptions {
  readonly browser: Browser;
  /** Where the built site is served. */
  readonly siteOrigin: string;
}

export interface ChatRunResult {
  readonly p95FrameMs: number;
  /** Main-thread task time over wall time (CDP TaskDuration), and CPU time over wall time (ThreadTime). */
  readonly busyPercent: number;
  readonly cpuPercent: number;
  /** Emotes on screen, sampled each 100 ms while chat ran (after the first lifetime): lowest and median. */
  readonly onScreenMin: number;
  readonly onScreenMedian: number;
  readonly spritesMade: number;
  readonly imageRequests: number;
}

export interface IdleResult {
  readonly busyPercent: number;
  readonly cpuPercent: number;
  readonly onScreen: number;
}

export interface SoakSample {
  readonly messages: number;
  /** Nodes under the wall's shadow root. */
  readonly nodes: number;
  readonly heapBytes: number;
}

/** A page of one run, joined to its own channel, with the lines of that channel. */
interface OpenWall {
  readonly channel: string;
  readonly pool: readonly string[];
  readonly page: Page;
  readonly context: BrowserContext;
  readonly cdp: CDPSession;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// Evaluated in the page: records rAF frame intervals and samples the emotes on screen (if a
// wall is there) every 100 ms; `benchStop` returns them.
function record(): void {
  const wall = document.querySelector('ovl-emote-wall') as (HTMLElement & { onScreen: number }) | null;
  const state = { frames: [] as number[], onScreen: [] as number[], running: true };
  let last = 0;
  const tick = (t: number) => {
    if (last) state.frames.push(t - last);
    last = t;
    if (state.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  const sampler = setInterval(() => state.onScreen.push(wall?.onScreen ?? 0), 100);
  Object.assign(window, {
    benchStop: () => {
      state.running = false;
      clearInterval(sampler);
      return { frames: state.frames, onScreen: state.onScreen };
    },
  });
}

// Evaluated in the page: counts the messages the wall's feed delivered (`benchMessages`).
function countMessages(): void {
  const wall = document.querySelector('ovl-emote-wall') as HTMLElement & { source: EventTarget };
  const counter = { messages: 0 };
  wall.source.addEventListener('message', () => (counter.messages += 1));
  Object.assign(window, { benchMessages: () => counter.messages });
}

export class EmoteWallBench {
  private runs = 0;
  private readonly pool = benchLines('bench', 20_000);

  private constructor(
    private readonly options: WallOptions,
    private readonly tmi: FakeTmiServer,
    private readonly http: FakeHttpServer,
  ) {}

  static async start(options: WallOptions): Promise<EmoteWallBench> {
    const [tmi, http] = await Promise.all([FakeTmiServer.start(), FakeHttpServer.start()]);
    return new EmoteWallBench(options, tmi, http);
  }

  async close(): Promise<void> {
    await Promise.all([this.tmi.close(), this.http.close()]);
  }

  /** A fresh page (own cache) at 1920×1080 joined to a channel of its own, its global emotes loaded. */
  private async open(query: string): Promise<OpenWall> {
    const channel = `wall_${++this.runs}`;
    const pool = this.pool.map((line) => line.replace(' PRIVMSG #bench :', ` PRIVMSG #${channel} :`).replace(/;room-id=\d+;/, `;room-id=${roomIdOf(channel)};`));
    const context = await this.options.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await context.newPage();
      await page.goto(`${this.options.siteOrigin}/overlays/emote-wall/index.html?channel=${channel}&${query}&dev-chat=127.0.0.1:${this.tmi.port}&dev-origin=${this.http.origin}`);
      const deadline = Date.now() + 20_000;
      while (this.tmi.joinCount(channel) === 0) {
        if (Date.now() > deadline) throw new Error(`emote wall: the page did not join #${channel}`);
        await sleep(50);
      }
      // The third-party emotes load once joined.
      await sleep(700);
      await page.evaluate(`(${countMessages})()`);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      return { channel, pool, page, context, cdp };
    } catch (error) {
      await context.close();
      throw error;
    }
  }

  private static async metrics(cdp: CDPSession): Promise<Map<string, number>> {
    return new Map((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  }

  /** Main-thread task and CPU time while `during` runs, each as a percentage of the wall time. */
  private static async share(cdp: CDPSession, during: () => Promise<unknown>): Promise<{ busyPercent: number; cpuPercent: number }> {
    const before = await EmoteWallBench.metrics(cdp);
    const t0 = Date.now();
    await during();
    const after = await EmoteWallBench.metrics(cdp);
    const wallMs = Date.now() - t0;
    const share = (name: string) => (100 * (after.get(name)! - before.get(name)!) * 1000) / wallMs;
    return { busyPercent: share('TaskDuration'), cpuPercent: share('ThreadTime') };
  }

  /**
   * Chat at `rate` msg/s for `seconds` into a wall of at most `maxOnScreen` emotes, each on
   * screen `lifetime` s; measured after a first lifetime of chat has filled it. Then chat stops:
   * once every emote has left, the main thread's share over `idleSeconds`.
   */
  async run(rate: number, seconds: number, { maxOnScreen, lifetime, idleSeconds }: { maxOnScreen: number; lifetime: number; idleSeconds: number }, images: { readonly requests: number }) {
    const imagesBefore = images.requests;
    const { channel, pool, page, context, cdp } = await this.open(`max-on-screen=${maxOnScreen}&lifetime=${lifetime}`);
    try {
      await send(this.tmi, channel, pool, 'w', rate, Math.round(rate * lifetime));
      await page.evaluate(`(${record})()`);
      const chat = await EmoteWallBench.share(cdp, () => send(this.tmi, channel, pool, 'b', rate, Math.round(rate * seconds)));
      const { frames, onScreen } = (await page.evaluate('window.benchStop()')) as { frames: number[]; onScreen: number[] };
      const spritesMade = (await page.evaluate('document.querySelector("ovl-emote-wall").spritesMade')) as number;
      const running: ChatRunResult = {
        p95FrameMs: percentile(frames, 95),
        ...chat,
        onScreenMin: Math.min(...onScreen),
        onScreenMedian: percentile(onScreen, 50),
        spritesMade,
        imageRequests: images.requests - imagesBefore,
      };
      await page.waitForFunction(() => (document.querySelector('ovl-emote-wall') as HTMLElement & { onScreen: number }).onScreen === 0, null, { timeout: (lifetime + 10) * 1000 });
      await sleep(500);
      const idle: IdleResult = {
        ...(await EmoteWallBench.share(cdp, () => sleep(idleSeconds * 1000))),
        onScreen: (await page.evaluate('document.querySelector("ovl-emote-wall").onScreen')) as number,
      };
      return { running, idle };
    } finally {
      await context.close();
    }
  }

  /**
   * The floor the machine gives in the same round: an empty page at 1920×1080 running only the
   * frame recorder for `seconds`; its p95 frame interval.
   */
  async emptyPageFrames(seconds: number): Promise<number> {
    const context = await this.options.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await context.newPage();
      await page.evaluate(`(${record})()`);
      await sleep(seconds * 1000);
      const { frames } = (await page.evaluate('window.benchStop()')) as { frames: number[] };
      return percentile(frames, 95);
    } finally {
      await context.close();
    }
  }

  /**
   * `total` messages in frames of 1,000, each frame sent once the wall's feed delivered the
   * previous one; DOM nodes under the wall and the heap after GC sampled after each count in `at`.
   */
  async soak(total: number, at: readonly number[], maxOnScreen: number): Promise<SoakSample[]> {
    const { channel, pool, page, context, cdp } = await this.open(`max-on-screen=${maxOnScreen}`);
    try {
      const samples: SoakSample[] = [];
      const batch = 1000;
      for (let sent = 0; sent < total; ) {
        this.tmi.push(channel, Array.from({ length: batch }, (_, i) => pool[(sent + i) % pool.length]!.replaceAll(ID_PLACEHOLDER, `s${sent + i}`)), true);
        sent += batch;
        await page.waitForFunction((count) => (window as unknown as { benchMessages(): number }).benchMessages() >= count, sent, { timeout: 20_000 });
        if (!at.includes(sent)) continue;
        samples.push({ messages: sent, ...(await shadowNodesAndHeap(page, cdp, 'ovl-emote-wall')) });
      }
      return samples;
    } finally {
      await context.close();
    }
  }
}
