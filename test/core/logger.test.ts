import { afterEach, describe, expect, test, vi } from 'vitest';
import { createLogger, redact, setDebugLogging } from '../../src/core/logger.js';

describe('logging', () => {
  afterEach(() => {
    setDebugLogging(false);
    vi.restoreAllMocks();
  });

  test.each([
    ['PASS oauth:abc123def', 'PASS ***'],
    ['Authorization: Bearer abc.def-ghi', 'Authorization: Bearer ***'],
    ['https://x.test/#access_token=secret&scope=chat', 'https://x.test/#access_token=***&scope=chat'],
    ['token=s3cr3t', 'token=***'],
    ['nothing secret here', 'nothing secret here'],
  ])('redacts %j', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  test('never prints a token, and debug lines only when enabled', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const log = createLogger('test');
    log.warn('login with', 'oauth:hunter2', new Error('Bearer topsecret rejected'));
    expect(warn).toHaveBeenCalledWith('[ovl:test]', 'login with', 'oauth:***', 'Error: Bearer *** rejected');
    log.debug('hidden');
    expect(debug).not.toHaveBeenCalled();
    setDebugLogging(true);
    log.debug('shown');
    expect(debug).toHaveBeenCalledWith('[ovl:test]', 'shown');
  });
});
