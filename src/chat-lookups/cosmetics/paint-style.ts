import { cssUrl } from '../../core/safe-values.js';

/**
 * A 7TV name paint turned into CSS. Every value is rebuilt from checked parts (numbers we
 * format, keywords from a fixed list, an image URL that passed `cssUrl`); no text from the API
 * is ever copied into a style. A paint that does not validate is dropped, and the name keeps
 * its ordinary colour.
 */
export interface PaintStyle {
  /** A `linear-gradient(…)`, `radial-gradient(…)` (or their repeating forms) or `url("…")`. */
  readonly backgroundImage: string;
  /** The paint's base colour, shown while an image loads or if it fails; null to keep the name's colour. */
  readonly backgroundColor: string | null;
  /** `drop-shadow(…)` functions for `filter`, or null. */
  readonly filter: string | null;
}

/** 7TV v3 `CosmeticPaint` (REST `model.CosmeticPaintModel`, GraphQL `CosmeticPaint`). */
export interface PaintWire {
  function?: unknown;
  color?: unknown;
  angle?: unknown;
  shape?: unknown;
  image_url?: unknown;
  repeat?: unknown;
  stops?: unknown;
  shadows?: unknown;
}

const MAX_STOPS = 32;
const MAX_SHADOWS = 8;
const MAX_SHADOW_PX = 20;

/** 7TV colours are RGBA packed in a (signed) 32-bit integer. */
export function rgbaFromInt(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -0x80000000 || value > 0xffffffff) return null;
  const n = value >>> 0;
  const alpha = Math.round(((n & 0xff) / 255) * 1000) / 1000;
  return `rgba(${n >>> 24}, ${(n >>> 16) & 0xff}, ${(n >>> 8) & 0xff}, ${alpha})`;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function stopList(stops: unknown): string | null {
  if (!Array.isArray(stops) || stops.length === 0 || stops.length > MAX_STOPS) return null;
  const out: string[] = [];
  for (const stop of stops as { at?: unknown; color?: unknown }[]) {
    const at = finite(stop?.at);
    const color = rgbaFromInt(stop?.color);
    if (at === null || at < 0 || at > 1 || !color) return null;
    out.push(`${color} ${Math.round(at * 10_000) / 100}%`);
  }
  // CSS needs two stops; a one-colour gradient is that colour twice.
  if (out.length === 1) out.push(out[0]!);
  return out.join(', ');
}

function shadowFilter(shadows: unknown): string | null {
  if (!Array.isArray(shadows)) return null;
  const clamp = (v: number, min: number) => Math.round(Math.min(Math.max(v, min), MAX_SHADOW_PX) * 100) / 100;
  const out: string[] = [];
  for (const s of (shadows as { x_offset?: unknown; y_offset?: unknown; radius?: unknown; color?: unknown }[]).slice(0, MAX_SHADOWS)) {
    const x = finite(s?.x_offset);
    const y = finite(s?.y_offset);
    const radius = finite(s?.radius);
    const color = rgbaFromInt(s?.color);
    if (x === null || y === null || radius === null || !color) continue;
    out.push(`drop-shadow(${clamp(x, -MAX_SHADOW_PX)}px ${clamp(y, -MAX_SHADOW_PX)}px ${clamp(radius, 0)}px ${color})`);
  }
  return out.length > 0 ? out.join(' ') : null;
}

/** The CSS for a paint, or null when its function, stops or image do not validate. */
export function paintStyle(paint: PaintWire | null | undefined): PaintStyle | null {
  if (!paint) return null;
  const repeating = paint.repeat === true ? 'repeating-' : '';
  let backgroundImage: string | null = null;
  if (paint.function === 'LINEAR_GRADIENT') {
    const stops = stopList(paint.stops);
    const angle = finite(paint.angle);
    if (stops) backgroundImage = `${repeating}linear-gradient(${angle === null ? 90 : Math.round((((angle % 360) + 360) % 360) * 100) / 100}deg, ${stops})`;
  } else if (paint.function === 'RADIAL_GRADIENT') {
    const stops = stopList(paint.stops);
    const shape = paint.shape === 'circle' || paint.shape === 'ellipse' ? paint.shape : 'circle';
    if (stops) backgroundImage = `${repeating}radial-gradient(${shape}, ${stops})`;
  } else if (paint.function === 'URL') {
    backgroundImage = cssUrl(paint.image_url);
  }
  if (!backgroundImage) return null;
  return { backgroundImage, backgroundColor: rgbaFromInt(paint.color), filter: shadowFilter(paint.shadows) };
}
