/**
 * Name colours that stay readable: users without a colour get a stable one from Twitch's
 * default palette, and any colour too close to the background is moved away from it.
 */

// The colours Twitch gives users who never picked one.
const DEFAULT_PALETTE = [
  '#FF0000', '#0000FF', '#008000', '#B22222', '#FF7F50', '#9ACD32', '#FF4500', '#2E8B57',
  '#DAA520', '#D2691E', '#5F9EA0', '#1E90FF', '#FF69B4', '#8A2BE2', '#00FF7F',
];

/** WCAG AA for normal text. */
const MIN_CONTRAST = 4.5;

/** The same login always gets the same colour. */
export function defaultNameColor(login: string): string {
  let hash = 0;
  for (const char of login) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return DEFAULT_PALETTE[hash % DEFAULT_PALETTE.length]!;
}

type Rgb = [number, number, number];

function parseHex(color: string): Rgb | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!match) return null;
  const hex = match[1]!.length === 3 ? [...match[1]!].map((c) => c + c).join('') : match[1]!;
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}

let canvasContext: CanvasRenderingContext2D | null | undefined;

/**
 * Any CSS colour (`black`, `rgb(…)`, `hsl(…)`, hex) as RGB, resolved by the browser: a 2D
 * context normalises what `fillStyle` accepts to `#rrggbb` or `rgba(r, g, b, a)`. Alpha is
 * dropped: contrast is judged against the colour as if opaque. Twitch's own colours are hex and
 * take the fast path.
 */
function parseColor(color: string): Rgb | null {
  const hex = parseHex(color);
  if (hex || typeof document === 'undefined') return hex;
  canvasContext ??= document.createElement('canvas').getContext('2d');
  if (!canvasContext) return null;
  // A value the context refuses leaves fillStyle unchanged: two different starting colours tell it apart.
  const resolved = ['#000000', '#ffffff'].map((start) => {
    canvasContext!.fillStyle = start;
    canvasContext!.fillStyle = color;
    return String(canvasContext!.fillStyle);
  });
  if (resolved[0] !== resolved[1]) return null;
  const rgba = /^rgba?\((\d+), (\d+), (\d+)/.exec(resolved[0]!);
  return rgba ? ([Number(rgba[1]), Number(rgba[2]), Number(rgba[3])] as Rgb) : parseHex(resolved[0]!);
}

function luminance([r, g, b]: Rgb): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
  const ra = parseColor(a);
  const rb = parseColor(b);
  if (!ra || !rb) return 21;
  const [hi, lo] = [luminance(ra), luminance(rb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map((v) => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`;
}

function mix(rgb: Rgb, target: number, amount: number): Rgb {
  return rgb.map((v) => v + (target - v) * amount) as Rgb;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 512;

/**
 * `color` if it reads well on `background`, else the nearest mix towards white (on a dark
 * background) or black (on a light one) that reaches 4.5:1. Results are cached.
 */
export function readableColor(color: string, background: string): string {
  const key = `${color}|${background}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rgb = parseColor(color);
  const bg = parseColor(background);
  let result = color;
  if (rgb && bg && contrastRatio(color, background) < MIN_CONTRAST) {
    const target = luminance(bg) < 0.5 ? 255 : 0;
    for (let step = 1; step <= 20; step++) {
      result = toHex(mix(rgb, target, step / 20));
      if (contrastRatio(result, background) >= MIN_CONTRAST) break;
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}
