import { createLogger } from '../../core/logger.js';
import { pageStorage } from '../../core/page-storage.js';
import { CONTROL_VERSION, type ChannelRef } from './control-protocol.js';

/** A chatter the streamer took off the chat overlays, and when. */
export interface HiddenUser {
  readonly userId: string;
  readonly login: string;
  /** Epoch ms. */
  readonly at: number;
}

/** What the streamer set in the dock, which every page opened later starts from. */
export interface ControlState {
  /** The streamer paused the alert boxes (apart from OBS hiding a source). */
  readonly paused: boolean;
  readonly muted: boolean;
  /** Every overlay transparent. */
  readonly hidden: boolean;
  readonly hiddenUsers: readonly HiddenUser[];
}

export const DEFAULT_CONTROL_STATE: ControlState = { paused: false, muted: false, hidden: false, hiddenUsers: [] };

/**
 * A hidden chatter stays hidden "until the stream ends": the dock clears them all on EventSub's
 * `stream.offline`; this is the bound when no dock was open to hear it (no stream runs longer).
 */
export const HIDDEN_USER_MS = 12 * 60 * 60 * 1000;

export interface ControlStateOptions {
  /** Default `localStorage`; null when the page has none (a sandboxed frame): the state lives in memory only. */
  readonly storage?: Storage | null;
  readonly now?: () => number;
}

const log = createLogger('control');

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isHiddenUser = (value: unknown): value is HiddenUser => isObject(value) && typeof value.userId === 'string' && typeof value.login === 'string' && typeof value.at === 'number';

/**
 * The control state of one broadcaster in the origin's `localStorage`, under a key per way a page
 * may know the broadcaster (`ovl:control:v1:id:<id>`, `…:login:<login>`): the dock knows both and
 * writes both, an alert box reads by id, a chat overlay by login. Only the dock writes; every
 * page reads it at start, so a paused queue stays paused and a hidden overlay never flashes.
 */
export class ControlStateStore {
  private readonly storage: Storage | null;
  private readonly now: () => number;

  constructor(
    private readonly broadcaster: ChannelRef,
    options: ControlStateOptions = {},
  ) {
    this.storage = options.storage === undefined ? pageStorage() : options.storage;
    this.now = options.now ?? Date.now;
  }

  private get keys(): string[] {
    const { id, login } = this.broadcaster;
    return [...(id ? [`ovl:control:v${CONTROL_VERSION}:id:${id}`] : []), ...(login ? [`ovl:control:v${CONTROL_VERSION}:login:${login.toLowerCase()}`] : [])];
  }

  /** The stored state, with chatters hidden longer than HIDDEN_USER_MS ago left out; the default when none is stored or it is unreadable. */
  read(): ControlState {
    for (const key of this.keys) {
      const state = this.parse(this.storage?.getItem(key) ?? null);
      if (state) return state;
    }
    return DEFAULT_CONTROL_STATE;
  }

  write(state: ControlState): void {
    const text = JSON.stringify(state);
    for (const key of this.keys) {
      try {
        this.storage?.setItem(key, text);
      } catch (error) {
        // A full or disabled storage: the pages open now still hear the channel.
        log.warn('could not keep the control state for pages opened later:', error);
      }
    }
  }

  /**
   * Calls `listener` when another page writes the state: the `storage` event is a second path
   * beside the channel, which a focused OBS dock can freeze (obs-studio 8989). Returns the
   * function that stops listening.
   */
  onChange(listener: (state: ControlState) => void): () => void {
    const keys = this.keys;
    const onStorage = (event: StorageEvent) => {
      if (event.key === null || !keys.includes(event.key)) return;
      const state = this.parse(event.newValue);
      if (state) listener(state);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }

  private parse(text: string | null): ControlState | null {
    if (text === null) return null;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
    if (!isObject(value) || typeof value.paused !== 'boolean' || typeof value.muted !== 'boolean' || typeof value.hidden !== 'boolean' || !Array.isArray(value.hiddenUsers)) return null;
    const since = this.now() - HIDDEN_USER_MS;
    return { paused: value.paused, muted: value.muted, hidden: value.hidden, hiddenUsers: value.hiddenUsers.filter(isHiddenUser).filter((user) => user.at > since) };
  }
}
