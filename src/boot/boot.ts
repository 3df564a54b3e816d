import { SourceError } from '../core/errors.js';
import { createLogger, setDebugLogging } from '../core/logger.js';
import { onObsVisibility } from '../core/obs.js';
import { realSchedule, type Schedule } from '../core/schedule.js';
import type { Schema } from '../config/schema.js';
import type { ConfigProblem } from '../core/config-problem.js';
import type { Recorder } from '../replay/recorder.js';
import type { Replay } from '../replay/replay.js';
import type { OvlStatusPanel } from '../components/status/ovl-status-panel.js';
import { asksDevEndpoints } from '../config/endpoints.js';
import { asksRecordModes, planBoot } from './boot-plan.js';
import { SetupCardSlot } from './setup-card-slot.js';
import { problemText, tokenRefused, watchSources } from './source-problems.js';
import type { OverlayDefinition, OverlayEnv, OverlayParts } from './overlay-definition.js';
import type { PageControl } from './page-control.js';
import type { TokenValidation } from '../twitch/validate-token.js';

export type { OverlayDefinition, OverlayEnv, OverlayParts } from './overlay-definition.js';

export interface BootedOverlay {
  /** Null when the overlay could not start (the setup card says why). */
  readonly parts: OverlayParts | null;
  readonly problems: readonly ConfigProblem[];
  /** What the setup card says now; empty while no card is shown. */
  readonly fatal: readonly string[];
  stop(): void;
}

export interface BootOptions {
  readonly url?: URL;
  readonly root?: HTMLElement;
  /** Runs the overlay's timers (`env.schedule`); tests step it by hand. */
  readonly schedule?: Schedule;
}

const log = createLogger('overlay');

/**
 * Everything an overlay page does before its own code: read the URL (`planBoot`), show a
 * setup card for what must be fixed, mount the element and the `?debug` panel, follow OBS's
 * visibility, start the sources, and stop them when the page goes away. While it runs, any
 * source that needs the streamer brings the card back (see `runOverlay`).
 */
export async function bootOverlay<S extends Schema>(definition: OverlayDefinition<S>, options: BootOptions = {}): Promise<BootedOverlay> {
  const url = options.url ?? new URL(location.href);
  const root = options.root ?? document.body;
  // The control channel's code loads while the overlay builds: most pages never see a dock.
  const control = import('./page-control.js').catch((error: unknown) => void log.warn('the dock cannot reach this page:', error));
  const dev = asksDevEndpoints(url) ? (await import('../config/dev-endpoints.js')).devEndpoints(url) : undefined;
  const recordModes = asksRecordModes(url) ? await import('./record-modes.js') : null;
  const plan = planBoot(definition, url, { dev, modes: recordModes?.readRecordModes(definition, url) });
  setDebugLogging(plan.debug);
  for (const problem of plan.problems) log.warn(problem.message);
  const card = new SetupCardSlot(root, definition.entry.title, plan.builderUrl);
  const halt = async (items: readonly string[]): Promise<BootedOverlay> => {
    await card.show(items);
    return { parts: null, problems: plan.problems, fatal: items, stop: () => void card.show([]) };
  };
  if (plan.fatal.length > 0) return halt(plan.fatal);

  const panel = plan.debug ? await statusPanel(plan.problems) : null;
  const note = debugNotes(panel);
  let replay: Replay | null = null;
  let recorder: Recorder | null = null;
  if (recordModes) {
    try {
      ({ replay, recorder } = await recordModes.startRecordModes(plan, definition, String(plan.config.channel ?? ''), note));
    } catch (error) {
      return halt([messageOf(error)]);
    }
  }
  let token: TokenValidation | null = null;
  let joined: PageControl | undefined;
  const env: OverlayEnv = {
    url,
    demo: plan.demo,
    debug: plan.debug,
    endpoints: plan.endpoints,
    schedule: options.schedule ?? realSchedule,
    note,
    replay,
    tap: (via) => (recorder && definition.records?.includes(via) ? recorder.tap(via) : undefined),
    tokenValidated: (validation) => void (token = validation),
    presenceChanged: () => joined?.presenceChanged(),
  };
  let parts: OverlayParts;
  try {
    parts = await definition.build(plan.config, env);
  } catch (error) {
    if (error instanceof SourceError && (error.code === 'auth' || error.code === 'config')) return halt([error.message]);
    log.error('the overlay could not start:', error);
    return halt([`The overlay could not start: ${messageOf(error)}`]);
  }
  if (panel) Object.assign(panel, { sources: parts.sources, recorder });
  // Before the element is mounted and the sources start: a hidden overlay never flashes, a paused queue lets no alert through.
  joined = (await control)?.joinPageControl({ definition, parts, root, demo: plan.demo, token });
  return runOverlay(parts, { root, card, panel, problems: plan.problems, leaveControl: joined?.stop });
}

/**
 * Mounts and starts a built overlay. From then on the setup card follows the sources: it
 * shows whenever one needs the streamer and goes when none does, over the overlay, which stays
 * mounted. A refused token is the exception: every source stops, the overlay goes, the card stays.
 */
function runOverlay(
  parts: OverlayParts,
  {
    root,
    card,
    panel,
    problems,
    leaveControl,
  }: {
    root: HTMLElement;
    card: SetupCardSlot;
    panel: OvlStatusPanel | null;
    problems: readonly ConfigProblem[];
    /** Leaves the dock's control channel (see joinPageControl), when the page joined it. */
    leaveControl: (() => void) | undefined;
  },
): BootedOverlay {
  const watching = new AbortController();
  // Everything started gets its stop here; stopAll() runs them once.
  const cleanups: (() => void)[] = [() => watching.abort(), leaveControl ?? (() => {})];
  const stopAll = () => cleanups.splice(0).forEach((cleanup) => cleanup());
  watchSources(
    parts.sources,
    (failing) => {
      // Two sources may fail with one cause (a label's, whose connection loaded on demand): the card says it once.
      const items = [...new Set(failing.map(problemText))];
      for (const item of items) if (!card.items.includes(item)) log.error(item);
      if (failing.some((source) => tokenRefused(source.status))) {
        stopAll();
        parts.element.remove();
      }
      void card.show(items);
    },
    watching.signal,
  );
  // Before the element is mounted: a page that starts hidden starts paused.
  cleanups.push(onObsVisibility((visible) => (parts.element.paused = !visible)));
  root.append(parts.element);
  if (panel) root.append(panel);
  for (const source of parts.sources) {
    cleanups.push(() => source.stop());
    source.start();
  }
  window.addEventListener('pagehide', stopAll, { once: true });
  return {
    parts,
    problems,
    get fatal() {
      return card.items;
    },
    stop: () => {
      stopAll();
      void card.show([]);
    },
  };
}

/** The `?debug` panel, loaded only when asked for. */
async function statusPanel(problems: readonly ConfigProblem[]): Promise<OvlStatusPanel> {
  await import('../components/status/ovl-status-panel.js');
  return Object.assign(document.createElement('ovl-status-panel'), { problems });
}

/** `env.note`: lines for the `?debug` panel, kept by key. */
function debugNotes(panel: OvlStatusPanel | null): OverlayEnv['note'] {
  const notes = new Map<string, string>();
  return (text, key = `note-${notes.size}`) => {
    notes.set(key, text);
    if (panel) panel.notes = [...notes.values()];
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
