import { paramName, type ParamDocs, type ParamSpec, type Schema, type StringFormat } from './schema.js';

function defaultText(spec: ParamSpec): string {
  if (spec.secret) return '—';
  if (spec.kind === 'list') return spec.default.length ? `\`${spec.default.join(',')}\`` : '(none)';
  if (spec.kind === 'bool') return spec.default ? '`true`' : '`false`';
  if (spec.kind === 'string') return spec.default ? `\`${spec.default}\`` : spec.required ? 'required' : '(empty)';
  return `\`${String(spec.default)}\``;
}

const FORMAT_TEXT: Record<StringFormat['name'], string> = { login: 'Twitch login or link', logins: 'Twitch logins or links, comma-separated', 'user-id': 'numeric user id' };

function typeText(spec: ParamSpec): string {
  if (spec.kind === 'string' && spec.format) return FORMAT_TEXT[spec.format.name];
  switch (spec.kind) {
    case 'enum':
      return spec.values.map((v) => `\`${v}\``).join(' \\| ');
    case 'int':
    case 'number': {
      const range = spec.min !== undefined && spec.max !== undefined ? ` ${spec.min}–${spec.max}` : spec.min !== undefined ? ` ≥ ${spec.min}` : '';
      return `${spec.kind === 'int' ? 'integer' : 'number'}${range}`;
    }
    case 'list':
      return spec.values ? `list of ${spec.values.map((v) => `\`${v}\``).join(', ')}` : 'list';
    case 'color':
      return 'CSS colour';
    default:
      return spec.secret ? 'secret, `#fragment` only' : spec.kind;
  }
}

/** The README table of an overlay's URL parameters, made from its schema and its docs so README and code cannot drift. */
export function paramTable<S extends Schema>(schema: S, docs: ParamDocs<S>): string {
  const rows = Object.entries(schema).map(
    ([key, spec]) => `| \`${paramName(key)}\` | ${typeText(spec)} | ${defaultText(spec)} | ${docs[key as keyof S & string].replace(/\|/g, '\\|')} |`,
  );
  return ['| parameter | type | default | what it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
