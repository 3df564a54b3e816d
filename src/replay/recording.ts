/**
 * Which connection a recorded frame arrived on. `chat-history` is a channel's recent history
 * as the recent-messages service answered it (`history=N`): its IRC lines, CRLF-separated.
 * PubSub is not recorded: Twitch retired it (§2), so there is no live PubSub traffic left to record.
 */
export type FrameVia = 'chat' | 'chat-history' | 'eventsub' | 'heat';

const VIAS: readonly FrameVia[] = ['chat', 'chat-history', 'eventsub', 'heat'];

/** One frame as received: an IRC line, or a WebSocket message's text. */
export interface RecordedFrame {
  /** Milliseconds since the recording began. */
  readonly t: number;
  readonly via: FrameVia;
  readonly data: string;
}

export interface RecordingHeader {
  readonly format: 'ovl-recording';
  readonly version: 1;
  /** The overlay page that recorded, e.g. "chat". */
  readonly overlay: string;
  /** ISO time the recording began. */
  readonly startedAt: string;
  /** Which channel, as given in the overlay's URL. */
  readonly channel: string;
}

export interface Recording {
  readonly header: RecordingHeader;
  readonly frames: readonly RecordedFrame[];
}

/**
 * JSON lines: the header, then one frame per line. Line-oriented so a long recording can be
 * read (or cut down into a test fixture) with ordinary text tools.
 */
export function encodeRecording(recording: Recording): string {
  return [recording.header, ...recording.frames].map((item) => JSON.stringify(item)).join('\n') + '\n';
}

export type DecodedRecording = { ok: true; recording: Recording; skipped: number } | { ok: false; reason: string };

/** Reads a recording; frames that cannot be read are skipped and counted, never fatal. */
export function decodeRecording(text: string): DecodedRecording {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const header = parseJson(lines[0] ?? '') as Partial<RecordingHeader> | null;
  if (header?.format !== 'ovl-recording') return { ok: false, reason: 'not an overlay recording (the first line must be its header)' };
  if (header.version !== 1) return { ok: false, reason: `recording version ${String(header.version)} is not supported (expected 1)` };
  const frames: RecordedFrame[] = [];
  let skipped = 0;
  for (const line of lines.slice(1)) {
    const frame = parseJson(line) as Partial<RecordedFrame> | null;
    if (frame && typeof frame.t === 'number' && Number.isFinite(frame.t) && typeof frame.data === 'string' && VIAS.includes(frame.via as FrameVia)) {
      frames.push({ t: frame.t, via: frame.via as FrameVia, data: frame.data });
    } else {
      skipped += 1;
    }
  }
  frames.sort((a, b) => a.t - b.t);
  return { ok: true, recording: { header: header as RecordingHeader, frames }, skipped };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
