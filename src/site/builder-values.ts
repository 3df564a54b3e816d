import { paramName, type ConfigOf, type ParamSpec, type Schema } from '../config/schema.js';
import { parseConfig } from '../config/parse.js';
import type { ConfigProblem } from '../core/config-problem.js';

/**
 * What the URL builder's fields hold: the text of each parameter as typed (a checkbox as
 * `true`/`false`), by schema key. Validation reads it exactly as the overlay reads its URL.
 */
export type FieldTexts = Readonly<Record<string, string>>;

export interface CheckedFields<S extends Schema> {
  /** What the overlay would run with: the defaults where a field is wrong. */
  readonly config: ConfigOf<S>;
  /** What the overlay would warn about, each naming its parameter. */
  readonly problems: readonly ConfigProblem[];
}

function textOf(spec: ParamSpec, value: unknown): string {
  return spec.kind === 'list' ? (value as readonly string[]).join(',') : String(value);
}

/** The fields of a fresh form: every default. */
export function defaultTexts(schema: Schema): FieldTexts {
  return Object.fromEntries(Object.entries(schema).map(([key, spec]) => [key, textOf(spec, spec.default)]));
}

/** One field set to a value, e.g. the token after "Connect with Twitch". */
export function withValue(schema: Schema, texts: FieldTexts, key: string, value: unknown): FieldTexts {
  const spec = schema[key];
  return spec ? { ...texts, [key]: textOf(spec, value) } : texts;
}

/**
 * The fields as an existing overlay URL has them, wrong values included (so each shows next
 * to its field with what is wrong), and the problems that belong to no field.
 */
export function textsFromUrl(schema: Schema, url: URL): { texts: FieldTexts; otherProblems: ConfigProblem[] } {
  const fragment = new URLSearchParams(url.hash.replace(/^#/, ''));
  const texts: Record<string, string> = { ...defaultTexts(schema) };
  for (const [key, spec] of Object.entries(schema)) {
    const raw = fragment.get(paramName(key)) ?? (spec.secret ? null : url.searchParams.get(paramName(key)));
    if (raw === null) continue;
    // A bare flag (`?hide-commands`) means true.
    texts[key] = spec.kind === 'bool' && raw === '' ? 'true' : raw;
  }
  const specs = new Map(Object.entries(schema).map(([key, spec]) => [paramName(key), spec]));
  const { problems } = parseConfig(schema, url);
  // Problems that belong to no field: an unknown parameter, and a secret found in the query
  // (which was not read into its field, so the field cannot show it).
  const otherProblems = problems.filter((p) => !specs.has(p.param) || (specs.get(p.param)!.secret && url.searchParams.has(p.param)));
  return { texts, otherProblems };
}

/**
 * Checks the fields with the overlay's own parser (`parseConfig`), on the URL they make: what
 * it warns about here is exactly what the overlay would warn about. An empty number or colour
 * field means its default.
 */
export function checkFields<S extends Schema>(schema: S, texts: FieldTexts): CheckedFields<S> {
  const url = new URL('http://builder.invalid/');
  const fragment = new URLSearchParams();
  for (const [key, spec] of Object.entries(schema)) {
    const text = texts[key] ?? '';
    const meansDefault = text === '' && (spec.secret || spec.kind === 'int' || spec.kind === 'number' || spec.kind === 'color');
    if (meansDefault) continue;
    (spec.secret ? fragment : url.searchParams).set(paramName(key), text);
  }
  url.hash = fragment.toString();
  return parseConfig(schema, url);
}
