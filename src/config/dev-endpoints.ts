import type { ChatServer } from '../sources/tmi/tmi-transport.js';
import { LIVE_ENDPOINTS, type DevRouting } from './endpoints.js';
import { featureEndpointsAt, type FeatureEndpoints } from '../chat-lookups/feature-endpoints.js';
import type { EmoteEndpoints } from '../chat-lookups/emotes/emote-endpoints.js';
import type { ConfigProblem } from '../core/config-problem.js';
import { parseUrl } from '../core/parse-url.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The routing's parameters; any other `dev-*` name is reported as unknown. */
const DEV_PARAMS = new Set(['dev-origin', 'dev-helix', 'dev-validate', 'dev-subscriptions', 'dev-chat', 'dev-eventsub', 'dev-pubsub', 'dev-heat']);

/** An http(s) URL on a loopback host with no query or fragment, without its trailing slash; null for anything else. */
function loopbackHttpUrl(value: string): string | null {
  const parsed = parseUrl(value);
  if (!parsed || !/^https?:$/.test(parsed.protocol) || !LOOPBACK.has(parsed.hostname) || parsed.search || parsed.hash) return null;
  return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '');
}

/**
 * `?dev-origin=http://127.0.0.1:PORT` sends every HTTP API to one local server (paths /helix,
 * /id, /7tv/v3, /bttv/3, /ffz/v1, /recent-messages/api/v2: the test servers' layout) and `?dev-chat=127.0.0.1:PORT`
 * sends chat to a local TMI server over plain ws. `?dev-helix`, `?dev-validate` and
 * `?dev-subscriptions` then move single Twitch URLs elsewhere, for servers with another layout
 * (the Twitch CLI's: Helix under /mock, the token check at /auth/validate, subscriptions on its
 * EventSub server). Only loopback hosts are accepted, so a link can never route a streamer's
 * token to somebody else's server.
 */
export function devEndpoints(url: URL): DevRouting {
  const problems: ConfigProblem[] = [...url.searchParams.keys()]
    .filter((param) => param.startsWith('dev-') && !DEV_PARAMS.has(param))
    .map((param) => ({ param, severity: 'warning', message: `Unknown parameter "${param}" was ignored.` }));
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
  /** `param`'s loopback http(s) URL; undefined when absent, or refused with a warning. */
  const httpParam = (param: string): string | undefined => {
    const value = url.searchParams.get(param);
    if (!value) return undefined;
    const found = loopbackHttpUrl(value);
    if (!found) problems.push({ param, severity: 'warning', message: `"${param}" must be an http:// or https:// URL on 127.0.0.1 or localhost, with no ?query or #fragment; ignored.` });
    return found ?? undefined;
  };
  const helix = httpParam('dev-helix');
  const validate = httpParam('dev-validate');
  const subscriptions = httpParam('dev-subscriptions');
  twitch = { ...twitch, ...(helix && { helix }), ...(validate && { validate }), ...(subscriptions && { routes: { '/eventsub/subscriptions': subscriptions } }) };
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
