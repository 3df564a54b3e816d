/**
 * Checked reads from an untrusted JSON payload. Each throws a PayloadError naming the field,
 * so a bad notification is logged with the reason and skipped instead of showing "undefined"
 * or an absurd number on stream.
 */
export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

export type Json = Readonly<Record<string, unknown>>;

export function object(value: unknown, field: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PayloadError(`${field} is not an object`);
  return value as Json;
}

export function array(value: unknown, field: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new PayloadError(`${field} is not a list`);
  return value;
}

/** A string; `allowEmpty` for names and texts, not for ids. */
export function text(source: Json, key: string, allowEmpty = false): string {
  const value = source[key];
  if (typeof value !== 'string' || (!allowEmpty && value === '')) throw new PayloadError(`${key} is missing`);
  return value;
}

export function optionalText(source: Json, key: string): string {
  const value = source[key];
  return typeof value === 'string' ? value : '';
}

/** A whole number within [min, max]: negative bits or 10^12 viewers are refused. */
export function count(source: Json, key: string, min: number, max: number): number {
  const value = source[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new PayloadError(`${key} is not a whole number`);
  if (value < min || value > max) throw new PayloadError(`${key} = ${value} is outside ${min}–${max}`);
  return value;
}

export function optionalCount(source: Json, key: string, min: number, max: number): number | null {
  return source[key] === null || source[key] === undefined ? null : count(source, key, min, max);
}

/** An RFC 3339 time (§3.1: nanoseconds, which Date.parse reads to the millisecond) as epoch ms. */
export function time(source: Json, key: string): number {
  const ms = Date.parse(text(source, key));
  if (!Number.isFinite(ms)) throw new PayloadError(`${key} is not a time`);
  return ms;
}

export function optionalTime(source: Json, key: string): number | null {
  return typeof source[key] === 'string' ? time(source, key) : null;
}

export function flag(source: Json, key: string): boolean {
  return source[key] === true;
}
