/**
 * One declarative schema per overlay: each URL parameter with its type and default. The same
 * schema drives parsing, the URL builder and the README tables. Its one-line docs are a
 * separate `ParamDocs` object next to it: only people read them (the URL builder, the README),
 * so an overlay page that imports the schema alone does not carry them.
 *
 * Keys are camelCase properties; the URL name is the kebab-case of the same words
 * (`maxMessages` ⇔ `?max-messages=`).
 */
export type ParamKind = 'string' | 'int' | 'number' | 'bool' | 'enum' | 'list' | 'color';

interface ParamBase<K extends ParamKind, T> {
  readonly kind: K;
  readonly default: T;
  /** Secrets are read from the `#fragment` only and never logged. */
  readonly secret?: boolean;
  /** A missing required parameter is a setup error shown on the overlay. */
  readonly required?: boolean;
}

export interface StringParam extends ParamBase<'string', string> {
  /** What the text must be (string-formats.ts: a Twitch login, several, a user id); anything else is refused. */
  readonly format?: StringFormat;
}
/**
 * A kind of text a string parameter must be, and how it is read: `read` gets the text as given
 * (not blank) and answers the value, or why it is unusable (no default can stand in for a
 * channel). An object the schema imports, so a page whose parameters have none carries none.
 */
export interface StringFormat {
  /** For the README's parameter table (param-table.ts). */
  readonly name: 'login' | 'logins' | 'user-id';
  read(raw: string): { ok: true; value: string } | { ok: false; reason: string };
}
export interface NumberParam extends ParamBase<'int' | 'number', number> {
  readonly min?: number;
  readonly max?: number;
}
export interface BoolParam extends ParamBase<'bool', boolean> {}
export interface EnumParam<V extends string = string> extends ParamBase<'enum', V> {
  readonly values: readonly V[];
}
export interface ListParam extends ParamBase<'list', readonly string[]> {
  /** When set, items outside it are dropped with a warning. */
  readonly values?: readonly string[];
}
export interface ColorParam extends ParamBase<'color', string> {}

export type ParamSpec = StringParam | NumberParam | BoolParam | EnumParam | ListParam | ColorParam;
export type Schema = Readonly<Record<string, ParamSpec>>;

export type ConfigOf<S extends Schema> = { -readonly [K in keyof S]: S[K]['default'] };

/** One line per parameter of `S` saying what it does, for the URL builder and the README; a missing one does not compile. */
export type ParamDocs<S extends Schema> = { readonly [K in keyof S & string]: string };

type Extra = { secret?: boolean; required?: boolean; format?: StringFormat };

/** Constructors that keep each parameter's literal type, for `ConfigOf`. */
export const param = {
  string: (def = '', extra: Extra = {}): StringParam => ({ kind: 'string', default: def, ...extra }),
  int: (def: number, range: { min?: number; max?: number } = {}): NumberParam => ({ kind: 'int', default: def, ...range }),
  number: (def: number, range: { min?: number; max?: number } = {}): NumberParam => ({ kind: 'number', default: def, ...range }),
  bool: (def = false): BoolParam => ({ kind: 'bool', default: def }),
  enum: <V extends string>(values: readonly V[], def: V): EnumParam<V> => ({ kind: 'enum', values, default: def }),
  list: (def: readonly string[] = [], values?: readonly string[]): ListParam => ({ kind: 'list', default: def, ...(values && { values }) }),
  color: (def: string): ColorParam => ({ kind: 'color', default: def }),
};

/** `maxMessages` → `max-messages`. */
export function paramName(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
