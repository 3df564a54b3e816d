import type { FakeTmiServer } from './fake-tmi.js';

/**
 * The running fake servers. The global setup and the browser commands are loaded as
 * separate module instances (the config is bundled), so they meet on `globalThis`.
 */
export interface Fakes {
  readonly tmi: FakeTmiServer;
}

const KEY = Symbol.for('ovl.test.fakes');

export function setFakes(fakes: Fakes): void {
  (globalThis as Record<symbol, unknown>)[KEY] = fakes;
}

export function fakes(): Fakes {
  const value = (globalThis as Record<symbol, unknown>)[KEY] as Fakes | undefined;
  if (!value) throw new Error('fake servers are not running: the global setup did not start them');
  return value;
}
