import type { Source } from '../core/source.js';
import { SourceError } from '../core/errors.js';
import { createLogger, setDebugLogging } from '../core/logger.js';
import { onObsVisibility } from '../core/obs.js';
import type { ConfigOf, Schema } from '../config/schema.js';
import { isDebug, isDemo, isRecording, parseConfig, type ConfigProblem } from '../config/parse.js';
import { devEndpoints, type Endpoints } from '../config/dev-endpoints.js';
import type { Schedule } from '../core/schedule.js';
import type { FrameVia } from '../replay/recording.js';
import type { Replay } from '../replay/replay.js';
import type { FrameTap, Recorder } from '../replay/recorder.js';
import { replayRequest } from '../replay/replay-request.js';

export interface OverlayEnv {
  readonly url: URL;
  /** `?demo`: run on the simulator, with no account and no network. */
  readonly demo: boolean;
  readonly debug: boolean;
  readonly endpoints: Endpoints;
  /**
   * Adds a line to the `?debug` panel, e.g. which emote services loaded. A line given a `key`
   * replaces the previous line with that key (a counter, say) instead of adding another.
   */
  note(text: string, key?: string): void;
  /**
   * Re-validates `token` every hour (§4.2); if Twitch refuses it, every source stops and the
   * setup card says how to get a new one.
   */
  watchToken(token: string): Promise<void>;
  /** `?replay=…`: the recording to play instead of connecting to Twitch. */
  readonly replay: Replay | null;
  /** `?record`: the hook a source gets to record what arrives on `via`; undefined when not recording. */
  tap(via: FrameVia): FrameTap | undefined;
}

export interface OverlayParts {
  readonly sources: readonly Source[];
  /** The overlay's root element; `paused` follows OBS's visibility of the source. */
  readonly element: HTMLElement & { paused: boolean };
}

export interface OverlayDefinition<S extends Schema> {
  /** e.g. "Chat overlay", for the setup card. */
  readonly title: string;
  readonly schema: S;
  /** The page's folder under `overlays/`, e.g. "chat": names recordings. */
  readonly name: string;
  /** Connections whose frames `?record` saves and `?replay` plays; none: neither applies. */
  readonly records?: readonly FrameVia[];
  /** Builds sources and element. Throw a `config` or `auth` SourceError for a problem the streamer must fix. */
  build(config: ConfigOf<S>, env: OverlayEnv): Promise<OverlayParts>;
}

export interface BootedOverlay {
  readonly parts: OverlayParts | null;
  readonly problems: readonly ConfigProblem[];
  /** What the setup card says, when one is shown. */
  readonly fatal: readonly string[];
  stop(): void;
}

export interface BootOptions {
  readonly url?: URL;
  readonly root?: HTMLElement;
  /** Timing of the token checks; tests step it by hand. */
  readonly schedule?: Schedule;
}

const log = createLogger('overlay');

/**
 * Everything an overlay page does before its own code: read the URL, show a setup card for
 * what must be fixed, mount the element and the `?debug` panel, follow OBS's visibility,
 * start the sources, and stop them when the page goes away.
 */
export async function bootOverlay<S extends Schema>(definition: OverlayDefinition<S>, options: BootOptions = {}): Promise<BootedOverlay> {
  const url = options.url ?? new URL(location.href);
  const root = options.root ?? document.body;
  const demo = isDemo(url);
  const debug = isDebug(url);
  setDebugLogging(debug);

  const parsed = parseConfig(definition.schema, url);
  const dev = devEndpoints(url);
  const replayed = replayRequest(url);
  const records = definition.records ?? [];
  const recordable = records.length > 0;
  const recordAsked = isRecording(url);
  const ignored = (param: string): ConfigProblem => ({ param, severity: 'warning', message: `The ${definition.title.toLowerCase()} has no connection to record or replay; "${param}" was ignored.` });
  const modeProblems = recordable ? replayed.problems : [...(replayed.request ? [ignored('replay')] : []), ...(recordAsked ? [ignored('record')] : [])];
  const replaying = recordable ? replayed.request : null;
  const recording = recordable && recordAsked;
  // In the demo and in a replay, the simulator or the recording supplies what a live overlay
  // requires (a channel, a token); a value that was given but is unusable stays an error.
  const problems = [...parsed.problems, ...dev.problems, ...modeProblems].filter((p) => !((demo || replaying) && p.missing));
  for (const problem of problems) log.warn(problem.message);

  const builderUrl = new URL('../../index.html', url).href;
  // The card and the debug panel load only when needed: most pages never show either.
  const showCard = async (items: string[]): Promise<BootedOverlay> => {
    await import('../components/status/ovl-setup-card.js');
    const card = document.createElement('ovl-setup-card');
    card.overlay = definition.title;
    card.items = items;
    card.builderUrl = builderUrl;
    root.append(card);
    return { parts: null, problems, fatal: items, stop: () => card.remove() };
  };

  const fatal = problems.filter((p) => p.severity === 'error').map((p) => p.message);
  if (fatal.length > 0) return showCard(fatal);

  const notes = new Map<string, string>();
  if (debug) await import('../components/status/ovl-status-panel.js');
  const panel = debug ? document.createElement('ovl-status-panel') : null;
  const note = (text: string, key = `note-${notes.size}`) => {
    notes.set(key, text);
    if (panel) panel.notes = [...notes.values()];
  };

  let replay: Replay | null = null;
  if (replaying) {
    try {
      const { loadReplay } = await import('../replay/load-replay.js');
      const loaded = await loadReplay(replaying, records, () => note('replay: finished', 'replay'));
      replay = loaded.replay;
      note(`replay: ${replay.recording.frames.length} frames at ${replaying.speed}×${loaded.skipped ? `, ${loaded.skipped} unreadable skipped` : ''}`, 'replay');
    } catch (error) {
      return showCard([error instanceof Error ? error.message : String(error)]);
    }
  }
  const recorder: Recorder | null = recording ? new (await import('../replay/recorder.js')).Recorder(definition.name, String(parsed.config.channel ?? '')) : null;
  // Everything started gets its stop here; stopAll() runs them once.
  const cleanups: (() => void)[] = [];
  const stopAll = () => cleanups.splice(0).forEach((cleanup) => cleanup());
  const env: OverlayEnv = {
    url,
    demo,
    debug,
    endpoints: dev.endpoints,
    note,
    replay,
    tap: (via) => (recorder && records.includes(via) ? recorder.tap(via) : undefined),
    watchToken: async (token) => {
      const { TokenWatch } = await import('../twitch/token-watch.js');
      const watch = new TokenWatch({ token, endpoints: dev.endpoints.twitch, schedule: options.schedule });
      watch.addEventListener('invalid', (event) => {
        log.error(event.detail.message);
        stopAll();
        parts?.element.remove();
        void showCard([event.detail.message]);
      });
      cleanups.push(() => watch.stop());
      watch.start();
    },
  };

  let parts: OverlayParts | undefined;
  try {
    parts = await definition.build(parsed.config, env);
  } catch (error) {
    if (error instanceof SourceError && (error.code === 'auth' || error.code === 'config')) return showCard([error.message]);
    log.error('the overlay could not start:', error);
    return showCard([`The overlay could not start: ${error instanceof Error ? error.message : String(error)}`]);
  }

  const running = parts;
  root.append(running.element);
  if (panel) {
    panel.sources = running.sources;
    panel.problems = problems;
    panel.notes = [...notes.values()];
    panel.recorder = recorder;
    root.append(panel);
  }
  cleanups.push(onObsVisibility((visible) => (running.element.paused = !visible)));
  for (const source of running.sources) {
    source.start();
    cleanups.push(() => source.stop());
  }
  window.addEventListener('pagehide', stopAll, { once: true });
  return { parts: running, problems, fatal: [], stop: stopAll };
}
