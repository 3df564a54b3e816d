import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { CanvasFrameSource } from '../../src/video/canvas-frame-source.js';
import { AudioSource } from '../../src/video/audio-source.js';
import { WhipPublisher } from '../../src/video/whip-publisher.js';
import { fake } from '../helpers/fake-servers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const solid = (r: number, g: number, b: number, width = 64, height = 36) => {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set([r, g, b, 255], i);
  return new ImageData(data, width, height);
};
const pixel = (source: CanvasFrameSource) => [...source.context.getImageData(10, 10, 1, 1).data.slice(0, 3)];

/** Frames the track really delivers, read for `ms` through a MediaStreamTrackProcessor. */
async function framesOnTrack(track: MediaStreamTrack, ms: number): Promise<number> {
  const processor = new (globalThis as unknown as { MediaStreamTrackProcessor: new (init: { track: MediaStreamTrack }) => { readable: ReadableStream<VideoFrame> } }).MediaStreamTrackProcessor({ track: track.clone() });
  const reader = processor.readable.getReader();
  let frames = 0;
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const next = await Promise.race([reader.read(), new Promise<null>((resolve) => setTimeout(() => resolve(null), until - performance.now()))]);
    if (!next || next.done) break;
    const { value } = next;
    value.close();
    frames += 1;
  }
  await reader.cancel();
  return frames;
}

function frameSource(options: Partial<ConstructorParameters<typeof CanvasFrameSource>[0]> = {}) {
  const source = new CanvasFrameSource({ width: 64, height: 36, fps: 30, ...options });
  cleanups.push(() => source.close());
  return source;
}

describe('CanvasFrameSource', () => {
  test('pushed frames leave one per tick; when the buffer runs dry the last frame repeats, still at the full rate', async () => {
    const source = frameSource();
    const colours = [[255, 0, 0], [0, 255, 0], [0, 0, 255]] as const;
    for (const [r, g, b] of colours) expect(source.push(solid(r, g, b))).toBe(true);
    source.start();
    await expect.poll(() => source.stats.shown).toBe(3);
    expect(pixel(source)).toEqual([0, 0, 255]);
    await expect.poll(() => source.stats.repeated).toBeGreaterThan(5);
    expect(pixel(source)).toEqual([0, 0, 255]);
    // The track carries every tick, repeats included (the canvas is captured per tick, not on change).
    const ticksBefore = source.stats.ticks;
    const delivered = await framesOnTrack(source.track, 1000);
    const ticked = source.stats.ticks - ticksBefore;
    expect(delivered).toBeGreaterThanOrEqual(Math.floor(ticked * 0.8));
    expect(source.stats.shown + source.stats.repeated).toBe(source.stats.ticks);
  });

  test('the buffer is bounded and its fill is readable', () => {
    const source = frameSource({ bufferSize: 3 });
    expect(source.bufferFill).toBe(0);
    const accepted = [1, 2, 3, 4, 5].map((n) => source.push(solid(n, n, n)));
    expect(accepted).toEqual([true, true, true, false, false]);
    expect(source.buffered).toBe(3);
    expect(source.bufferFill).toBe(1);
    expect(source.stats.refused).toBe(2);
  });

  test('onDraw draws whenever no pushed frame waits; pushed frames come first', async () => {
    const source = frameSource();
    const drawnIndexes: number[] = [];
    source.onDraw = (context, index) => {
      drawnIndexes.push(index);
      context.fillStyle = '#ff00ff';
      context.fillRect(0, 0, 64, 36);
    };
    source.push(solid(0, 255, 0));
    source.start();
    await expect.poll(() => source.stats.drawn).toBeGreaterThan(3);
    expect(source.stats.shown).toBe(1);
    expect(drawnIndexes[0]).toBe(1);
    expect(pixel(source)).toEqual([255, 0, 255]);
    expect(source.stats.repeated).toBe(0);
  });

  test('ImageBitmap and canvas frames are drawn scaled to the source size; bitmaps are closed after use', async () => {
    const source = frameSource();
    const big = document.createElement('canvas');
    big.width = 640;
    big.height = 360;
    const context = big.getContext('2d')!;
    context.fillStyle = '#00ffff';
    context.fillRect(0, 0, 640, 360);
    const bitmap = await createImageBitmap(big);
    source.push(bitmap);
    source.start();
    await expect.poll(() => source.stats.shown).toBe(1);
    expect(pixel(source)).toEqual([0, 255, 255]);
    expect(bitmap.width).toBe(0);
  });
});

async function level(track: MediaStreamTrack): Promise<number> {
  const context = new AudioContext();
  cleanups.push(() => context.close());
  const analyser = context.createAnalyser();
  context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
  await new Promise((resolve) => setTimeout(resolve, 150));
  const samples = new Float32Array(analyser.fftSize);
  analyser.getFloatTimeDomainData(samples);
  return Math.max(...samples.map(Math.abs));
}

describe('AudioSource', () => {
  test('silence when nothing is pushed, a tone when asked, silence again after', async () => {
    const audio = new AudioSource();
    cleanups.push(() => audio.close());
    await audio.resume();
    expect(await level(audio.track)).toBe(0);
    audio.tone(440, 0.5);
    await expect.poll(() => level(audio.track)).toBeGreaterThan(0.2);
    audio.silence();
    await expect.poll(() => level(audio.track)).toBe(0);
  });

  test('pushed PCM queues gap-free up to the limit; the fill is readable and drains', async () => {
    const audio = new AudioSource({ maxBufferSeconds: 1 });
    cleanups.push(() => audio.close());
    await audio.resume();
    const half = new Float32Array(24_000).map((_, i) => Math.sin(i / 10) * 0.5);
    expect(audio.push([half, half])).toBe(true);
    expect(audio.bufferedSeconds).toBeGreaterThan(0.4);
    expect(audio.bufferedSeconds).toBeLessThanOrEqual(0.5);
    expect(audio.bufferFill).toBeCloseTo(audio.bufferedSeconds, 5);
    expect(audio.push([half, half])).toBe(true);
    expect(audio.push([half, half])).toBe(false);
    expect(audio.refused).toBe(1);
    expect(await level(audio.track)).toBeGreaterThan(0.2);
    await expect.poll(() => audio.bufferFill, { timeout: 3000 }).toBe(0);
  });
});

test('a frame source and silent audio publish to WHIP: video and audio packets arrive', async () => {
  const video = frameSource({ width: 320, height: 180 });
  const audio = new AudioSource();
  cleanups.push(() => audio.close());
  await audio.resume();
  video.start();
  const path = `/whip/ok-sources-${Date.now()}`;
  const publisher = new WhipPublisher({ endpoint: `${fake.whipOrigin}${path}`, key: 'k', stream: new MediaStream([video.track, audio.track]) });
  cleanups.push(() => publisher.stop());
  publisher.start();
  const rtp = async () => (await commands.whipSessions()).find((s) => s.path === path)?.rtp ?? {};
  await expect.poll(async () => (await rtp())['video/H264'] ?? 0, { timeout: 10_000 }).toBeGreaterThan(20);
  await expect.poll(async () => (await rtp())['audio/opus'] ?? 0, { timeout: 10_000 }).toBeGreaterThan(20);
});
