import { paramName, type ConfigOf, type ParamSpec, type Schema, type StringParam } from './schema.js';
import type { ConfigProblem } from '../core/config-problem.js';

export interface ParsedConfig<S extends Schema> {
  readonly config: ConfigOf<S>;
  readonly problems: readonly ConfigProblem[];
}

/**
 * Parameters every overlay understands besides its own schema: `debug` (status chips), `demo`
 * (the simulator), `record` and `replay`. The loopback-only test routing (`dev-*`) is read, and
 * an unknown `dev-*` name reported, by `devEndpoints`, which loads only on a URL that has one.
 */
const COMMON_PARAMS = new Set(['debug', 'demo', 'record', 'replay', 'replay-speed']);

/**
 * What OBS reads from a link dropped on its preview to size and name the Browser Source it makes
 * (obs-studio `OBSBasic::AddDropURL`), which the setup page's "Drag into OBS" link carries. OBS
 * removes them from the source's URL; a page opened with them elsewhere ignores them quietly.
 */
const OBS_DROP_PARAMS = ['layer-name', 'layer-width', 'layer-height'];

const TRUE_WORDS = new Set(['', '1', 'true', 'yes', 'on']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off']);
const CSS_COLOR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/-]+\)|transparent|[a-z]+)$/i;

/** What the browser takes as a colour (`CSS.supports`); the pattern outside a browser (the docs script). */
function isCssColor(value: string): boolean {
  return typeof CSS !== 'undefined' && typeof CSS.supports === 'function' ? CSS.supports('color', value) : CSS_COLOR.test(value);
}

/** `fatal`: the value is unusable and no default can stand in for it (a channel, say). */
type Coerced = { ok: true; value: unknown } | { ok: false; reason: string; fatal?: boolean };

function coerceString(spec: StringParam, raw: string): Coerced {
  const value = raw.trim();
  if (value === '' || spec.format === undefined) return { ok: true, value };
  const read = spec.format.read(raw);
  return read.ok ? read : { ...read, fatal: true };
}

function coerce(spec: ParamSpec, raw: string): Coerced {
  switch (spec.kind) {
    case 'string':
      return coerceString(spec, raw);
    case 'int':
    case 'number': {
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) return { ok: false, reason: `expected a number, got "${raw}"` };
      if (spec.kind === 'int' && !Number.isInteger(value)) return { ok: false, reason: `expected a whole number, got "${raw}"` };
      if (spec.min !== undefined && value < spec.min) return { ok: false, reason: `must be at least ${spec.min}` };
      if (spec.max !== undefined && value > spec.max) return { ok: false, reason: `must be at most ${spec.max}` };
      return { ok: true, value };
    }
    case 'bool': {
      const word = raw.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, reason: `expected true or false, got "${raw}"` };
    }
    case 'enum':
      return spec.values.includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, reason: `expected one of ${spec.values.join(', ')}, got "${raw}"` };
    case 'list': {
      const items = raw
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
      const unknown = spec.values ? items.filter((item) => !spec.values!.includes(item)) : [];
      return unknown.length === 0
        ? { ok: true, value: items }
        : { ok: false, reason: `has unknown item${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')} (known: ${spec.values!.join(', ')})` };
    }
    case 'color':
      return isCssColor(raw.trim()) ? { ok: true, value: raw.trim() } : { ok: false, reason: `"${raw}" is not a CSS colour` };
  }
}

/**
 * Reads an overlay's configuration from a URL. Never throws: whatever is wrong becomes a
 * problem and the default is used. Order of precedence: default < query < `#fragment`.
 * Secret parameters are only read from the fragment, which browsers never send to a server.
 */
export function parseConfig<S extends Schema>(schema: S, url: URL | string): ParsedConfig<S> {
  const location = typeof url === 'string' ? new URL(url) : url;
  const query = location.searchParams;
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const problems: ConfigProblem[] = [];
  const config: Record<string, unknown> = {};
  const known = new Set<string>([...COMMON_PARAMS, ...OBS_DROP_PARAMS]);

  for (const [key, spec] of Object.entries(schema)) {
    const name = paramName(key);
    known.add(name);
    config[key] = spec.default;

    if (spec.secret && query.has(name)) {
      problems.push({
        param: name,
        severity: 'error',
        message: `"${name}" is a secret and was ignored in the query string. Put it after the # instead (…/#${name}=…), so it never reaches a server or a log.`,
      });
    }
    const raw = fragment.get(name) ?? (spec.secret ? null : query.get(name));
    // The parameter's doc stays off overlay pages (see schema.ts): the setup page, which the
    // setup card links to, explains each parameter and makes the link.
    const missing: ConfigProblem = { param: name, severity: 'error', missing: true, message: `"${name}" is required: the overlay cannot run without it. The setup page asks for it and makes the link.` };
    if (raw === null) {
      if (spec.required) problems.push(missing);
      continue;
    }
    const result = coerce(spec, raw);
    if (result.ok) config[key] = result.value;
    else if (result.fatal) problems.push({ param: name, severity: 'error', message: `"${name}" ${result.reason}.` });
    else problems.push({ param: name, severity: 'warning', message: `"${name}" ${result.reason}; using the default.` });
    if (spec.required && result.ok && (result.value === '' || result.value === undefined)) problems.push(missing);
  }

  for (const name of new Set([...query.keys(), ...fragment.keys()])) {
    if (!known.has(name) && !name.startsWith('dev-')) problems.push({ param: name, severity: 'warning', message: `Unknown parameter "${name}" was ignored.` });
  }
  return { config: config as ConfigOf<S>, problems };
}

/** Whether the page URL asks for the debug view (`?debug`). */
export function isDebug(url: URL): boolean {
  const value = url.searchParams.get('debug') ?? new URLSearchParams(url.hash.replace(/^#/, '')).get('debug');
  return value !== null && !FALSE_WORDS.has(value.toLowerCase());
}

/** Whether the page URL asks for the simulator (`?demo`). */
export function isDemo(url: URL): boolean {
  return queryFlag(url, 'demo');
}

/** Whether the page URL asks to record what its connections receive (`?record`). */
export function isRecording(url: URL): boolean {
  return queryFlag(url, 'record');
}

function queryFlag(url: URL, name: string): boolean {
  const value = url.searchParams.get(name);
  return value !== null && !FALSE_WORDS.has(value.toLowerCase());
}
