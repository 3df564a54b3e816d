import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FakeEventSubServer } from './fake-eventsub.js';
import { roomIdOf } from './fake-tmi.js';
import { BROADCASTER_TOKEN, BROKEN_CHANNEL_ID, COSMETIC_USER_ID, FIXTURE_CHANNEL_ID, GOOD_TOKEN, RADIAL_USER_ID, TEST_CLIENT_ID, QUICK_POLL_CLIENT_ID, scopesOfToken } from '../helpers/http.js';
import { ALWAYS_ASKING_CLIENT_PREFIX, DENYING_CLIENT_ID, IMPLICIT_TOKEN_LIFETIME } from '../helpers/oauth.js';
import { Outage } from './outage.js';

/**
 * Twitch's HTTP APIs (Helix, id.twitch.tv), the third-party emote and badge APIs, IVR, the
 * pronouns API and the recent-messages service, on 127.0.0.1, with CORS as a static page needs.
 * Paths are prefixed by service: /helix, /id, /7tv, /bttv, /ffz, /ivr, /pronouns,
 * /recent-messages; Twitch's are also served where the Twitch CLI has them (CLI_LAYOUT). Tests
 * can queue one-off answers (errors, 429s, slow or malformed replies) for a path, set what a channel's live state reads from now on (`setLive`), take the whole
 * server away (`outage`) and read back every request made.
 */

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent as is, e.g. malformed JSON. */
  rawBody?: string;
  delayMs?: number;
  /**
   * This many spaces after the body, sent chunked with no Content-Length: a valid but oversized
   * answer that a client can only notice while reading it.
   */
  padBytes?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  /** A POST's body as sent. */
  body?: string;
  authorization: string | null;
  clientId: string | null;
}

const fixtures = resolve(import.meta.dirname, '../fixtures/http');
const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve(fixtures, name), 'utf8'));

/** Helix's live-state reads: the scopes that allow each (any one), and the fixture it answers by default. */
const LIVE_STATE: Readonly<Record<string, { scopes: readonly string[]; fixture: string }>> = {
  '/helix/goals': { scopes: ['channel:read:goals'], fixture: 'helix-goals.json' },
  '/helix/hypetrain/status': { scopes: ['channel:read:hype_train'], fixture: 'helix-hypetrain-status.json' },
  '/helix/polls': { scopes: ['channel:read:polls', 'channel:manage:polls'], fixture: 'helix-polls.json' },
  '/helix/predictions': { scopes: ['channel:read:predictions', 'channel:manage:predictions'], fixture: 'helix-predictions.json' },
};

/**
 * The Twitch CLI's paths for the same routes: `twitch mock-api start` serves Helix under /mock
 * and the token check at /auth/validate, `twitch event websocket start-server` takes
 * subscriptions at /eventsub/subscriptions (README, "Trying it against the Twitch CLI").
 */
const CLI_LAYOUT: readonly (readonly [RegExp, string])[] = [
  [/^\/mock\//, '/helix/'],
  [/^\/auth\/validate$/, '/id/oauth2/validate'],
  [/^\/eventsub\/subscriptions$/, '/helix/eventsub/subscriptions'],
];

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Client-Id, Content-Type',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Location',
};

/**
 * CORS that also lets the page read the rate-limit headers. Whether Helix exposes them is not
 * known (twitch-protocols.md §4.1, twitchdev/issues 499), so by default the fake does not, and a
 * page reads them as null, as it would then in Chromium (`exposeRateLimit`).
 */
const CORS_WITH_RATE_LIMIT = { ...CORS, 'Access-Control-Expose-Headers': 'Ratelimit-Limit, Ratelimit-Remaining, Ratelimit-Reset, Location' };

export class FakeHttpServer {
  private readonly scripts = new Map<string, ScriptedResponse[]>();
  private readonly log: RecordedRequest[] = [];
  /** Live streams by user id, in Helix's shape; absent means offline. */
  private readonly streams = new Map<string, Record<string, unknown>>();
  /** Where `POST /helix/eventsub/subscriptions` creates subscriptions. */
  eventsub: FakeEventSubServer | null = null;
  /** Device codes and how many more polls each answers "authorization_pending". */
  private readonly deviceCodes = new Map<string, number>();
  /** Tokens the implicit grant and the device flow handed out, with exactly the scopes asked for, and their lifetime in seconds. */
  private readonly granted = new Map<string, { scopes: string[]; expiresIn: number }>();
  /** The scopes each client id was granted on the consent screen, as Twitch remembers a user's grants. */
  private readonly consented = new Map<string, Set<string>>();
  /** What the fixture channel's live-state endpoints answer instead of their fixtures, by path. */
  private readonly live = new Map<string, unknown>();
  /** Twitch's API and id.twitch.tv going away and coming back. */
  readonly outage: Outage;
  /** Whether pages may read the `Ratelimit-*` headers (CORS_WITH_RATE_LIMIT). */
  private rateLimitExposed = false;

  private constructor(private readonly server: Server) {
    this.outage = new Outage(server);
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

  /** From now on, lets pages read the `Ratelimit-*` headers (`on`), or not, the default. */
  exposeRateLimit(on: boolean): void {
    this.rateLimitExposed = on;
  }

  /** A new token for `scopes`, as Twitch's login flows issue: one per grant. */
  private grant(scopes: string[], expiresIn: number): string {
    const token = `granted${this.granted.size + 1}`;
    this.granted.set(token, { scopes, expiresIn });
    return token;
  }

  /**
   * Twitch's implicit grant (§4.4): a redirect to `redirect_uri` with the answer after the `#`:
   * `access_token`, `scope`, `state` and `token_type=bearer`, or `error` and `error_description`.
   */
  private authorizeAnswer(params: URLSearchParams, allowed: boolean): ScriptedResponse {
    const redirect = new URL(params.get('redirect_uri') ?? 'about:blank');
    const state = params.get('state') ?? '';
    const scope = params.get('scope') ?? '';
    const result = allowed
      ? new URLSearchParams({ access_token: this.grant(scope.split(' ').filter(Boolean), IMPLICIT_TOKEN_LIFETIME), scope, state, token_type: 'bearer' })
      : new URLSearchParams({ error: 'access_denied', error_description: 'The user denied you access', state });
    redirect.hash = result.toString();
    return { status: 302, headers: { Location: redirect.href } };
  }

  /**
   * `GET /oauth2/authorize` as Twitch answers it: the consent screen when the client asks for a
   * scope the user has not granted it yet (or `force_verify`, or a client that is always asked),
   * and otherwise straight back with a token for exactly the scopes asked.
   */
  private authorize(params: URLSearchParams): ScriptedResponse {
    const clientId = params.get('client_id') ?? '';
    if (clientId === DENYING_CLIENT_ID) return this.authorizeAnswer(params, false);
    const scopes = (params.get('scope') ?? '').split(' ').filter(Boolean);
    const granted = this.consented.get(clientId);
    const ask = !granted || params.get('force_verify') === 'true' || clientId.startsWith(ALWAYS_ASKING_CLIENT_PREFIX) || scopes.some((scope) => !granted.has(scope));
    if (!ask) return this.authorizeAnswer(params, true);
    const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
    const hidden = [...params].map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');
    const asked = scopes.map((scope) => `<li>${escape(scope)}</li>`).join('') || '<li>(no scopes: your login only)</li>';
    const page = `<!doctype html><html lang="en"><title>Authorize</title><h1>Authorize ${escape(clientId)}</h1><ul>${asked}</ul>
      <form method="get" action="consent">${hidden}<button id="authorize" name="decision" value="allow">Authorize</button> <button id="cancel" name="decision" value="deny">Cancel</button></form></html>`;
    return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, rawBody: page };
  }

  /** The consent screen's buttons: "Authorize" remembers the grant for the client id. */
  private consent(params: URLSearchParams): ScriptedResponse {
    const allowed = params.get('decision') === 'allow';
    if (allowed) {
      const clientId = params.get('client_id') ?? '';
      const granted = this.consented.get(clientId) ?? new Set<string>();
      for (const scope of (params.get('scope') ?? '').split(' ').filter(Boolean)) granted.add(scope);
      this.consented.set(clientId, granted);
    }
    return this.authorizeAnswer(params, allowed);
  }

  /** Puts a user's stream live (with these Helix fields) or, with null, offline. */
  setStream(userId: string, stream: Record<string, unknown> | null): void {
    if (stream) this.streams.set(userId, stream);
    else this.streams.delete(userId);
  }

  /**
   * What `GET <path>` answers from now on for the fixture channel, for the live-state endpoints
   * (`/helix/hypetrain/status`, `/helix/polls`, `/helix/predictions`, `/helix/goals`): the
   * whole body, in Helix's shape; null goes back to the fixture.
   */
  setLive(path: string, body: unknown): void {
    if (body === null) this.live.delete(path);
    else this.live.set(path, body);
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
    const cors = url.pathname.startsWith('/nocors/') ? {} : this.rateLimitExposed ? CORS_WITH_RATE_LIMIT : CORS;
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
      ...(body && { body }),
      authorization: req.headers.authorization ?? null,
      clientId: (req.headers['client-id'] as string | undefined) ?? null,
    });
    const queued = this.scripts.get(`${req.method} ${url.pathname}`);
    const answer = queued?.shift() ?? this.route(req, url, body);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    const text = answer.rawBody ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...cors, ...answer.headers });
    if (answer.padBytes) res.write(text);
    res.end(answer.padBytes ? ' '.repeat(answer.padBytes) : text);
  }

  private route(req: IncomingMessage, url: URL, body: string): ScriptedResponse {
    const form = new URLSearchParams(body);
    const path = CLI_LAYOUT.reduce((at, [cli, ours]) => at.replace(cli, ours), url.pathname.replace(/^\/nocors/, ''));
    const token = (req.headers.authorization ?? '').replace(/^(Bearer|OAuth) /, '');
    // Tokens the fake OAuth issued carry the scopes asked for; `scoped~…` tokens name theirs.
    const minted = this.granted.get(token);
    const scoped = minted?.scopes ?? scopesOfToken(token);
    const broadcaster = req.headers.authorization === `Bearer ${BROADCASTER_TOKEN}` || Boolean(scoped?.includes('channel:read:redemptions'));
    const authorized = broadcaster || scoped !== null || req.headers.authorization === `Bearer ${GOOD_TOKEN}`;
    const json = (body: unknown, status = 200): ScriptedResponse => ({ status, body });
    const notFound = json({ error: 'Not Found', status: 404, message: 'Not Found' }, 404);

    if (path === '/id/oauth2/device' && req.method === 'POST') {
      const code = `device-${this.deviceCodes.size + 1}`;
      this.deviceCodes.set(code, 2);
      // Twitch's interval is 5 s; page tests use a client the fake tells to poll every second.
      const interval = form.get('client_id') === QUICK_POLL_CLIENT_ID ? 1 : 5;
      return json({ device_code: code, expires_in: 1800, interval, user_code: 'ABCDEFGH', verification_uri: 'https://www.twitch.tv/activate?public=true&device-code=ABCDEFGH' });
    }
    if (path === '/id/oauth2/token' && req.method === 'POST') {
      const pending = this.deviceCodes.get(form.get('device_code') ?? '');
      if (pending === undefined) return json({ status: 400, message: 'invalid device code' }, 400);
      if (pending > 0) {
        this.deviceCodes.set(form.get('device_code')!, pending - 1);
        return json({ status: 400, message: 'authorization_pending' }, 400);
      }
      const scopes = (form.get('scopes') ?? '').split(' ').filter(Boolean);
      return json({ access_token: this.grant(scopes, 14_000), expires_in: 14_000, refresh_token: 'refresh-1', scope: scopes, token_type: 'bearer' });
    }
    if (path === '/id/oauth2/authorize') return this.authorize(url.searchParams);
    if (path === '/id/oauth2/consent') return this.consent(url.searchParams);
    if (path === '/id/oauth2/validate') {
      return authorized
        ? json({
            client_id: TEST_CLIENT_ID,
            login: 'teststreamer',
            scopes: scoped ?? (broadcaster ? ['channel:read:redemptions', 'chat:read'] : ['chat:read', 'chat:edit']),
            user_id: FIXTURE_CHANNEL_ID,
            expires_in: minted?.expiresIn ?? 14_000,
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
        // Every fake token is the fixture broadcaster's (validate says so), yet tests stand for other
        // users with the condition's: the account, for Twitch's limits, is the user a subscription is about.
        const condition = (request.condition ?? {}) as Record<string, string>;
        const about = condition.broadcaster_user_id ?? condition.to_broadcaster_user_id ?? condition.from_broadcaster_user_id ?? condition.user_id ?? FIXTURE_CHANNEL_ID;
        return this.eventsub.subscribe(request, scoped, `${TEST_CLIENT_ID}:${about}`);
      }
      if (path === '/helix/channel_points/custom_rewards') {
        if (!broadcaster && !scoped?.includes('channel:read:redemptions')) return json({ error: 'Unauthorized', status: 401, message: 'Missing scope: channel:read:redemptions or channel:manage:redemptions' }, 401);
        if (url.searchParams.get('broadcaster_id') !== FIXTURE_CHANNEL_ID) {
          return json({ error: 'Forbidden', status: 403, message: "The ID in broadcaster_id must match the user ID found in the request's OAuth token." }, 403);
        }
        return { status: 200, headers: rate, body: fixture('helix-custom-rewards.json') };
      }
      // The channel's live state, each read with its own scope (either one), by its broadcaster alone.
      const liveState = LIVE_STATE[path];
      if (liveState) {
        if (!broadcaster && !liveState.scopes.some((scope) => scoped?.includes(scope))) return json({ error: 'Unauthorized', status: 401, message: `Missing scope: ${liveState.scopes.join(' or ')}` }, 401);
        if (url.searchParams.get('broadcaster_id') !== FIXTURE_CHANNEL_ID) {
          return json({ error: 'Forbidden', status: 403, message: "The ID in broadcaster_id must match the user ID found in the request's OAuth token." }, 403);
        }
        return { status: 200, headers: rate, body: this.live.get(path) ?? fixture(liveState.fixture) };
      }
      if (path === '/helix/bits/leaderboard') {
        if (!broadcaster && !scoped?.includes('bits:read')) return json({ error: 'Unauthorized', status: 401, message: 'Missing scope: bits:read' }, 401);
        const period = url.searchParams.get('period') ?? 'all';
        if (!['day', 'week', 'month', 'year', 'all'].includes(period)) return json({ error: 'Bad Request', status: 400, message: 'The value in the period query parameter is not valid' }, 400);
        // Twitch ranks the whole period and returns the first `count` (default 10, at most 100); for `all` the date range is empty.
        const board = fixture('helix-bits-leaderboard.json') as { data: unknown[]; date_range: unknown };
        const data = board.data.slice(0, Math.min(Number(url.searchParams.get('count') ?? 10), 100));
        return { status: 200, headers: rate, body: { data, date_range: period === 'all' ? { started_at: '', ended_at: '' } : board.date_range, total: data.length } };
      }
      if (path === '/helix/bits/cheermotes') return { status: 200, headers: rate, body: fixture('helix-cheermotes.json') };
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

    const feature = this.featureRoute(req, url, body);
    if (feature) return feature;
    const historyOf = /^\/recent-messages\/api\/v2\/recent-messages\/([a-z0-9_]+)$/.exec(path)?.[1];
    if (historyOf) return this.recentMessages(historyOf);

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

  /**
   * The recent-messages service's recorded answers, for the channel asked for: its lines name
   * that channel, with the room id the fake TMI server gives it. A channel named `optedout…`
   * opted out (403, `channel_ignored`), `newchan…` is one the service has not joined yet,
   * `costream…` has the second recording; any other has the first.
   */
  private recentMessages(login: string): ScriptedResponse {
    const answer = (name: string): unknown => JSON.parse(readFileSync(resolve(fixtures, name), 'utf8').replaceAll('@CHANNEL@', login).replaceAll('@ROOM@', roomIdOf(login)));
    if (login.startsWith('optedout')) return { status: 403, body: answer('recent-messages-ignored.json') };
    if (login.startsWith('newchan')) return { status: 200, body: answer('recent-messages-not-joined.json') };
    return { status: 200, body: answer(login.startsWith('costream') ? 'recent-messages-costream.json' : 'recent-messages.json') };
  }

  /** IVR's badges, third-party badges and 7TV cosmetics, and the pronouns API. */
  private featureRoute(req: IncomingMessage, url: URL, body: string): ScriptedResponse | null {
    const path = url.pathname;
    const json = (body: unknown, status = 200): ScriptedResponse => ({ status, body });
    if (path === '/ivr/v2/twitch/badges/global') return json(fixture('ivr-badges-global.json'));
    if (path === '/ivr/v2/twitch/badges/channel') {
      const id = url.searchParams.get('id');
      if (id === BROKEN_CHANNEL_ID) return json({ statusCode: 500, error: 'Internal Server Error' }, 500);
      if (!id || !/^\d+$/.test(id)) return json({ statusCode: 400, error: 'Bad Request', message: 'querystring must have required property id' }, 400);
      return json(id === FIXTURE_CHANNEL_ID ? fixture('ivr-badges-channel.json') : []);
    }
    if (path === '/ivr/v2/twitch/user') {
      // IVR answers an array, empty for an id it does not know.
      const id = url.searchParams.get('id');
      return json((fixture('ivr-users.json') as { id: string }[]).filter((user) => user.id === id));
    }
    if (path === '/ffz/v1/badges/ids') return json(fixture('ffz-badges.json'));
    if (path === '/bttv/3/cached/badges/twitch') return json(fixture('bttv-badges.json'));
    if (path === `/7tv/v3/users/twitch/${COSMETIC_USER_ID}`) return json(fixture('7tv-user-cosmetics.json'));
    if (path === `/7tv/v3/users/twitch/${RADIAL_USER_ID}`) return json(fixture('7tv-user-radial.json'));
    if (path === '/7tv/v3/gql' && req.method === 'POST') {
      // Answers only the cosmetics asked for, as the real `cosmetics(list:)` query does.
      const asked = new Set<string>((JSON.parse(body || '{}') as { variables?: { list?: string[] } }).variables?.list ?? []);
      const all = fixture('7tv-cosmetics-gql.json') as { data: { cosmetics: { paints: { id: string }[]; badges: { id: string }[] } } };
      const { paints, badges } = all.data.cosmetics;
      return json({ data: { cosmetics: { paints: paints.filter((p) => asked.has(p.id)), badges: badges.filter((b) => asked.has(b.id)) } } });
    }
    if (path === '/pronouns/v1/pronouns') return json(fixture('pronouns-list.json'));
    const login = /^\/pronouns\/v1\/users\/([^/]+)$/.exec(path)?.[1];
    if (login) {
      const user = (fixture('pronouns-users.json') as Record<string, unknown>)[login];
      return user ? json(user) : json({ error: 'Not Found', status: 404, message: 'User not found' }, 404);
    }
    return null;
  }
}
