import { afterEach, describe, expect, test } from 'vitest';
import '../../src/components/heatmap/ovl-heatmap.js';
import type { OvlHeatmap } from '../../src/components/heatmap/ovl-heatmap.js';
import { HeatGrid } from '../../src/components/heatmap/heat-grid.js';
import { calibrate } from '../../src/components/heatmap/calibration.js';
import { RegionVotes } from '../../src/components/heatmap/region-votes.js';

let element: OvlHeatmap | undefined;
afterEach(() => element?.remove());

const frames = async (n = 2) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

async function mount(setup: (el: OvlHeatmap) => void = () => undefined) {
  element = document.createElement('ovl-heatmap');
  element.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:200px';
  element.opacity = 1;
  setup(element);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** Alpha at (x, y) in CSS pixels of the element; the canvas holds one pixel per grid cell. */
const alphaAt = (el: OvlHeatmap, x: number, y: number) =>
  el.shadowRoot!.querySelector('canvas')!.getContext('2d')!.getImageData(Math.floor(x / el.cellSize), Math.floor(y / el.cellSize), 1, 1).data[3]!;

describe('<ovl-heatmap>', () => {
  test('a click at (0.25, 0.5) lights that spot and nothing far from it', async () => {
    const el = await mount();
    el.addClick({ x: 0.25, y: 0.5, userId: '1' });
    await frames();
    expect(alphaAt(el, 100, 100)).toBeGreaterThan(200);
    expect(alphaAt(el, 300, 100)).toBe(0);
    expect(alphaAt(el, 100, 10)).toBe(0);
    expect(alphaAt(el, 390, 190)).toBe(0);
  });

  test('calibration maps the player into the part of the overlay it covers', async () => {
    // The player fills the right half of the overlay.
    const el = await mount((e) => (e.calibration = { offsetX: 0.5, offsetY: 0, scaleX: 0.5, scaleY: 1 }));
    el.addClick({ x: 0.5, y: 0.5, userId: '1' });
    await frames();
    expect(alphaAt(el, 300, 100)).toBeGreaterThan(200);
    expect(alphaAt(el, 200, 100)).toBe(0);
  });

  test('heat fades with its half-life, and drawing stops once nothing is visible', async () => {
    const el = await mount((e) => (e.halfLife = 0.05));
    el.addClick({ x: 0.5, y: 0.5, userId: '1' });
    await frames();
    expect(alphaAt(el, 200, 100)).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1000));
    await frames();
    const draws = el.draws;
    await frames(5);
    expect(el.draws).toBe(draws);
    expect(alphaAt(el, 200, 100)).toBeLessThan(5);
  });

  test('nothing is drawn while paused; drawing resumes when shown', async () => {
    const el = await mount((e) => (e.paused = true));
    el.addClick({ x: 0.5, y: 0.5, userId: '1' });
    await frames(3);
    expect(el.draws).toBe(0);
    el.paused = false;
    await el.updateComplete;
    await frames();
    expect(el.draws).toBeGreaterThan(0);
  });

  test('zone votes: one per user per zone per window', async () => {
    const el = await mount((e) => {
      e.regionColumns = 2;
      e.regionRows = 1;
    });
    const tallies: number[][] = [];
    el.addEventListener('ovl-heat-votes', (e) => tallies.push([...e.detail.counts]));
    el.addClick({ x: 0.1, y: 0.5, userId: 'a' });
    el.addClick({ x: 0.2, y: 0.5, userId: 'a' });
    el.addClick({ x: 0.3, y: 0.5, userId: 'b' });
    el.addClick({ x: 0.9, y: 0.5, userId: 'a' });
    expect(tallies).toEqual([
      [1, 0],
      [2, 0],
      [2, 1],
    ]);
  });
});

describe('heat maths', () => {
  test('decay halves every value at once, and renormalising keeps them', () => {
    const grid = new HeatGrid(10, 10, 1);
    grid.add(0.5, 0.5);
    const before = grid.at(5, 5);
    grid.decay(0.5);
    expect(grid.at(5, 5)).toBeCloseTo(before / 2);
    for (let i = 0; i < 30; i++) grid.decay(0.5); // crosses the renormalising threshold
    expect(grid.at(5, 5)).toBeCloseTo(before / 2 ** 31, 15);
    grid.add(0.5, 0.5);
    expect(grid.max).toBeCloseTo(before, 5);
  });

  test('calibrate', () => {
    expect(calibrate(0.5, 0.5, { offsetX: 0.1, offsetY: 0.2, scaleX: 0.8, scaleY: 0.6 })).toEqual({ x: 0.5, y: 0.5 });
  });

  test('region windows roll over', () => {
    let now = 0;
    const votes = new RegionVotes(1, 1, 1000, () => now);
    expect(votes.vote('a', 0.5, 0.5)).toBe(0);
    expect(votes.vote('a', 0.5, 0.5)).toBe(-1);
    now = 1000;
    expect(votes.vote('a', 0.5, 0.5)).toBe(0);
    expect(votes.tally()).toEqual([1]);
  });
});
