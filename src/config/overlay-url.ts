import { paramName, type ConfigOf, type ParamSpec, type Schema } from './schema.js';

function encodeValue(spec: ParamSpec, value: unknown): string | null {
  switch (spec.kind) {
    case 'bool':
      return value ? '' : 'false';
    case 'list':
      return (value as readonly string[]).join(',');
    default:
      return String(value);
  }
}

function sameAsDefault(spec: ParamSpec, value: unknown): boolean {
  if (spec.kind === 'list') return (value as readonly string[]).join(',') === spec.default.join(',');
  return value === spec.default;
}

/**
 * The URL to paste into OBS for `values`: only settings that differ from their defaults, in
 * the query; secrets after the `#`, never in the query. `parseConfig` reads it back.
 */
export function overlayUrl<S extends Schema>(base: string | URL, schema: S, values: Partial<ConfigOf<S>>, extra: Record<string, string> = {}): string {
  const url = new URL(base);
  url.search = '';
  url.hash = '';
  const secrets = new URLSearchParams();
  for (const [key, spec] of Object.entries(schema)) {
    const value = (values as Record<string, unknown>)[key];
    if (value === undefined || sameAsDefault(spec, value) || (spec.secret && value === '')) continue;
    const encoded = encodeValue(spec, value);
    if (encoded === null) continue;
    (spec.secret ? secrets : url.searchParams).set(paramName(key), encoded);
  }
  for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
  // URLSearchParams writes `debug=`; a bare flag reads better in OBS's URL box.
  const query = url.searchParams.toString().replace(/=(?=&|$)/g, '');
  return `${url.origin}${url.pathname}${query ? `?${query}` : ''}${secrets.toString() ? `#${secrets}` : ''}`;
}
