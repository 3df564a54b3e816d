import type { Source, SourceStatus } from '../core/source.js';

/**
 * Whether a status needs the streamer: the source stopped for good (`error`), or it keeps
 * retrying something only they can fix (an `auth` or `config` error, e.g. Heat refusing a
 * channel). Anything else (a dropped socket being retried) is transient: `?debug` shows it.
 */
export function needsStreamer(status: SourceStatus): boolean {
  if (status.state === 'error') return true;
  if (status.state !== 'connecting' && status.state !== 'reconnecting') return false;
  return status.error?.code === 'auth' || status.error?.code === 'config';
}

/**
 * A refused token ends every session that uses it (§4.2): an overlay's sources share one
 * token, so one that stopped on an `auth` error means none of them can go on.
 */
export function tokenRefused(status: SourceStatus): boolean {
  return status.state === 'error' && status.error?.code === 'auth';
}

/** What the setup card says for a source that needs the streamer. */
export function problemText(source: Source): string {
  return source.status.error?.message ?? source.lastError?.message ?? `The ${source.name} connection stopped.`;
}

/**
 * Calls `onChange` with the sources that need the streamer each time any source's status
 * changes, until `signal` aborts. The one way the boot follows every source.
 */
export function watchSources(sources: readonly Source[], onChange: (failing: readonly Source[]) => void, signal: AbortSignal): void {
  const check = () => onChange(sources.filter((source) => needsStreamer(source.status)));
  for (const source of sources) source.addEventListener('status', check, { signal });
}
