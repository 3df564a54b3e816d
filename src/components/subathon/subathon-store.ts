import { createLogger } from '../../core/logger.js';
import { MAX_COUNTED, type SubathonState } from './subathon-clock.js';

const log = createLogger('subathon');

/** The broadcaster's timer state in `localStorage`: one per channel and origin. */
export function subathonKey(userId: string): string {
  return `ovl:subathon:v1:${userId}`;
}

const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A stored value as a timer state, or null: another build or page of the origin may have put anything there. */
export function readSubathonState(text: string | null): SubathonState | null {
  if (!text) return null;
  let value: Partial<Record<keyof SubathonState, unknown>>;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (value?.v !== 1 || !['waiting', 'running', 'paused'].includes(value.phase as string)) return null;
  if (![value.endsAt, value.remainingMs, value.totalMs, value.seenUntil].every(isTime)) return null;
  if (!Array.isArray(value.counted) || value.counted.length > MAX_COUNTED || !value.counted.every((id) => typeof id === 'string')) return null;
  return value as SubathonState;
}

/**
 * The timer's state as every timer page of the origin shares it. Each change reads the stored
 * state afresh and writes the result in the same task, so two pages counting the same event (by
 * id) count it once; the other pages hear of it by the `storage` event. Where storage is refused
 * (a private window) the state lives in this page only, and `problem` says so.
 */
export class SubathonStore {
  private current: SubathonState | null = null;
  private storage: Storage | null;
  problem: string | null = null;

  constructor(
    private readonly key: string,
    storage: () => Storage | null,
  ) {
    try {
      this.storage = storage();
    } catch (error) {
      this.storage = null;
      this.problem = `the browser refuses storage (${String(error)}): the timer starts again on a reload`;
    }
  }

  read(): SubathonState | null {
    if (!this.storage) return this.current;
    return readSubathonState(this.storage.getItem(this.key)) ?? this.current;
  }

  /** Applies `change` to the state as stored now and stores the result. */
  update(change: (state: SubathonState | null) => SubathonState): SubathonState {
    const next = change(this.read());
    this.current = next;
    try {
      this.storage?.setItem(this.key, JSON.stringify(next));
    } catch (error) {
      this.problem = `the timer could not be saved (${String(error)}): it starts again on a reload`;
      log.warn(this.problem);
    }
    return next;
  }

  /** Calls `listener` with the state whenever another page of the origin changes it. */
  watch(listener: (state: SubathonState) => void, signal?: AbortSignal): void {
    addEventListener(
      'storage',
      (e: StorageEvent) => {
        if (e.key !== this.key) return;
        const state = readSubathonState(e.newValue);
        if (state) listener((this.current = state));
      },
      { signal },
    );
  }
}
