import { describe, expect, test } from 'vitest';
import { finishDeviceLogin, startDeviceLogin } from '../../src/twitch/device-auth.js';
import { fake, fakeTwitchEndpoints } from '../helpers/fake-servers.js';

describe('device-code login (behind a feature check)', () => {
  test('where the endpoints allow browser calls: code, then pending polls at the interval, then the token', async () => {
    const options = { clientId: 'public-app', scopes: ['chat:read'], endpoints: fakeTwitchEndpoints() };
    const code = await startDeviceLogin(options);
    expect(code).toMatchObject({ userCode: 'ABCDEFGH', interval: 5, verificationUri: expect.stringContaining('twitch.tv/activate') });
    const waits: number[] = [];
    const token = await finishDeviceLogin({ ...options, code, sleep: async (ms) => void waits.push(ms) });
    expect(token).toEqual({ token: expect.stringMatching(/^granted\d+$/), refreshToken: 'refresh-1', scopes: ['chat:read'], expiresIn: 14_000 });
    expect(waits).toEqual([5000, 5000, 5000]);
  });

  test('where the browser may not call them (no CORS), the check fails clearly and is not retried', async () => {
    const origin = fake.httpOrigin;
    await expect(startDeviceLogin({ clientId: 'public-app', scopes: [], endpoints: { helix: `${origin}/helix`, id: `${origin}/nocors/id` } })).rejects.toMatchObject({
      code: 'network',
      retryable: false,
      message: expect.stringContaining('Use "Connect with Twitch" instead'),
    });
  });
});
