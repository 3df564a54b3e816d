/**
 * Named, levelled console logging (`ovl:chat`, `ovl:helix`). Debug lines print only when
 * enabled (the overlay's `?debug`). Every line passes through `redact`, so a token that
 * slips into an error message never reaches the console, where OBS logs may keep it.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

let debugEnabled = false;

export function setDebugLogging(enabled: boolean): void {
  debugEnabled = enabled;
}

const SECRET_PATTERNS: readonly RegExp[] = [
  /(oauth:)[A-Za-z0-9]+/gi,
  /(bearer\s+)[A-Za-z0-9._~+/-]+/gi,
  /((?:access_)?token=)[^&\s]+/gi,
  /(PASS\s+)\S+/g,
];

/** Replaces anything that looks like a credential with `***`. */
export function redact(text: string): string {
  return SECRET_PATTERNS.reduce((out, pattern) => out.replace(pattern, (_m, prefix?: string) => `${typeof prefix === 'string' ? prefix : ''}***`), text);
}

function clean(arg: unknown): unknown {
  if (typeof arg === 'string') return redact(arg);
  if (arg instanceof Error) return redact(`${arg.name}: ${arg.message}`);
  return arg;
}

export function createLogger(name: string): Logger {
  const tag = `[ovl:${name}]`;
  const write = (level: LogLevel, args: unknown[]) => {
    if (level === 'debug' && !debugEnabled) return;
    console[level](tag, ...args.map(clean));
  };
  return {
    debug: (...args) => write('debug', args),
    info: (...args) => write('info', args),
    warn: (...args) => write('warn', args),
    error: (...args) => write('error', args),
  };
}
