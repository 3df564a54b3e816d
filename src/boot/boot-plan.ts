import type { ConfigOf, Schema } from '../config/schema.js';
import { isDebug, isDemo, isRecording, parseConfig } from '../config/parse.js';
import type { ConfigProblem } from '../core/config-problem.js';
import { LIVE_ENDPOINTS, type DevRouting, type Endpoints } from '../config/endpoints.js';
import { replayRequest, type ReplayRequest } from '../replay/replay-request.js';
import type { OverlayDefinition } from './overlay-definition.js';

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

/**
 * Reads an overlay page's URL into its modes (`?demo`, `?debug`, `?record`, `?replay`), its
 * configuration and what is wrong with them; `dev` is the URL's test-server routing, when it
 * has any (the live services otherwise). Pure and DOM-free; never throws.
 */
export function planBoot<S extends Schema>(
  definition: Pick<OverlayDefinition<S>, 'entry' | 'records'>,
  url: URL,
  dev: DevRouting = { endpoints: LIVE_ENDPOINTS, problems: [] },
): BootPlan<S> {
  const demo = isDemo(url);
  const parsed = parseConfig(definition.entry.schema, url);
  const modes = recordModes(definition, url);
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

/** `?record` and `?replay`, which only an overlay with connections to record understands. */
function recordModes(definition: Pick<OverlayDefinition<Schema>, 'entry' | 'records'>, url: URL) {
  const replayed = replayRequest(url);
  const recordAsked = isRecording(url);
  if ((definition.records ?? []).length > 0) return { replay: replayed.request, record: recordAsked, problems: replayed.problems };
  const ignored = (param: string): ConfigProblem => ({
    param,
    severity: 'warning',
    message: `The ${definition.entry.title.toLowerCase()} has no connection to record or replay; "${param}" was ignored.`,
  });
  const problems = [...(replayed.request ? [ignored('replay')] : []), ...(recordAsked ? [ignored('record')] : [])];
  return { replay: null, record: false, problems };
}

