/**
 * STUN/TURN servers from a WHIP answer's `Link` headers (RFC 9725 §4.6, twitch-protocols.md
 * §6.2): `<turn:host?transport=udp>; rel="ice-server"; username="u"; credential="p"`. Several
 * headers arrive joined by ", " and quoted values may hold commas, so this splits on commas
 * outside `<…>` and quotes. Links with another `rel` are ignored.
 */
export function iceServersFromLink(header: string | null): RTCIceServer[] {
  if (!header) return [];
  const servers: RTCIceServer[] = [];
  for (const link of splitOutside(header, ',')) {
    const target = /^\s*<([^>]*)>/.exec(link);
    if (!target) continue;
    const params = new Map<string, string>();
    for (const param of splitOutside(link.slice(target[0].length), ';')) {
      const pair = /^\s*([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;,]*))\s*$/.exec(param);
      if (pair) params.set(pair[1]!.toLowerCase(), pair[2] !== undefined ? pair[2].replace(/\\(.)/g, '$1') : pair[3]!);
    }
    if (!(params.get('rel') ?? '').split(/\s+/).includes('ice-server')) continue;
    const server: RTCIceServer = { urls: target[1]! };
    if (params.has('username')) server.username = params.get('username');
    if (params.has('credential')) server.credential = params.get('credential');
    servers.push(server);
  }
  return servers;
}

function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let bracketed = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && quoted) {
      current += char + (text[++i] ?? '');
      continue;
    }
    if (char === '"' && !bracketed) quoted = !quoted;
    else if (char === '<' && !quoted) bracketed = true;
    else if (char === '>' && !quoted) bracketed = false;
    if (char === separator && !quoted && !bracketed) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.filter((part) => part.trim() !== '');
}
