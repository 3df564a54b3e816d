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
 * One emote's run, as two animations the compositor plays alone (transform and opacity only):
 * the outer box moves across (x, or both for a burst), the inner one up and down, scales and
 * fades. Two boxes let a bounce ease each fall and rise while it drifts on at an even speed.
 */
export interface Run {
  readonly outer: Keyframe[];
  readonly inner: Keyframe[];
  /** Easing of the outer box's whole run. */
  readonly outerEasing: string;
}

const at = (x: number, y: number) => `translate3d(${x.toFixed(1)}px, ${y.toFixed(1)}px, 0)`;
const up = (y: number, scale = 1) => `translate3d(0, ${y.toFixed(1)}px, 0) scale(${scale})`;

/** Fades in over the first tenth, out over the last. */
const FADE = [{ opacity: 0, offset: 0 }, { opacity: 1, offset: 0.1 }, { opacity: 1, offset: 0.85 }, { opacity: 0, offset: 1 }];

function across(stage: Stage, random: () => number): number {
  return random() * Math.max(0, stage.width - stage.size);
}

/**
 * The run of one emote for `motion`. `random` places it; a burst flies out from `origin` (the
 * emotes of one message share it; by default the middle). `reduced` (the system's
 * reduced-motion setting) fades it in and out where it is instead.
 */
export function runOf(motion: EmoteMotion, stage: Stage, random: () => number, origin?: Point, reduced = false): Run {
  const { height, size } = stage;
  if (reduced) {
    const place = at(across(stage, random), random() * Math.max(0, height - size));
    return { outer: [{ transform: place }, { transform: place }], inner: FADE, outerEasing: 'linear' };
  }
  switch (motion) {
    case 'rise':
    case 'fall': {
      const x = across(stage, random);
      const drift = (random() - 0.5) * size * 2;
      const [from, to] = motion === 'rise' ? [height, -size] : [-size, height];
      return {
        outer: [{ transform: at(x, 0) }, { transform: at(x + drift, 0) }],
        inner: [{ transform: up(from), opacity: 0 }, { opacity: 1, offset: 0.08 }, { opacity: 1, offset: 0.9 }, { transform: up(to), opacity: 0 }],
        outerEasing: 'ease-in-out',
      };
    }
    case 'bounce': {
      // Dropped from the top third, it bounces three times lower each time while drifting across.
      const floor = height - size;
      const top = random() * height * 0.3;
      const x = across(stage, random);
      const drift = (random() < 0.5 ? -1 : 1) * (0.2 + random() * 0.3) * stage.width;
      const heights = [floor - top, (floor - top) * 0.45, (floor - top) * 0.2];
      return {
        outer: [{ transform: at(x, 0) }, { transform: at(Math.min(Math.max(x + drift, 0), stage.width - size), 0) }],
        inner: [
          { transform: up(top), opacity: 0, easing: 'ease-in', offset: 0 },
          { opacity: 1, offset: 0.05 },
          { transform: up(floor), easing: 'ease-out', offset: 0.3 },
          { transform: up(floor - heights[1]!), easing: 'ease-in', offset: 0.5 },
          { transform: up(floor), easing: 'ease-out', offset: 0.68 },
          { transform: up(floor - heights[2]!), easing: 'ease-in', offset: 0.8 },
          { transform: up(floor), offset: 0.9, opacity: 1 },
          { transform: up(floor), offset: 1, opacity: 0 },
        ],
        outerEasing: 'linear',
      };
    }
    case 'burst': {
      const from = origin ?? { x: (stage.width - size) / 2, y: (height - size) / 2 };
      const angle = random() * 2 * Math.PI;
      const reach = (0.2 + random() * 0.25) * Math.min(stage.width, height);
      const to = { x: from.x + Math.cos(angle) * reach, y: from.y + Math.sin(angle) * reach };
      return {
        outer: [{ transform: at(from.x, from.y) }, { transform: at(to.x, to.y) }],
        inner: [{ transform: up(0, 0.2), opacity: 0 }, { opacity: 1, offset: 0.1 }, { transform: up(0, 1.3), opacity: 1, offset: 0.6 }, { transform: up(0, 1.3), opacity: 0 }],
        outerEasing: 'cubic-bezier(0.1, 0.8, 0.3, 1)',
      };
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
