/**
 * Where Heat's player area sits inside the overlay, as fractions of the overlay: the overlay
 * may cover more or less than the video. Identity = the overlay is exactly the player.
 */
export interface Calibration {
  readonly offsetX: number;
  readonly offsetY: number;
  readonly scaleX: number;
  readonly scaleY: number;
}

export const IDENTITY: Calibration = { offsetX: 0, offsetY: 0, scaleX: 1, scaleY: 1 };

/** Heat's (x, y) in 0..1 of the player → 0..1 of the overlay. */
export function calibrate(x: number, y: number, c: Calibration): { x: number; y: number } {
  return { x: c.offsetX + x * c.scaleX, y: c.offsetY + y * c.scaleY };
}
