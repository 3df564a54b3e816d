/** How emotes cross the wall. */
export type EmoteMotion = 'rise' | 'fall' | 'bounce' | 'burst';

/** The wall and the emotes' size, in CSS pixels. */
export interface Stage {
  readonly width: number;
  readonly height: number;
  readonly size: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * One emote's run: the keyframes of a single animation the compositor plays alone (transform
 * and opacity only). Each axis keeps its own pacing (a bounce eases each fall and rise while it
 * drifts on at an even speed) because the path is sampled into linear steps: one animation per
 * emote costs the main thread half of what an outer and an inner box cost, every frame.
 */
export type Run = Frame[];

/** Where an emote is and how large, `t` (0 to 1) into its run. */
type Path = (t: number) => { readonly x: number; readonly y: number; readonly scale?: number };

/** A keyframe at a known place in the run. */
type Frame = Keyframe & { offset: number };

const place = (x: number, y: number, scale = 1) => `translate3d(${x.toFixed(1)}px, ${y.toFixed(1)}px, 0) scale(${scale.toFixed(3)})`;

/** Opacity keyframes: fades in until `shown`, out from `leaving` (fractions of the run). */
const fade = (shown: number, leaving: number): Frame[] => [
  { opacity: 0, offset: 0 },
  { opacity: 1, offset: shown },
  { opacity: 1, offset: leaving },
  { opacity: 0, offset: 1 },
];

/** Eases in and out (smoothstep). */
const easeInOut = (t: number) => t * t * (3 - 2 * t);
/** Falls faster and faster, as thrown things do. */
const easeIn = (t: number) => t * t;
/** Rises slower and slower. */
const easeOut = (t: number) => 1 - (1 - t) * (1 - t);
/** Flies out fast and settles. */
const easeOutCubic = (t: number) => 1 - (1 - t) ** 3;

/**
 * The path's transform at the ends of `steps` even steps over [from, to] (not at `from`): the
 * animation moves linearly between them, so enough steps keep a curve smooth.
 */
function sample(path: Path, from: number, to: number, steps: number): Frame[] {
  return Array.from({ length: steps }, (_, i) => {
    const offset = from + ((to - from) * (i + 1)) / steps;
    const { x, y, scale } = path(offset);
    return { transform: place(x, y, scale), offset };
  });
}

/** One run: the transform keyframes of `path` (from its start, then `steps`) with the opacity ones, in order. */
function runAlong(path: Path, steps: readonly (readonly [number, number])[], opacity: Frame[]): Run {
  const { x, y, scale } = path(0);
  const transforms: Frame[] = [{ transform: place(x, y, scale), offset: 0 }];
  let from = 0;
  for (const [to, count] of steps) {
    transforms.push(...sample(path, from, to, count));
    from = to;
  }
  return [...transforms, ...opacity].sort((a, b) => a.offset - b.offset);
}

function across(stage: Stage, random: () => number): number {
  return random() * Math.max(0, stage.width - stage.size);
}

/** Dropped from the top third, it bounces three times, lower each time, while drifting across at an even speed. */
function bounce(stage: Stage, random: () => number): Run {
  const { width, height, size } = stage;
  const floor = height - size;
  const top = random() * height * 0.3;
  const x = across(stage, random);
  const drift = (random() < 0.5 ? -1 : 1) * (0.2 + random() * 0.3) * width;
  const end = Math.min(Math.max(x + drift, 0), width - size);
  const drop = floor - top;
  // Each leg: where it ends in the run and how high above the floor it peaks; legs fall and rise in turn, the last one rests.
  const legs = [
    [0.3, drop],
    [0.5, drop * 0.45],
    [0.68, drop * 0.45],
    [0.8, drop * 0.2],
    [0.9, drop * 0.2],
    [1, 0],
  ] as const;
  const path: Path = (t) => {
    const leg = legs.findIndex(([legEnd]) => t <= legEnd);
    const start = leg === 0 ? 0 : legs[leg - 1]![0];
    const [legEnd, peak] = legs[leg]!;
    const u = (t - start) / (legEnd - start);
    // Even legs fall from their peak, odd ones rise to it.
    const above = leg % 2 === 0 ? peak * (1 - easeIn(u)) : peak * easeOut(u);
    return { x: x + (end - x) * t, y: floor - above };
  };
  // Four steps draw a leg's curve; the rest at the end needs one.
  return runAlong(path, legs.map(([legEnd, peak]) => [legEnd, peak > 0 ? 4 : 1] as const), fade(0.05, 0.9));
}

/**
 * The run of one emote for `motion`. `random` places it; a burst flies out from `origin` (the
 * emotes of one message share it; by default the middle). `reduced` (the system's
 * reduced-motion setting) fades it in and out where it is instead.
 */
export function runOf(motion: EmoteMotion, stage: Stage, random: () => number, origin?: Point, reduced = false): Run {
  const { height, size } = stage;
  if (reduced) {
    const still = { x: across(stage, random), y: random() * Math.max(0, height - size) };
    return runAlong(() => still, [[1, 1]], fade(0.1, 0.85));
  }
  switch (motion) {
    case 'rise':
    case 'fall': {
      const x = across(stage, random);
      const drift = (random() - 0.5) * size * 2;
      const [from, to] = motion === 'rise' ? [height, -size] : [-size, height];
      return runAlong((t) => ({ x: x + drift * easeInOut(t), y: from + (to - from) * t }), [[1, 4]], fade(0.08, 0.9));
    }
    case 'bounce':
      return bounce(stage, random);
    case 'burst': {
      const from = origin ?? { x: (stage.width - size) / 2, y: (height - size) / 2 };
      const angle = random() * 2 * Math.PI;
      const reach = (0.2 + random() * 0.25) * Math.min(stage.width, height);
      // Flies out fast and settles, growing to 1.3 over the first 60 %.
      const path: Path = (t) => {
        const out = reach * easeOutCubic(t);
        return { x: from.x + Math.cos(angle) * out, y: from.y + Math.sin(angle) * out, scale: 0.2 + 1.1 * Math.min(1, t / 0.6) };
      };
      return runAlong(path, [[0.6, 6], [1, 4]], fade(0.1, 0.6));
    }
  }
}

/** Where a message's burst starts: anywhere its emotes can fly out from and stay on the wall. */
export function burstOrigin(stage: Stage, random: () => number): Point {
  const margin = 0.25;
  return {
    x: (margin + random() * (1 - 2 * margin)) * Math.max(0, stage.width - stage.size),
    y: (margin + random() * (1 - 2 * margin)) * Math.max(0, stage.height - stage.size),
  };
}
