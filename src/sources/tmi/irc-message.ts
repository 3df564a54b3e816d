/**
 * IRCv3 line parsing. tmi.js parses lines too, but it unescapes `\n`/`\r` to nothing and
 * coerces every `1`/`0` tag to a boolean (twitch-protocols.md §1.8, §1.10 pitfalls 3 and 5),
 * so chat events are built from the raw line with this parser instead.
 */
export interface IrcPrefix {
  readonly nick: string | null;
  readonly user: string | null;
  readonly host: string;
}

export interface IrcMessage {
  /** Tag values, unescaped. A tag written without `=` has the value null (§1.5). */
  readonly tags: Readonly<Record<string, string | null>>;
  readonly prefix: IrcPrefix | null;
  /** Upper-cased command or three-digit numeric. */
  readonly command: string;
  readonly params: readonly string[];
}

const ESCAPES: Readonly<Record<string, string>> = { ':': ';', s: ' ', '\\': '\\', r: '\r', n: '\n' };

/** IRCv3 message-tags unescaping (§1.8): unknown escapes drop the backslash, a trailing one is dropped. */
export function unescapeTagValue(value: string): string {
  if (!value.includes('\\')) return value;
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char !== '\\') {
      out += char;
      continue;
    }
    i += 1;
    if (i >= value.length) break;
    const next = value[i]!;
    out += ESCAPES[next] ?? next;
  }
  return out;
}

function parseTags(raw: string): Record<string, string | null> {
  const tags: Record<string, string | null> = {};
  for (const pair of raw.split(';')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq === -1) tags[pair] = null;
    else tags[pair.slice(0, eq)] = unescapeTagValue(pair.slice(eq + 1));
  }
  return tags;
}

function parsePrefix(raw: string): IrcPrefix {
  const bang = raw.indexOf('!');
  const at = raw.indexOf('@');
  if (bang === -1 && at === -1) return { nick: null, user: null, host: raw };
  if (at === -1) return { nick: raw.slice(0, bang), user: raw.slice(bang + 1), host: '' };
  if (bang === -1 || bang > at) return { nick: raw.slice(0, at), user: null, host: raw.slice(at + 1) };
  return { nick: raw.slice(0, bang), user: raw.slice(bang + 1, at), host: raw.slice(at + 1) };
}

/**
 * Parses one IRC line (without its CRLF). Returns null for a line that is not IRC at all
 * (empty, or tags/prefix with no command), never throws.
 */
export function parseIrcLine(line: string): IrcMessage | null {
  let rest = line.replace(/[\r\n]+$/, '');
  let tags: Record<string, string | null> = {};
  let prefix: IrcPrefix | null = null;

  if (rest.startsWith('@')) {
    const space = rest.indexOf(' ');
    if (space === -1) return null;
    tags = parseTags(rest.slice(1, space));
    rest = rest.slice(space + 1).replace(/^ +/, '');
  }
  if (rest.startsWith(':')) {
    const space = rest.indexOf(' ');
    if (space === -1) return null;
    prefix = parsePrefix(rest.slice(1, space));
    rest = rest.slice(space + 1).replace(/^ +/, '');
  }

  const params: string[] = [];
  let command = '';
  while (rest.length > 0) {
    if (command !== '' && rest.startsWith(':')) {
      params.push(rest.slice(1));
      break;
    }
    const space = rest.indexOf(' ');
    const word = space === -1 ? rest : rest.slice(0, space);
    if (command === '') command = word.toUpperCase();
    else params.push(word);
    rest = space === -1 ? '' : rest.slice(space + 1).replace(/^ +/, '');
  }
  if (command === '' || !/^[A-Z]+$|^\d{3}$/.test(command)) return null;
  return { tags, prefix, command, params };
}
