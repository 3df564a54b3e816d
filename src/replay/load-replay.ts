import { SourceError } from '../core/errors.js';
import type { ReplayRequest } from './replay-request.js';
import { decodeRecording, type FrameVia } from './recording.js';
import { Replay } from './replay.js';

/**
 * Fetches and decodes a recording for an overlay that can replay `vias`. Whatever stops the
 * replay (unreachable file, not a recording, nothing this overlay can play) is a `config`
 * error for the setup card.
 */
export async function loadReplay(request: ReplayRequest, vias: readonly FrameVia[], onEnd: () => void): Promise<{ replay: Replay; skipped: number }> {
  let text: string;
  try {
    const response = await fetch(request.from.href);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    text = await response.text();
  } catch (error) {
    throw new SourceError('config', `Could not load the recording ${request.from.protocol === 'data:' ? '(data: URL)' : request.from.href}: ${error instanceof Error ? error.message : String(error)}.`);
  }
  const decoded = decodeRecording(text);
  if (!decoded.ok) throw new SourceError('config', `Cannot replay ${request.from.pathname.split('/').pop()}: ${decoded.reason}.`);
  const { header, frames } = decoded.recording;
  const playable = frames.filter((frame) => vias.includes(frame.via));
  if (playable.length === 0) {
    const has = [...new Set(frames.map((frame) => frame.via))].join(', ') || 'no frames';
    throw new SourceError('config', `This recording has nothing this overlay plays (it needs ${vias.join(' or ')} frames; the recording has ${has}).`);
  }
  // Only this overlay's connections: a frame nobody listens for would hold the end back.
  const replay = new Replay({ header, frames: playable }, request.speed, onEnd);
  return { replay, skipped: decoded.skipped };
}
