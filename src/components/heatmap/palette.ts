export type PaletteName = 'classic' | 'fire' | 'ice';

/** Colour stops from cold to hot, as [position 0..1, r, g, b]. */
const STOPS: Record<PaletteName, readonly (readonly [number, number, number, number])[]> = {
  classic: [
    [0, 0, 0, 255],
    [0.35, 0, 255, 255],
    [0.55, 0, 255, 0],
    [0.75, 255, 255, 0],
    [1, 255, 0, 0],
  ],
  fire: [
    [0, 80, 0, 0],
    [0.5, 255, 80, 0],
    [0.8, 255, 200, 0],
    [1, 255, 255, 220],
  ],
  ice: [
    [0, 0, 20, 80],
    [0.6, 0, 160, 255],
    [1, 230, 250, 255],
  ],
};

/** 256 RGBA entries, alpha rising with intensity so cold areas stay see-through. */
export function paletteTable(name: PaletteName, opacity: number): Uint8ClampedArray {
  const stops = STOPS[name];
  const table = new Uint8ClampedArray(256 * 4);
  for (let i = 0; i < 256; i++) {
    const t = i / 255;
    const upper = stops.findIndex(([p]) => p >= t);
    const [p1, r1, g1, b1] = stops[Math.max(0, upper)]!;
    const [p0, r0, g0, b0] = stops[Math.max(0, upper - 1)]!;
    const f = p1 === p0 ? 0 : (t - p0) / (p1 - p0);
    table[i * 4] = r0 + (r1 - r0) * f;
    table[i * 4 + 1] = g0 + (g1 - g0) * f;
    table[i * 4 + 2] = b0 + (b1 - b0) * f;
    table[i * 4 + 3] = Math.min(1, t * 2.5) * 255 * opacity;
  }
  return table;
}
