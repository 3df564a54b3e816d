import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FakeEventSubServer } from './fake-eventsub.js';
import { BROADCASTER_TOKEN, BROKEN_CHANNEL_ID, FIXTURE_CHANNEL_ID, GOOD_TOKEN, TEST_CLIENT_ID, scopesOfToken } from '../helpers/http.js';

/**
 * Twitch's HTTP APIs (Helix, id.twitch.tv) and the third-party emote APIs, on 127.0.0.1,
 * with CORS as a static page needs. Paths are prefixed by service: /helix, /id, /7tv, /bttv,
 * /ffz. Tests can queue one-off answers (errors, 429s, slow or malformed replies) for a path
 * and read back every request made.
 */

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as is, e.g. malformed JSON. */
  rawBody?: string;
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | null;
  clientId: string | null;
}

const fixtures = resolve(import.meta.dirname, '../fixtures/http');
const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve(fixtures, name), 'utf8'));

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Client-Id, Content-Type',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Ratelimit-Limit, Ratelimit-Remaining, Ratelimit-Reset, Location',
};

export class FakeHttpServer {
  private readonly scripts = new Map<string, ScriptedResponse[]>();
  private readonly log: RecordedRequest[] = [];
  /** Live streams by user id, in Helix's shape; absent means offline. */
  private readonly streams = new Map<string, Record<string, unknown>>();
  /** Where `POST /helix/eventsub/subscriptions` creates subscriptions. */
  eventsub: FakeEventSubServer | null = null;
  /** Device codes and how many more polls each answers "authorization_pending". */
  private readonly deviceCodes = new Map<string, number>();

  private constructor(private readonly server: Server) {
    server.on('request', (req, res) => void this.handle(req, res));
  }

  static async start(): Promise<FakeHttpServer> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return new FakeHttpServer(server);
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Queues answers for `METHOD /path` (query ignored); each is used once, before the routes. */
  script(method: string, path: string, responses: ScriptedResponse[]): void {
    const key = `${method.toUpperCase()} ${path}`;
    this.scripts.set(key, [...(this.scripts.get(key) ?? []), ...responses]);
  }

  /** Puts a user's stream live (with these Helix fields) or, with null, offline. */
  setStream(userId: string, stream: Record<string, unknown> | null): void {
    if (stream) this.streams.set(userId, stream);
    else this.streams.delete(userId);
  }

  /** Requests whose URL starts with `prefix`, oldest first. */
  requests(prefix = ''): RecordedRequest[] {
    return this.log.filter((r) => r.url.startsWith(prefix));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    // Under /nocors/ the server answers like one that does not allow calls from web pages.
    const cors = url.pathname.startsWith('/nocors/') ? {} : CORS;
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end();
      return;
    }
    const body = req.method === 'POST' ? await new Promise<string>((done) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => done(text));
    }) : '';
    this.log.push({
      method: req.method ?? 'GET',
      url: url.pathname + url.search,
      authorization: req.headers.authorization ?? null,
      clientId: (req.headers['client-id'] as string | undefined) ?? null,
    });
    const queued = this.scripts.get(`${req.method} ${url.pathname}`);
    const answer = queued?.shift() ?? this.route(req, url, body);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    const text = answer.rawBody ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...cors, ...answer.headers }).end(text);
  }

  private route(req: IncomingMessage, url: URL, body: string): ScriptedResponse {
    const form = new URLSearchParams(body);
    const path = url.pathname.replace(/^\/nocors/, '');
    const scoped = scopesOfToken((req.headers.authorization ?? '').replace(/^Bearer /, ''));
    const broadcaster = req.headers.authorization === `Bearer ${BROADCASTER_TOKEN}`;
    const authorized = broadcaster || scoped !== null || req.headers.authorization === `Bearer ${GOOD_TOKEN}`;
    const json = (body: unknown, status = 200): ScriptedResponse => ({ status, body });
    const notFound = json({ error: 'Not Found', status: 404, message: 'Not Found' }, 404);

    if (path === '/id/oauth2/device' && req.method === 'POST') {
      const code = `device-${this.deviceCodes.size + 1}`;
      this.deviceCodes.set(code, 2);
      return json({ device_code: code, expires_in: 1800, interval: 5, user_code: 'ABCDEFGH', verification_uri: 'https://www.twitch.tv/activate?public=true&device-code=ABCDEFGH' });
    }
    if (path === '/id/oauth2/token' && req.method === 'POST') {
      const pending = this.deviceCodes.get(form.get('device_code') ?? '');
      if (pending === undefined) return json({ status: 400, message: 'invalid device code' }, 400);
      if (pending > 0) {
        this.deviceCodes.set(form.get('device_code')!, pending - 1);
        return json({ status: 400, message: 'authorization_pending' }, 400);
      }
      return json({ access_token: GOOD_TOKEN, expires_in: 14_000, refresh_token: 'refresh-1', scope: (form.get('scopes') ?? '').split(' ').filter(Boolean), token_type: 'bearer' });
    }
    if (path === '/id/oauth2/authorize') {
      // Twitch's implicit grant answers by redirecting to redirect_uri with the result in the fragment (§4.4).
      const redirect = new URL(url.searchParams.get('redirect_uri') ?? 'about:blank');
      const state = url.searchParams.get('state') ?? '';
      const result =
        url.searchParams.get('client_id') === 'deny'
          ? new URLSearchParams({ error: 'access_denied', error_description: 'The user denied you access', state })
          : new URLSearchParams({ access_token: GOOD_TOKEN, scope: url.searchParams.get('scope') ?? '', state, token_type: 'bearer' });
      redirect.hash = result.toString();
      return { status: 302, headers: { Location: redirect.href } };
    }
    if (path === '/id/oauth2/validate') {
      return authorized
        ? json({
            client_id: TEST_CLIENT_ID,
            login: 'teststreamer',
            scopes: scoped ?? (broadcaster ? ['channel:read:redemptions', 'chat:read'] : ['chat:read', 'chat:edit']),
            user_id: FIXTURE_CHANNEL_ID,
            expires_in: 14_000,
          })
        : json({ status: 401, message: 'invalid access token' }, 401);
    }
    if (path.startsWith('/helix/')) {
      if (!authorized || req.headers['client-id'] !== TEST_CLIENT_ID) return json({ error: 'Unauthorized', status: 401, message: 'Invalid OAuth token' }, 401);
      const rate = { 'Ratelimit-Limit': '800', 'Ratelimit-Remaining': '799', 'Ratelimit-Reset': String(Math.ceil(Date.now() / 1000) + 60) };
      if (path === '/helix/users') {
        // Every numeric id is a user except those starting with 0; logins map to a stable id,
        // except those starting with "nobody".
        const ids = url.searchParams.getAll('id').filter((id) => /^[1-9]\d*$/.test(id));
        const logins = url.searchParams.getAll('login').filter((login) => !login.startsWith('nobody')).map((login) => ({ login, id: login === 'teststreamer' ? FIXTURE_CHANNEL_ID : String(7_000_000 + login.length) }));
        const users = [...ids.map((id) => ({ id, login: `user${id}` })), ...logins].map(({ id, login }) => ({
          id,
          login,
          display_name: login.charAt(0).toUpperCase() + login.slice(1),
          type: '',
          broadcaster_type: '',
          description: '',
          profile_image_url: `https://static-cdn.jtvnw.net/jtv_user_pictures/${login}-profile_image-300x300.png`,
          offline_image_url: '',
          view_count: 0,
          created_at: '2016-12-14T20:32:28Z',
        }));
        return { status: 200, headers: rate, body: { data: users } };
      }
      if (path === '/helix/eventsub/subscriptions' && req.method === 'POST' && this.eventsub) {
        const request = JSON.parse(body || '{}');
        if (String(request.type).startsWith('channel.channel_points') && !broadcaster && !scoped) {
          return json({ error: 'Forbidden', status: 403, message: 'subscription missing proper authorization' }, 403);
        }
        return this.eventsub.subscribe(request, scoped);
      }
      if (path === '/helix/channel_points/custom_rewards') {
        if (!broadcaster && !scoped?.includes('channel:read:redemptions')) return json({ error: 'Unauthorized', status: 401, message: 'Missing scope: channel:read:redemptions or channel:manage:redemptions' }, 401);
        if (url.searchParams.get('broadcaster_id') !== FIXTURE_CHANNEL_ID) {
          return json({ error: 'Forbidden', status: 403, message: "The ID in broadcaster_id must match the user ID found in the request's OAuth token." }, 403);
        }
        return { status: 200, headers: rate, body: fixture('helix-custom-rewards.json') };
      }
      if (path === '/helix/chat/emotes') return { status: 200, headers: rate, body: fixture('helix-channel-emotes.json') };
      if (path === '/helix/streams') {
        const data = url.searchParams.getAll('user_id').flatMap((id) => (this.streams.has(id) ? [this.streams.get(id)] : []));
        return { status: 200, headers: rate, body: { data, pagination: {} } };
      }
      if (path === '/helix/chat/badges/global') return { status: 200, headers: rate, body: fixture('helix-badges-global.json') };
      if (path === '/helix/chat/badges') {
        const own = url.searchParams.get('broadcaster_id') === FIXTURE_CHANNEL_ID;
        return { status: 200, headers: rate, body: own ? fixture('helix-badges-channel.json') : { data: [] } };
      }
      return notFound;
    }

    const channel = /\/(\d+)$/.exec(path)?.[1];
    if (channel === BROKEN_CHANNEL_ID) return json({ error: 'Internal Server Error' }, 500);
    const known = channel === FIXTURE_CHANNEL_ID;
    switch (path.replace(/\/\d+$/, '/:id')) {
      case '/7tv/v3/emote-sets/global':
        return json(fixture('7tv-global.json'));
      case '/7tv/v3/users/twitch/:id':
        return known ? json(fixture('7tv-user.json')) : json({ status_code: 404, error: 'Unknown User', error_code: 70442 }, 404);
      case '/bttv/3/cached/emotes/global':
        return json(fixture('bttv-global.json'));
      case '/bttv/3/cached/users/twitch/:id':
        return known ? json(fixture('bttv-user.json')) : json({ message: 'user not found' }, 404);
      case '/ffz/v1/set/global':
        return json(fixture('ffz-global.json'));
      case '/ffz/v1/room/id/:id':
        return known ? json(fixture('ffz-room.json')) : json({ error: 'Not Found', status: 404, message: 'No such room' }, 404);
      default:
        return notFound;
    }
  }
}
