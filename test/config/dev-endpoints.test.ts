import { describe, expect, test } from 'vitest';
import { devEndpoints } from '../../src/config/dev-endpoints.js';
import { asksDevEndpoints, LIVE_ENDPOINTS } from '../../src/config/endpoints.js';
import { TWITCH_ENDPOINTS } from '../../src/twitch/endpoints.js';
import { parseConfig } from '../../src/config/parse.js';
import { param } from '../../src/config/schema.js';

const at = (query: string) => new URL(`https://me.example/kit/overlays/alerts/?${query}#token=abc`);
const routing = (query: string) => devEndpoints(at(query));
const params = (query: string) => routing(query).problems.map((p) => [p.param, p.severity]);

// The Twitch CLI's defaults, with its Helix mock moved off the EventSub server's port 8080.
const CLI = {
  helix: 'http://127.0.0.1:8081/mock',
  validate: 'http://127.0.0.1:8081/auth/validate',
  subscriptions: 'http://127.0.0.1:8080/eventsub/subscriptions',
  eventsub: 'ws://127.0.0.1:8080/ws',
};
const cliQuery = `dev-helix=${CLI.helix}&dev-validate=${CLI.validate}&dev-subscriptions=${CLI.subscriptions}&dev-eventsub=${CLI.eventsub}`;

describe('devEndpoints: the Twitch CLI’s URLs', () => {
  test('dev-helix, dev-validate and dev-subscriptions move those URLs, and only those', () => {
    const { endpoints, problems } = routing(cliQuery);
    expect(problems).toEqual([]);
    expect(endpoints.twitch).toEqual({
      helix: CLI.helix,
      id: TWITCH_ENDPOINTS.id,
      validate: CLI.validate,
      routes: { '/eventsub/subscriptions': CLI.subscriptions },
    });
    expect(endpoints.eventsub).toBe(CLI.eventsub);
    // Nothing else moves: the chat services stay the real ones.
    expect(endpoints).not.toHaveProperty('emotes');
    expect(endpoints).not.toHaveProperty('features');
  });

  test('each overrides its part of dev-origin, the rest stays under dev-origin', () => {
    const { endpoints } = routing(`dev-origin=http://127.0.0.1:9000&dev-validate=http://localhost:8081/auth/validate`);
    expect(endpoints.twitch).toEqual({ helix: 'http://127.0.0.1:9000/helix', id: 'http://127.0.0.1:9000/id', validate: 'http://localhost:8081/auth/validate' });
    expect(endpoints.emotes?.seventv).toBe('http://127.0.0.1:9000/7tv/v3');
  });

  test('a trailing slash is dropped; https and [::1] are loopback too', () => {
    expect(routing('dev-helix=http://127.0.0.1:8081/mock/').endpoints.twitch.helix).toBe('http://127.0.0.1:8081/mock');
    expect(routing('dev-helix=https://localhost:8081/mock').endpoints.twitch.helix).toBe('https://localhost:8081/mock');
    expect(routing('dev-validate=http://[::1]:8081/auth/validate').endpoints.twitch.validate).toBe('http://[::1]:8081/auth/validate');
  });

  test.each([
    ['another host', 'dev-helix=http://evil.example/mock'],
    ['a host that only starts like loopback', 'dev-validate=http://127.0.0.1.evil.example/auth/validate'],
    ['credentials aimed at another host', `dev-validate=${encodeURIComponent('http://127.0.0.1@evil.example/auth/validate')}`],
    ['a LAN address', 'dev-subscriptions=http://192.168.1.20:8080/eventsub/subscriptions'],
    ['a WebSocket URL', 'dev-subscriptions=ws://127.0.0.1:8080/eventsub/subscriptions'],
    ['no URL at all', 'dev-helix=127.0.0.1:8081/mock'],
    ['a query', `dev-validate=${encodeURIComponent('http://127.0.0.1:8081/auth/validate?x=1')}`],
    ['a fragment', `dev-helix=${encodeURIComponent('http://127.0.0.1:8081/mock#x')}`],
  ])('refuses %s with a warning naming the parameter, and keeps Twitch’s URL', (_why, query) => {
    const { endpoints, problems } = routing(query);
    const param = query.slice(0, query.indexOf('='));
    expect(problems).toEqual([{ param, severity: 'warning', message: `"${param}" must be an http:// or https:// URL on 127.0.0.1 or localhost, with no ?query or #fragment; ignored.` }]);
    expect(endpoints.twitch).toEqual(LIVE_ENDPOINTS.twitch);
  });

  test('one bad value leaves the good ones standing, each problem reported once, in URL order', () => {
    const query = `dev-helix=${CLI.helix}&dev-validate=http://evil.example/auth/validate&dev-subscriptions=https://evil.example/s`;
    expect(routing(query).endpoints.twitch).toEqual({ ...TWITCH_ENDPOINTS, helix: CLI.helix });
    expect(params(query)).toEqual([
      ['dev-validate', 'warning'],
      ['dev-subscriptions', 'warning'],
    ]);
  });

  test('an empty value is no routing and no problem; any dev-* parameter loads the routing', () => {
    expect(routing('dev-helix=&dev-validate=')).toEqual({ endpoints: LIVE_ENDPOINTS, problems: [] });
    expect(asksDevEndpoints(at('dev-subscriptions=x'))).toBe(true);
    expect(asksDevEndpoints(at('debug&channel=x'))).toBe(false);
  });

  test('an unknown dev-* name is reported here, once, and not by the overlay’s own parameters (which load on every page)', () => {
    const url = at(`dev-origin=http://127.0.0.1:9000&dev-orgin=http://127.0.0.1:9000&channel=x`);
    expect(devEndpoints(url).problems).toEqual([{ param: 'dev-orgin', severity: 'warning', message: 'Unknown parameter "dev-orgin" was ignored.' }]);
    const { problems } = parseConfig({ channel: param.string(''), token: param.string('') }, url);
    expect(problems).toEqual([]);
  });
});
