import type { ConfigProblem } from '../core/config-problem.js';
import type { Schema } from '../config/schema.js';
import { isRecording } from '../config/parse.js';
import { replayRequest, type ReplayRequest } from '../replay/replay-request.js';
import type { Recorder } from '../replay/recorder.js';
import type { Replay } from '../replay/replay.js';
import type { OverlayDefinition, OverlayEnv } from './overlay-definition.js';

/** `?record` and `?replay` as an overlay page's URL asks for them. */
export interface RecordModes {
  /** `?replay`, when this overlay has connections to replay. */
  readonly replay: ReplayRequest | null;
  /** `?record`, when this overlay has connections to record. */
  readonly record: boolean;
  readonly problems: readonly ConfigProblem[];
}

/**
 * `?record` and `?replay`, which only an overlay with connections to record understands. A page
 * loads this code only when its URL names one of them (asksRecordModes): a streamer's overlay
 * never needs it. Never throws.
 */
export function readRecordModes(definition: Pick<OverlayDefinition<Schema>, 'entry' | 'records'>, url: URL): RecordModes {
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

/**
 * What the modes need before the overlay builds: the recording, loaded (a file that cannot be
 * played rejects with a `config` SourceError saying why, for the setup card), and the recorder.
 */
export async function startRecordModes(
  modes: RecordModes,
  definition: Pick<OverlayDefinition<Schema>, 'entry' | 'records'>,
  channel: string,
  note: OverlayEnv['note'],
): Promise<{ replay: Replay | null; recorder: Recorder | null }> {
  const replay = modes.replay && (await loadReplay(modes.replay, definition, note));
  const recorder = modes.record ? new (await import('../replay/recorder.js')).Recorder(definition.entry.name, channel) : null;
  return { replay, recorder };
}

async function loadReplay(request: ReplayRequest, definition: Pick<OverlayDefinition<Schema>, 'records'>, note: OverlayEnv['note']): Promise<Replay> {
  const { loadReplay: load } = await import('../replay/load-replay.js');
  const loaded = await load(request, definition.records ?? [], () => note('replay: finished', 'replay'));
  const { replay } = loaded;
  note(`replay: ${replay.recording.frames.length} frames at ${request.speed}×${loaded.skipped ? `, ${loaded.skipped} unreadable skipped` : ''}`, 'replay');
  return replay;
}
