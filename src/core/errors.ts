/** What kind of failure a source met; decides whether it retries and what the streamer is told. */
export type SourceErrorCode = 'config' | 'auth' | 'network' | 'protocol' | 'rate-limit';

export interface SourceErrorOptions {
  /** Whether the source will try again by itself. Defaults: auth/config no, the rest yes. */
  retryable?: boolean;
  cause?: unknown;
}

/** The one error type every source reports. `message` says what to do next, for a streamer. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly code: SourceErrorCode;
  readonly retryable: boolean;
  override readonly cause: unknown;

  constructor(code: SourceErrorCode, message: string, options: SourceErrorOptions = {}) {
    super(message);
    this.code = code;
    this.retryable = options.retryable ?? (code !== 'auth' && code !== 'config');
    this.cause = options.cause;
  }
}

/** Turns anything thrown into a SourceError without losing the original. */
export function toSourceError(error: unknown, fallback: SourceErrorCode = 'network'): SourceError {
  if (error instanceof SourceError) return error;
  const text = error instanceof Error ? error.message : String(error);
  return new SourceError(fallback, text, { cause: error });
}

/**
 * Code the page loads on demand that did not arrive (a file gone after an update, a broken
 * disk): Chromium keeps a module that failed to load as failed for the page's life, so only a
 * reload helps, and the setup card says so.
 */
export function codeNotLoaded(error: unknown): SourceError {
  const why = error instanceof Error ? error.message : String(error);
  return new SourceError('network', `Part of this overlay's code did not load (${why}). Refresh the source in OBS.`, { retryable: false, cause: error });
}
