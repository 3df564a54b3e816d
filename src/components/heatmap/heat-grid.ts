/**
 * Click intensity on a coarse grid. Each click adds a precomputed round kernel; decay is a
 * single global scale (so ageing costs nothing per cell): stored values are divided by the
 * scale when added and multiplied by it when read, and renormalised before the numbers grow
 * too large.
 */
export class HeatGrid {
  readonly values: Float32Array;
  private kernel: Float32Array;
  private kernelSize: number;
  private scale = 1;
  private peak = 0;

  constructor(
    readonly columns: number,
    readonly rows: number,
    radiusCells: number,
  ) {
    this.values = new Float32Array(columns * rows);
    this.kernelSize = 0;
    this.kernel = new Float32Array(0);
    this.setRadius(radiusCells);
  }

  /** A smooth falloff (1 − d²/r²)² out to `radiusCells`. */
  setRadius(radiusCells: number): void {
    const r = Math.max(1, radiusCells);
    const size = Math.ceil(r) * 2 + 1;
    const kernel = new Float32Array(size * size);
    const c = (size - 1) / 2;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const d2 = ((x - c) ** 2 + (y - c) ** 2) / (r * r);
        kernel[y * size + x] = d2 < 1 ? (1 - d2) ** 2 : 0;
      }
    }
    this.kernel = kernel;
    this.kernelSize = size;
  }

  /** Adds a click at (x, y) in 0..1 of the grid. */
  add(x: number, y: number, weight = 1): void {
    const size = this.kernelSize;
    const half = (size - 1) / 2;
    const cx = Math.round(x * (this.columns - 1));
    const cy = Math.round(y * (this.rows - 1));
    const w = weight / this.scale;
    for (let ky = 0; ky < size; ky++) {
      const gy = cy + ky - half;
      if (gy < 0 || gy >= this.rows) continue;
      const row = gy * this.columns;
      for (let kx = 0; kx < size; kx++) {
        const gx = cx + kx - half;
        if (gx < 0 || gx >= this.columns) continue;
        const value = (this.values[row + gx]! += this.kernel[ky * size + kx]! * w);
        if (value > this.peak) this.peak = value;
      }
    }
  }

  /** Multiplies every value by `factor` (0..1), in O(1). */
  decay(factor: number): void {
    this.scale *= factor;
    if (this.scale < 1e-6) this.renormalise();
  }

  /** The current value of a cell. */
  at(column: number, row: number): number {
    return this.values[row * this.columns + column]! * this.scale;
  }

  /** The highest value on the grid (an upper bound between adds; exact after renormalising). */
  get max(): number {
    return this.peak * this.scale;
  }

  /** Multiplier to apply to `values` when reading them in bulk. */
  get readScale(): number {
    return this.scale;
  }

  clear(): void {
    this.values.fill(0);
    this.peak = 0;
    this.scale = 1;
  }

  private renormalise(): void {
    let peak = 0;
    for (let i = 0; i < this.values.length; i++) {
      const v = (this.values[i]! *= this.scale);
      if (v > peak) peak = v;
    }
    this.peak = peak;
    this.scale = 1;
  }
}
