/**
 * Runs in headless Chromium, driven by scripts/bench.mjs. Each run builds a real ChatSource
 * on a scripted transport (the real parser and events) and feeds it Twitch lines from the
 * simulator's scenario, shown either by <ovl-chat> or by the naive baseline.
 */
import { ChatSource } from '../../src/sources/tmi/chat-source.js';
import { ScriptedTransport } from '../../src/simulator/scripted-transport.js';
import { createChatScenario } from '../../src/simulator/chat-scenario.js';
import '../../src/components/chat/ovl-chat.js';
import { pace } from './pace.js';
import { NaiveChat } from './naive-chat.js';

type Kind = 'ovl' | 'naive';

interface Rig {
  push(lines: string[]): void;
  root: Node;
  /** Resolves once what was pushed is on screen. */
  settled(): Promise<unknown>;
  dispose(): void;
}

async function rig(kind: Kind): Promise<Rig> {
  const stage = document.getElementById('stage')!;
  stage.replaceChildren();
  const transport = new ScriptedTransport('bench');
  const source = new ChatSource({ channel: 'bench', transport });
  let root: Node;
  let settled = (): Promise<unknown> => Promise.resolve();
  if (kind === 'ovl') {
    const element = document.createElement('ovl-chat');
    element.maxMessages = 50;
    element.source = source;
    stage.append(element);
    await element.updateComplete;
    root = element.shadowRoot!;
    settled = () => element.updateComplete;
  } else {
    const naive = new NaiveChat(source, 50);
    stage.append(naive.root);
    root = naive.root;
  }
  source.start();
  await new Promise((resolve) => source.addEventListener('status', resolve, { once: true }));
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { push: (lines) => transport.push(...lines), root, settled, dispose: () => source.stop() };
}

/** Chat lines only (no deletions), so every line becomes a row. */
function lines(count: number, seed: number): string[] {
  const scenario = createChatScenario({ channel: 'bench', roomId: '100000001', seed });
  const out: string[] = [];
  while (out.length < count) for (const line of scenario.next()) if (line.includes(' PRIVMSG ')) out.push(line);
  return out;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

let prepared: { r: Rig; feed: string[]; rate: number } | null = null;

/** Builds the rig and the lines before the timed part, so neither is counted. */
async function prepare(kind: Kind, rate: number, seconds: number): Promise<void> {
  prepared = { r: await rig(kind), feed: lines(Math.round(rate * seconds), rate), rate };
}

/**
 * Feeds the prepared lines at their rate, in 4 ms socket-sized chunks, and records rAF frame
 * intervals. The runner reads Chromium's main-thread task time around this call.
 */
async function drive() {
  const { r, feed, rate } = prepared!;
  const total = feed.length;
  const intervals: number[] = [];
  let running = true;
  let last = await frame();
  const frames = (async () => {
    while (running) {
      const now = await frame();
      intervals.push(now - last);
      last = now;
    }
  })();
  const start = performance.now();
  await pace(rate, total, (from, to) => r.push(feed.slice(from, to)));
  await r.settled();
  await frame();
  running = false;
  await frames;
  r.dispose();
  return { rate, p95FrameMs: percentile(intervals, 95), frames: intervals.length, wallMs: performance.now() - start };
}

function countNodes(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count += 1;
  return count;
}

async function heap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await frame();
  }
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN;
}

/**
 * Pushes `total` messages in 1,000-line frames, sampling DOM nodes and heap once the list is
 * full (after 5k: each frame draws only what fits, so the list fills over a few frames) and at the end.
 */
async function soak(kind: Kind, total: number) {
  const r = await rig(kind);
  const pool = lines(20_000, 7);
  let sent = 0;
  const samples: { messages: number; nodes: number; heapBytes: number }[] = [];
  const batch = 1000;
  while (sent < total) {
    const chunk = pool.slice(sent % pool.length, (sent % pool.length) + batch).map((line, i) => line.replace(/;id=[^;]+;/, `;id=soak-${sent + i};`));
    r.push(chunk);
    sent += chunk.length;
    await r.settled();
    await frame();
    if (sent === 5000 || sent >= total) samples.push({ messages: sent, nodes: countNodes(r.root), heapBytes: await heap() });
  }
  r.dispose();
  return samples;
}

Object.assign(window, { benchPrepare: prepare, benchDrive: drive, benchSoak: soak });
