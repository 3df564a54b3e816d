import { describe, expect, test } from 'vitest';
import { needsStreamer, tokenRefused } from '../../src/overlay/source-problems.js';
import { SourceError, type SourceErrorCode } from '../../src/core/errors.js';
import type { SourceState } from '../../src/core/source.js';

const status = (state: SourceState, code?: SourceErrorCode, retryable?: boolean) => ({
  state,
  attempt: 1,
  since: 0,
  error: code ? new SourceError(code, 'x', { retryable }) : undefined,
});

describe('which source states need the streamer', () => {
  test.each([
    [status('connected'), false, false],
    [status('reconnecting', 'network'), false, false],
    [status('reconnecting', 'rate-limit'), false, false],
    [status('reconnecting', 'config', true), true, false], // Heat refusing the channel, still retrying
    [status('connecting', 'auth', true), true, false],
    [status('error', 'network', false), true, false], // stopped for good
    [status('error', 'config'), true, false],
    [status('error', 'auth'), true, true], // the token is dead: everything stops
    [status('stopped', 'auth'), false, false],
    [status('idle'), false, false],
  ])('%o: needs the streamer %s, token refused %s', (s, needs, refused) => {
    expect(needsStreamer(s)).toBe(needs);
    expect(tokenRefused(s)).toBe(refused);
  });
});
