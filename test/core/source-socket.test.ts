import { describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { SourceSocket, CONNECT_TIMEOUT_MS, webSocketUrl, type SocketEnd } from '../../src/core/source-socket.js';
import { SourceError } from '../../src/core/errors.js';
import { ManualSchedule } from '../helpers/manual-schedule.js';
import { fake } from '../helpers/fake-servers.js';

function record(url: string, options: ConstructorParameters<typeof SourceSocket>[2] = {}) {
  const seen = { opened: 0, messages: [] as string[], tapped: [] as string[], ends: [] as SocketEnd[] };
  const socket = new SourceSocket(
    url,
    { open: () => (seen.opened += 1), message: (data) => seen.messages.push(data), end: (end) => seen.ends.push(end) },
    { tap: (data) => seen.tapped.push(data), ...options },
  );
  return { socket, seen };
}

describe('SourceSocket', () => {
  test('opens, taps each frame before its handler sees it, and reports the end once', async () => {
    const clock = new ManualSchedule();
    const { socket, seen } = record(fake.eventsubUrl, { schedule: clock.schedule });
    expect(clock.delays).toEqual([CONNECT_TIMEOUT_MS]);
    await expect.poll(() => seen.messages.length).toBe(1);
    expect(seen.opened).toBe(1);
    expect(socket.open).toBe(true);
    expect(clock.waiting).toBe(0); // open cancelled the timeout
    expect(JSON.parse(seen.messages[0]!).metadata.message_type).toBe('session_welcome');
    expect(seen.tapped).toEqual(seen.messages);
    await commands.esCloseAll(4003);
    await expect.poll(() => seen.ends).toEqual([{ code: 4003, reason: 'fake', opened: true, timedOut: false }]);
    expect(socket.open).toBe(false);
  });

  test('a handshake that never completes is abandoned at the connect timeout, and does not block the next attempt', async () => {
    const clock = new ManualSchedule();
    const before = await commands.stallAccepted();
    const { socket, seen } = record(fake.stallUrl, { schedule: clock.schedule, connectTimeoutMs: 3000 });
    await expect.poll(() => commands.stallAccepted()).toBe(before + 1);
    expect(clock.delays).toEqual([3000]);
    clock.runNext();
    expect(seen.ends).toEqual([{ code: 1006, reason: 'it did not open within 3 s', opened: false, timedOut: true }]);
    expect(socket.open).toBe(false);
    expect(seen.opened).toBe(0);
    // Chromium lets one handshake per host and port be pending; the abandoned one no longer
    // counts, so a retry reaches the server.
    const retry = record(fake.stallUrl, { schedule: clock.schedule });
    await expect.poll(() => commands.stallAccepted()).toBe(before + 2);
    retry.socket.close();
  });

  test('close() reports no end and cancels the timeout', async () => {
    const clock = new ManualSchedule();
    const { socket, seen } = record(fake.stallUrl, { schedule: clock.schedule });
    socket.close();
    socket.close();
    expect(clock.waiting).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.ends).toEqual([]);
  });

  test.each([
    ['not a url', 'not a URL at all'],
    ['ftp://127.0.0.1/ws', 'not a WebSocket scheme'],
    ['ws://127.0.0.1/ws#session', 'a URL the browser parses but WebSocket refuses (a fragment): its constructor throws'],
  ])('%s (%s) is a config error, not retried, thrown at construction', (url) => {
    let thrown: unknown;
    try {
      record(url);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SourceError);
    expect(thrown).toMatchObject({ code: 'config', retryable: false, message: expect.stringContaining(url) });
  });

  test.each([
    ['http://127.0.0.1:8080/ws?a=1', 'ws://127.0.0.1:8080/ws?a=1'],
    ['https://eventsub.example/ws', 'wss://eventsub.example/ws'],
  ])('%s is read as the WebSocket standard reads it: %s', (url, socketUrl) => {
    expect(webSocketUrl(url).href).toBe(socketUrl);
  });
});
