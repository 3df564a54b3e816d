import type { ChatServer } from '../sources/tmi/tmi-transport.js';
import { LIVE_ENDPOINTS, type DevRouting } from './endpoints.js';
import { featureEndpointsAt, type FeatureEndpoints } from '../chat-lookups/feature-endpoints.js';
import type { EmoteEndpoints } from '../chat-lookups/emotes/emote-endpoints.js';
import type { ConfigProblem } from '../core/config-problem.js';
import { parseUrl } from '../core/parse-url.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * `?dev-origin=http://127.0.0.1:PORT` sends every HTTP API to one local server (paths /helix,
 * /id, /7tv/v3, /bttv/3, /ffz/v1, /recent-messages/api/v2: the test servers' layout) and `?dev-chat=127.0.0.1:PORT`
 * sends chat to a local TMI server over plain ws. Only loopback hosts are accepted, so a link
 * can never route a streamer's token to somebody else's server.
 */
export function devEndpoints(url: URL): DevRouting {
  const problems: ConfigProblem[] = [];
  let { twitch } = LIVE_ENDPOINTS;
  let emotes: EmoteEndpoints | undefined;
  let chat: ChatServer | undefined;
  let features: FeatureEndpoints | undefined;
  let recentMessages: string | undefined;

  const origin = url.searchParams.get('dev-origin');
  if (origin) {
    const parsed = parseUrl(origin);
    if (parsed && LOOPBACK.has(parsed.hostname)) {
      const base = parsed.origin;
      twitch = { helix: `${base}/helix`, id: `${base}/id` };
      emotes = { seventv: `${base}/7tv/v3`, bttv: `${base}/bttv/3`, ffz: `${base}/ffz/v1` };
      features = featureEndpointsAt(base);
      recentMessages = `${base}/recent-messages/api/v2`;
    } else {
      problems.push({ param: 'dev-origin', severity: 'warning', message: '"dev-origin" must be a loopback address (127.0.0.1 or localhost); ignored.' });
    }
  }
  const chatHost = url.searchParams.get('dev-chat');
  if (chatHost) {
    const match = /^(127\.0\.0\.1|localhost):(\d{1,5})$/.exec(chatHost);
    if (match) chat = { host: match[1]!, port: Number(match[2]), secure: false };
    else problems.push({ param: 'dev-chat', severity: 'warning', message: '"dev-chat" must be 127.0.0.1:PORT or localhost:PORT; ignored.' });
  }
  const sockets: { eventsub?: string; pubsub?: string; heat?: string } = {};
  for (const [param, key] of [['dev-eventsub', 'eventsub'], ['dev-pubsub', 'pubsub'], ['dev-heat', 'heat']] as const) {
    const value = url.searchParams.get(param);
    if (!value) continue;
    const parsed = parseUrl(value);
    if (parsed && parsed.protocol === 'ws:' && LOOPBACK.has(parsed.hostname)) sockets[key] = parsed.href;
    else problems.push({ param, severity: 'warning', message: `"${param}" must be a ws:// URL on 127.0.0.1 or localhost; ignored.` });
  }
  return { endpoints: { twitch, ...(emotes && { emotes }), ...(features && { features }), ...(recentMessages && { recentMessages }), ...(chat && { chat }), ...sockets }, problems };
}
