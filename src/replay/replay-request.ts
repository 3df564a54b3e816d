import type { ConfigProblem } from '../core/config-problem.js';

export interface ReplayRequest {
  /** Where the recording is: a path next to the page, any URL the page may fetch, or a data: URL. */
  readonly from: URL;
  readonly speed: number;
}

const MIN_SPEED = 0.1;
const MAX_SPEED = 100;

/** `?replay=<url>&replay-speed=<n>`, or null when not replaying. Never throws. */
export function replayRequest(url: URL): { request: ReplayRequest | null; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const from = url.searchParams.get('replay');
  const rawSpeed = url.searchParams.get('replay-speed');
  let speed = 1;
  if (rawSpeed !== null) {
    const value = Number(rawSpeed);
    if (rawSpeed.trim() !== '' && value >= MIN_SPEED && value <= MAX_SPEED) speed = value;
    else problems.push({ param: 'replay-speed', severity: 'warning', message: `"replay-speed" must be a number from ${MIN_SPEED} to ${MAX_SPEED}; replaying at 1×.` });
  }
  if (!from) return { request: null, problems };
  try {
    return { request: { from: new URL(from, url), speed }, problems };
  } catch {
    problems.push({ param: 'replay', severity: 'error', message: `"replay" is not a URL or path: ${from}` });
    return { request: null, problems };
  }
}
