#!/usr/bin/env node
// `npm run bench`: measures the chat overlay in headless Chromium against a naive baseline
// measured in the same run, and the gzip size of the built chat page. Prints figures and ratios.
// Everything is served from 127.0.0.1; nothing reaches the network.
// `npm run bench -- chat`, `-- users`, `-- eventsub`, `-- heatmap`, `-- video` or `-- alerts` runs one part only.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, createServer } from 'vite';
import { chromium } from 'playwright';

const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-quic', '--no-first-run', '--js-flags=--expose-gc', '--enable-precise-memory-info',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];
const FRAME_BUDGET_MS = 1000 / 60;
// rAF intervals in headless Chromium jitter by a fraction of a millisecond around 16.67 ms; a
// dropped frame shows as ~33 ms. "p95 under one frame" therefore allows that jitter.
const FRAME_TOLERANCE_MS = 1.5;

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

async function pageSize() {
  const outDir = mkdtempSync(join(tmpdir(), 'ovl-bench-'));
  try {
    await build({ logLevel: 'silent', build: { outDir, manifest: true, emptyOutDir: true } });
    const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
    const gz = (file) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length;
    const entryKey = 'overlays/chat/index.html';
    const seen = new Set();
    let initial = gz(entryKey);
    const walk = (key) => {
      const chunk = manifest[key];
      if (!chunk || seen.has(key)) return;
      seen.add(key);
      initial += gz(chunk.file);
      for (const css of chunk.css ?? []) initial += gz(css);
      for (const dep of chunk.imports ?? []) walk(dep);
    };
    walk(entryKey);
    const lazy = Object.entries(manifest)
      .filter(([key, c]) => c.isDynamicEntry && !seen.has(key))
      .map(([key, c]) => ({ name: key.replace(/^src\//, ''), bytes: gz(c.file) }));
    return { initial, lazy };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const only = process.argv[2];
const wants = (part) => !only || only === part;

async function main() {
  // Built before the dev server starts: that sets NODE_ENV=development, which would bundle Lit's dev build.
  const size = wants('chat') ? await pageSize() : null;
  const server = await createServer({ logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  const { port } = server.httpServer.address();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto(`http://127.0.0.1:${port}/test/bench/bench.html`);
    await page.waitForFunction(() => 'benchDrive' in window, null, { timeout: 60_000 });
    // Main-thread busy share = Chromium's own task time (CDP Performance.TaskDuration) / wall time.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
    const drive = async (kind, rate, seconds) => {
      await page.evaluate(([k, r, s]) => window.benchPrepare(k, r, s), [kind, rate, seconds]);
      const before = await taskSeconds();
      const result = await page.evaluate(() => window.benchDrive());
      const busy = (await taskSeconds()) - before;
      return { ...result, busyPercent: (100 * busy * 1000) / result.wallMs };
    };
    const soak = (kind, total) => page.evaluate(([k, t]) => window.benchSoak(k, t), [kind, total]);
    if (wants('chat')) {
      await drive('ovl', 200, 1); // warm-up: JIT, styles, fonts

      console.log('\nChat overlay benchmark (headless Chromium, 800×600, max 50 lines)\n');
      console.log('Sustained rate: p95 rAF frame interval per message rate (≤ 16.7 ms + jitter means no dropped frames)');
      const rates = [250, 1000, 2500, 5000, 10000, 20000, 40000, 80000];
      const sustained = { ovl: 0, naive: 0 };
      // A variant that dropped frames at two rates in a row is not run at higher ones: it cannot
      // keep up, and its run would stretch far past its length.
      const failures = { ovl: 0, naive: 0 };
      console.log('  msg/s     ovl-chat p95   naive p95');
      for (const rate of rates) {
        const cells = [];
        for (const kind of ['ovl', 'naive']) {
          if (failures[kind] >= 2) {
            cells.push('skipped');
            continue;
          }
          const r = await drive(kind, rate, 3);
          const ok = r.p95FrameMs <= FRAME_BUDGET_MS + FRAME_TOLERANCE_MS;
          failures[kind] = ok ? 0 : failures[kind] + 1;
          if (ok) sustained[kind] = Math.max(sustained[kind], rate);
          cells.push(`${fmt(r.p95FrameMs)} ms`);
        }
        console.log(`  ${String(rate).padStart(6)}   ${cells[0].padStart(11)}   ${cells[1].padStart(9)}`);
    }
    console.log(`  highest sustained: ovl-chat ${sustained.ovl} msg/s, naive ${sustained.naive} msg/s (${fmt(sustained.ovl / Math.max(sustained.naive, 1), 2)}×)\n`);

    console.log('Main-thread busy share (Chromium task time / wall time, parsing included for both)');
    for (const rate of [60, 200, 1000]) {
      const ovl = await drive('ovl', rate, 6);
      const naive = await drive('naive', rate, 6);
      console.log(`  ${rate} msg/s: ovl-chat ${fmt(ovl.busyPercent)}%, naive ${fmt(naive.busyPercent)}%, ratio ${fmt(ovl.busyPercent / naive.busyPercent, 2)}×`);
    }

    console.log('\nAfter 300,000 messages (DOM nodes under the list root; JS heap after GC)');
    for (const kind of ['ovl', 'naive']) {
      const [first, last] = await soak(kind, 300_000);
      const name = kind === 'ovl' ? 'ovl-chat' : 'naive   ';
      console.log(
        `  ${name}: nodes ${first.nodes} at 1k → ${last.nodes} at 300k (${fmt((100 * (last.nodes - first.nodes)) / first.nodes)}%), heap ${kb(first.heapBytes)} → ${kb(last.heapBytes)}`,
      );
    }
    }

    if (wants('users')) {
      const { FakeHttpServer } = await server.ssrLoadModule('/test/node/fake-http.ts');
      const { GOOD_TOKEN, TEST_CLIENT_ID } = await server.ssrLoadModule('/test/helpers/http.ts');
      const helixServer = await FakeHttpServer.start();
      try {
        const endpoints = { helix: `${helixServer.origin}/helix`, id: `${helixServer.origin}/id` };
        const r = await page.evaluate(([e, t, c]) => window.benchUsers(e, t, c, 10_000, 2_000), [endpoints, GOOD_TOKEN, TEST_CLIENT_ID]);
        const served = helixServer.requests('/helix/users').length;
        console.log(`\nUser lookups: a burst of 10,000 lookups of ${r.distinct.toLocaleString('en')} distinct users, against a local Helix`);
        console.log(`  UserDirectory: ${r.ours.requests} requests, ${fmt(r.ours.ms, 0)} ms, ${r.ours.resolved.toLocaleString('en')} users resolved`);
        console.log(`  PyWitch-style: ${r.pywitch.requests.toLocaleString('en')} requests, ${fmt(r.pywitch.ms, 0)} ms (one per user not yet cached)`);
        console.log(`  ${fmt(r.pywitch.requests / r.ours.requests, 0)}× fewer requests; the server saw ${served.toLocaleString('en')} in all`);
      } finally {
        await helixServer.close();
    }
    }

    if (wants('heatmap')) {
      console.log('\nHeatmap, 1920×1080: full redraw (median) and cost of adding one click, beside simpleheat 0.4 in the same page');
      console.log('  points     ovl-heatmap redraw   simpleheat redraw   ratio    add/click ours   add/click simpleheat');
      for (const [count, theirDraws] of [[10_000, 3], [100_000, 1]]) {
        const r = await page.evaluate(([c, d]) => window.heatBench(c, 15, d), [count, theirDraws]);
        console.log(
          `  ${count.toLocaleString('en').padStart(7)}   ${fmt(r.oursMs, 2).padStart(12)} ms   ${fmt(r.theirsMs, 1).padStart(14)} ms   ${fmt(r.theirsMs / r.oursMs, 0).padStart(4)}×   ${fmt(r.oursAddUs, 2).padStart(10)} µs   ${fmt(r.theirsAddUs, 2).padStart(12)} µs (+ its redraw)`,
        );
      }
    }

    if (wants('video')) {
      const { FakeWhipServer } = await server.ssrLoadModule('/test/node/fake-whip.ts');
      const whip = await FakeWhipServer.start();
      try {
        console.log('\nVideo out: the studio scene, 1280×720 at 30 fps, published for 10 s to a local WHIP receiver (werift), H.264');
        console.log('  variant            frames offered   encoded    ratio   main thread/frame (median)   start → first RTP');
        const rows = {};
        // Warm-up (JIT, encoder, the receiver's first session), not reported.
        await page.evaluate((e) => window.videoBench(e, 'ours', 2), `${whip.origin}/whip/ok-bench-warmup`);
        for (const kind of ['ours', 'baseline']) {
          const path = `/whip/ok-bench-${kind}-${Date.now()}`;
          const r = await page.evaluate(([e, k]) => window.videoBench(e, k, 10), [`${whip.origin}${path}`, kind]);
          const session = whip.list().find((s) => s.path === path);
          const firstRtpMs = session?.firstRtpAt ? session.firstRtpAt - r.startedAt : NaN;
          rows[kind] = r;
          const name = kind === 'ours' ? 'CanvasFrameSource' : 'timer+captureStream';
          console.log(
            `  ${name.padEnd(19)} ${String(r.offered).padStart(9)}   ${String(r.encoded).padStart(9)}   ${fmt((100 * r.encoded) / r.offered, 0).padStart(4)} %   ${fmt(r.medianTickMs, 2).padStart(14)} ms   ${fmt(firstRtpMs, 0).padStart(19)} ms`,
          );
        }
        console.log(`  main-thread time per frame, ours / baseline: ${fmt(rows.ours.medianTickMs / rows.baseline.medianTickMs, 2)}×`);
      } finally {
        await whip.close();
      }
    }

    if (wants('eventsub')) {
      const { FakeHttpServer } = await server.ssrLoadModule('/test/node/fake-http.ts');
      const { FakeEventSubServer } = await server.ssrLoadModule('/test/node/fake-eventsub.ts');
      const { GOOD_TOKEN, TEST_CLIENT_ID } = await server.ssrLoadModule('/test/helpers/http.ts');
      const [helixServer, eventsub] = await Promise.all([FakeHttpServer.start(), FakeEventSubServer.start()]);
      helixServer.eventsub = eventsub;
      try {
        const endpoints = { helix: `${helixServer.origin}/helix`, id: `${helixServer.origin}/id` };
        await page.evaluate(([u, e, t, c]) => window.eventsubAttach(u, e, t, c), [eventsub.url, endpoints, GOOD_TOKEN, TEST_CLIENT_ID]);
        const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
        const cycles = [];
        let seq = 0;
        for (let i = 0; i < 100; i++) {
          const before = await page.evaluate(() => window.eventsubSession());
          const t0 = Date.now();
          eventsub.reconnect();
          const end = t0 + 120;
          while (Date.now() < end) {
            eventsub.notify('bench.event', { seq: ++seq });
            await sleep(2);
          }
          await sleep(40);
          cycles.push({ t0, before });
        }
        await sleep(200);
        const report = await page.evaluate(() => window.eventsubReport());
        const seqs = report.received.map((r) => r.seq);
        const unique = new Set(seqs);
        const gaps = cycles
          .map(({ t0, before }) => report.received.find((r) => r.at >= t0 && r.session !== before))
          .map((first, i) => (first ? first.at - cycles[i].t0 : NaN))
          .filter(Number.isFinite)
          .sort((a, b) => a - b);
        const pct = (p) => gaps[Math.min(gaps.length - 1, Math.floor((p / 100) * gaps.length))];
        console.log('\nEventSub reconnects: 100 session_reconnect rounds against a local EventSub, an event every 2 ms throughout');
        console.log(`  events sent ${seq.toLocaleString('en')}, received ${unique.size.toLocaleString('en')}, lost ${seq - unique.size}, shown twice ${seqs.length - unique.size}`);
        console.log(`  gap from session_reconnect to the first event on the new session: median ${pct(50)} ms, p95 ${pct(95)} ms, max ${gaps.at(-1)} ms (${gaps.length} of 100 measured)`);
      } finally {
        await Promise.all([helixServer.close(), eventsub.close()]);
      }
    }
    if (wants('alerts')) {
      console.log('\nAlert box: EventSub frames of every kind through the real client, normaliser and <ovl-alerts> (1 s per alert), 3 s per rate');
      console.log('  alerts/s   p95 frame   max frame   shown   dropped (cap 50 waiting)');
      await page.evaluate(() => window.alertsBench(50, 1)); // warm-up: JIT, styles
      let sustained = 0;
      for (const rate of [10, 100, 1000, 5000, 20000, 50000]) {
        const r = await page.evaluate(([rt, s]) => window.alertsBench(rt, s), [rate, 3]);
        if (r.p95FrameMs <= FRAME_BUDGET_MS + FRAME_TOLERANCE_MS) sustained = rate;
        console.log(`  ${String(rate).padStart(8)}   ${fmt(r.p95FrameMs).padStart(6)} ms   ${fmt(r.maxFrameMs).padStart(6)} ms   ${String(r.shown).padStart(5)}   ${String(r.dropped).padStart(7)}`);
      }
      console.log(`  highest sustained without dropping frames: ${sustained.toLocaleString('en')} alerts/s`);
    }
  } finally {
    await browser.close();
    await server.close();
  }

  if (size) {
    console.log(`\nChat page, gzip: ${kb(size.initial)} loaded up front (HTML, CSS, JS incl. tmi.js and Lit)`);
    for (const chunk of size.lazy) console.log(`  + ${kb(chunk.bytes)} on demand: ${chunk.name}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
