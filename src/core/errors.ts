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
