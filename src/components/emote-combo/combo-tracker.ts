import type { EmotePart } from '../../domain/message-parts.js';

export interface ComboSettings {
  /** Different chatters who must use an emote within the window for a combo to start. */
  readonly minUsers: number;
  /** How recent their uses must be, and how long after its last use a combo ends (ms). */
  readonly windowMs: number;
  /** Combos at once at most. */
  readonly maxCombos: number;
}

/** A combo: an emote that several chatters sent, and how many times. */
export interface Combo {
  /** The emote (provider and id). */
  readonly key: string;
  /** As last used: its code and image. */
  readonly emote: EmotePart;
  /** Messages that used it, from the first of the window that started the combo. */
  readonly count: number;
  readonly startedAt: number;
  readonly lastAt: number;
}

/** What one message did: combos started or grown, and combos it pushed out (the cap). */
export interface ComboUpdate {
  readonly changed: readonly Combo[];
  readonly ended: readonly Combo[];
}

/** An emote not (yet) a combo: its recent uses, and how many of them each chatter made. */
interface Candidate {
  readonly uses: { readonly user: string; readonly at: number }[];
  readonly byUser: Map<string, number>;
}

/** Emotes followed before they make a combo, and uses kept per emote: bounded whatever chat does. */
const CANDIDATES = 1000;
const USES = 500;

/** The key of an emote: the same emote, whoever sends it and however its word is written. */
export function comboKey(emote: EmotePart): string {
  return `${emote.provider}:${emote.id}`;
}

/**
 * Counts emote combos, as a pure function of the messages and their times: no timer, no DOM,
 * so a test steps its clock. An emote becomes a combo once `minUsers` different chatters used
 * it within `windowMs`; one chatter spamming never makes one, however often. From then on
 * each message using it adds one, and the combo ends `windowMs` after its last use. At most
 * `maxCombos` run at once: a new one pushes out the one that went quiet longest.
 */
export class ComboTracker {
  private readonly candidates = new Map<string, Candidate>();
  private readonly combos = new Map<string, Combo>();

  constructor(private readonly settings: ComboSettings) {}

  /** The combos running, oldest first. */
  get active(): Combo[] {
    return [...this.combos.values()];
  }

  /**
   * One message from `user` at `at` (ms) using `emotes`: each emote counts once per message.
   * Combos whose time ran out by `at` end first.
   */
  use(user: string, emotes: readonly EmotePart[], at: number): ComboUpdate {
    const ended = this.expire(at);
    const changed: Combo[] = [];
    const seen = new Set<string>();
    for (const emote of emotes) {
      const key = comboKey(emote);
      if (seen.has(key)) continue;
      seen.add(key);
      const running = this.combos.get(key);
      if (running) {
        const grown = { ...running, emote, count: running.count + 1, lastAt: at };
        this.combos.set(key, grown);
        changed.push(grown);
        continue;
      }
      const count = this.countUse(key, user, at);
      if (count === 0) continue;
      if (this.combos.size >= this.settings.maxCombos) ended.push(this.endQuietest());
      const combo = { key, emote, count, startedAt: at, lastAt: at };
      this.combos.set(key, combo);
      changed.push(combo);
    }
    // When every combo was used by this message, the one pushed out may be one it grew: it ended.
    return { changed: changed.filter((combo) => this.combos.get(combo.key) === combo), ended };
  }

  /** Ends the combos whose window has passed by `at`; returns them. */
  expire(at: number): Combo[] {
    const ended: Combo[] = [];
    for (const [key, combo] of this.combos) {
      if (combo.lastAt + this.settings.windowMs > at) continue;
      this.combos.delete(key);
      ended.push(combo);
    }
    return ended;
  }

  /** When the next combo ends (ms), or null when none runs. */
  nextEnd(): number | null {
    let next: number | null = null;
    for (const combo of this.combos.values()) next = Math.min(next ?? Infinity, combo.lastAt + this.settings.windowMs);
    return next;
  }

  /**
   * Counts a use of an emote that is no combo yet. Returns the uses of the window when this one
   * makes it a combo (enough different chatters), else 0.
   */
  private countUse(key: string, user: string, at: number): number {
    const candidate = this.candidates.get(key) ?? { uses: [], byUser: new Map<string, number>() };
    // Most recently used last, so the least recently used emote is dropped first at the bound.
    this.candidates.delete(key);
    this.candidates.set(key, candidate);
    if (this.candidates.size > CANDIDATES) this.candidates.delete(this.candidates.keys().next().value!);
    const { uses, byUser } = candidate;
    while (uses.length > 0 && (uses[0]!.at + this.settings.windowMs <= at || uses.length >= USES)) {
      const old = uses.shift()!;
      const left = byUser.get(old.user)! - 1;
      if (left === 0) byUser.delete(old.user);
      else byUser.set(old.user, left);
    }
    uses.push({ user, at });
    byUser.set(user, (byUser.get(user) ?? 0) + 1);
    if (byUser.size < this.settings.minUsers) return 0;
    this.candidates.delete(key);
    return uses.length;
  }

  private endQuietest(): Combo {
    const quietest = [...this.combos.values()].reduce((a, b) => (b.lastAt < a.lastAt ? b : a));
    this.combos.delete(quietest.key);
    return quietest;
  }
}
