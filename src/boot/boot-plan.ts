import type { ConfigOf, Schema } from '../config/schema.js';
import { isDebug, isDemo, parseConfig } from '../config/parse.js';
import type { ConfigProblem } from '../core/config-problem.js';
import { LIVE_ENDPOINTS, type DevRouting, type Endpoints } from '../config/endpoints.js';
import type { ReplayRequest } from '../replay/replay-request.js';
import type { OverlayDefinition } from './overlay-definition.js';
import type { RecordModes } from './record-modes.js';

/** What an overlay page's URL asks for, read before anything is mounted or connected. */
export interface BootPlan<S extends Schema> {
  readonly demo: boolean;
  readonly debug: boolean;
  readonly config: ConfigOf<S>;
  readonly endpoints: Endpoints;
  /** `?replay`, when this overlay has connections to replay. */
  readonly replay: ReplayRequest | null;
  /** `?record`, when this overlay has connections to record. */
  readonly record: boolean;
  /** Every configuration problem, warnings included. */
  readonly problems: readonly ConfigProblem[];
  /** The problems that keep the overlay from starting: what the setup card says. */
  readonly fatal: readonly string[];
  /** The setup page, relative to the overlay page (`overlays/<name>/`). */
  readonly builderUrl: string;
}

/** What a page reads from its URL with code it loads only when the URL asks for it. */
export interface OnDemandReading {
  /** The test-server routing (`dev-*`, devEndpoints); default: the live services. */
  readonly dev?: DevRouting;
  /** `?record` and `?replay` (readRecordModes); default: neither. */
  readonly modes?: RecordModes;
}

/** Whether the URL names `?record` or `?replay`: only then does a page load the code that reads them (record-modes.ts). */
export function asksRecordModes(url: URL): boolean {
  return ['record', 'replay', 'replay-speed'].some((param) => url.searchParams.has(param));
}

/**
 * Reads an overlay page's URL into its modes (`?demo`, `?debug`, and `?record`, `?replay` as
 * `onDemand` read them), its configuration and what is wrong with them. Pure and DOM-free;
 * never throws.
 */
export function planBoot<S extends Schema>(
  definition: Pick<OverlayDefinition<S>, 'entry' | 'records'>,
  url: URL,
  { dev = { endpoints: LIVE_ENDPOINTS, problems: [] }, modes = { replay: null, record: false, problems: [] } }: OnDemandReading = {},
): BootPlan<S> {
  const demo = isDemo(url);
  const parsed = parseConfig(definition.entry.schema, url);
  // In the demo and in a replay, the simulator or the recording supplies what a live overlay
  // requires (a channel, a token); a value that was given but is unusable stays an error.
  const offline = demo || modes.replay !== null;
  const problems = [...parsed.problems, ...dev.problems, ...modes.problems].filter((p) => !(offline && p.missing));
  return {
    demo,
    debug: isDebug(url),
    config: parsed.config,
    endpoints: dev.endpoints,
    replay: modes.replay,
    record: modes.record,
    problems,
    fatal: problems.filter((p) => p.severity === 'error').map((p) => p.message),
    builderUrl: new URL('../../index.html', url).href,
  };
}
