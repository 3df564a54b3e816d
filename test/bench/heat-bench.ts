/**
 * Runs in headless Chromium, driven by scripts/bench.mjs: a 1920×1080 <ovl-heatmap> and the
 * same points drawn by simpleheat (a popular canvas heatmap), in the same page and run.
 */
import simpleheat from 'simpleheat';
import '../../src/components/heatmap/ovl-heatmap.js';
import { seededRandom } from '../../src/simulator/random.js';

const W = 1920;
const H = 1080;

function points(count: number): [number, number][] {
  const random = seededRandom(count);
  return Array.from({ length: count }, () => [random(), random()]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function heatBench(count: number, ourDraws: number, theirDraws: number) {
  const stage = document.getElementById('stage')!;
  stage.replaceChildren();
  stage.style.cssText = `width:${W}px;height:${H}px;position:relative`;
  const pts = points(count);

  const element = document.createElement('ovl-heatmap');
  element.style.cssText = `position:absolute;inset:0;width:${W}px;height:${H}px`;
  element.halfLife = 3600;
  element.paused = true; // the benchmark draws by hand
  stage.append(element);
  await element.updateComplete;
  let start = performance.now();
  for (const [x, y] of pts) element.addClick({ x, y, userId: 'A' });
  const addMs = performance.now() - start;
  const ours: number[] = [];
  for (let i = 0; i < ourDraws; i++) {
    start = performance.now();
    element.redraw();
    element.shadowRoot!.querySelector('canvas')!.getContext('2d')!.getImageData(0, 0, 1, 1); // wait for the canvas work
    ours.push(performance.now() - start);
  }
  element.remove();

  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  stage.append(canvas);
  const heat = simpleheat(canvas).radius(40, 15).max(Math.max(1, count / 2000));
  start = performance.now();
  for (const [x, y] of pts) heat.add([x * W, y * H, 1]);
  const theirAddMs = performance.now() - start;
  const theirs: number[] = [];
  for (let i = 0; i < theirDraws; i++) {
    start = performance.now();
    heat.draw(0.05);
    canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
    theirs.push(performance.now() - start);
  }
  canvas.remove();
  return { count, oursMs: median(ours), theirsMs: median(theirs), oursAddUs: (addMs * 1000) / count, theirsAddUs: (theirAddMs * 1000) / count };
}

Object.assign(window, { heatBench });
