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
  /**
   * `login`: a Twitch login, normalised from what streamers paste (`@Name`, `twitch.tv/name`);
   * anything else is refused. `user-id`: a numeric Twitch user id.
   */
  readonly format?: StringFormat;
}
/** `logins`: one or more channel logins (or links), comma-separated; the value is the logins joined with `,`. */
export type StringFormat = 'login' | 'logins' | 'user-id';
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
