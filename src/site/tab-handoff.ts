import type { DraftRecord } from './overlay-draft.js';

/** sessionStorage: what the setup page keeps across a same-tab trip to Twitch. */
const HANDOFF_KEY = 'ovl.setup.handoff';

/** The streamer's choices and every setting typed, secrets included: for this tab only, and only until it is back. */
export interface Handoff {
  readonly picks: readonly string[];
  readonly drafts: Readonly<Record<string, DraftRecord>>;
}

export function keepForReturn(handoff: Handoff): void {
  sessionStorage.setItem(HANDOFF_KEY, JSON.stringify(handoff));
}

/** What was kept before the trip, removed as it is read; null when the tab made none. */
export function takeOnReturn(): Handoff | null {
  const stored = sessionStorage.getItem(HANDOFF_KEY);
  sessionStorage.removeItem(HANDOFF_KEY);
  try {
    const handoff = JSON.parse(stored ?? 'null') as Handoff | null;
    return handoff && Array.isArray(handoff.picks) && typeof handoff.drafts === 'object' ? handoff : null;
  } catch {
    return null;
  }
}
