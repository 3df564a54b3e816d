import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import tmi from 'tmi.js';
import manifestText from '../../../package.json?raw';
import lockText from '../../../package-lock.json?raw';
import installedText from '../../../node_modules/tmi.js/package.json?raw';
import type { TmiInternals, TmiMessage } from '../../../src/sources/tmi/tmi-transport.js';
import { privmsg } from '../../../src/simulator/tmi-lines.js';
import { uniqueChannel } from '../../helpers/chat.js';
import { fake } from '../../helpers/fake-servers.js';

/**
 * TmiTransport (src/sources/tmi/tmi-transport.ts) takes over private parts of tmi.js's client,
 * which no release note will announce changing. These tests check each part on a real client
 * against the fake TMI server, and say what to read in tmi.js's source when one fails.
 */
const SOURCE = 'node_modules/tmi.js/lib/client.js';
const HOOK = `TmiTransport replaces the client's private \`_onMessage\` to parse each line once`;

/** What each private member the transport uses must be on a connected client. */
const INTERNALS: Record<keyof TmiInternals, string> = {
  ws: 'object',
  handleMessage: 'function',
  _onMessage: 'function',
};
/** The fields of a line as tmi.js's parser hands it to `handleMessage`, which the transport builds from its own parse. */
const MESSAGE_FIELDS: Record<keyof TmiMessage, true> = { raw: true, tags: true, prefix: true, command: true, params: true };

type Client = tmi.Client & TmiInternals;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.disconnect().catch(() => undefined);
});

/** A real tmi.js client whose `_onMessage` is wrapped, as the transport wraps it, to record each call. */
function recordingClient(channel: string) {
  const client = new tmi.Client({
    options: { skipUpdatingEmotesets: true, skipMembership: true },
    // As the transport makes it: a lost connection is the ChatSource's to retry, with a new client.
    connection: { server: '127.0.0.1', port: fake.tmiPort, secure: false, reconnect: false },
    channels: [channel],
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
  }) as Client;
  clients.push(client);
  const frames: string[] = [];
  const handled: TmiMessage[] = [];
  const onMessage = client._onMessage;
  const handleMessage = client.handleMessage;
  client._onMessage = (event) => {
    frames.push(String(event.data));
    onMessage.call(client, event);
  };
  client.handleMessage = (message) => {
    handled.push(message);
    handleMessage.call(client, message);
  };
  const joined = () => new Promise<void>((resolve) => client.once('roomstate', () => resolve()));
  return { client, frames, handled, joined };
}

const lines = (frame: string) => frame.split('\r\n').filter((line) => line !== '');

describe('the tmi.js hook TmiTransport relies on', () => {
  test('tmi.js is pinned to one exact version, and that version is the one installed', () => {
    const wanted = (JSON.parse(manifestText) as { dependencies: Record<string, string> }).dependencies['tmi.js'];
    const lock = JSON.parse(lockText) as { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };
    const installed = (JSON.parse(installedText) as { version: string }).version;
    const why = `${HOOK}: an upgrade must be a deliberate edit of package.json, after reading ${SOURCE} and running this file`;
    expect(wanted, `package.json's tmi.js is a range. ${why}`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages['']!.dependencies!['tmi.js'], `package-lock.json's root asks for another tmi.js than package.json (run npm install). ${why}`).toBe(wanted);
    expect(lock.packages['node_modules/tmi.js']!.version, `package-lock.json installs another tmi.js than package.json names (run npm install). ${why}`).toBe(wanted);
    expect(installed, `node_modules holds another tmi.js than package.json names (run npm ci). ${why}`).toBe(wanted);
  });

  test('the client has the private members the transport uses, of the same kinds', async () => {
    const prototype = tmi.Client.prototype as unknown as TmiInternals;
    expect(typeof prototype._onMessage, `${HOOK}, but tmi.js's Client.prototype has no \`_onMessage\` function any more: find in ${SOURCE} what \`ws.onmessage\` is set to now`).toBe('function');
    expect(typeof prototype.handleMessage, `TmiTransport hands tmi.js each connection line through \`handleMessage\`, which tmi.js's Client.prototype no longer has: find in ${SOURCE} what \`_onMessage\` calls per line now`).toBe('function');
    const channel = uniqueChannel('hook');
    const { client, joined } = recordingClient(channel);
    const inRoom = joined();
    await client.connect();
    await inRoom;
    for (const [member, kind] of Object.entries(INTERNALS)) {
      expect(typeof client[member as keyof TmiInternals], `TmiTransport reads the client's \`${member}\` (a ${kind}), which a connected tmi.js client no longer has as a ${kind}: see how ${SOURCE} names it now`).toBe(kind);
    }
  });

  test('the client calls its own `_onMessage`, as set when a socket opens, once per WebSocket frame with the whole frame', async () => {
    const channel = uniqueChannel('hook');
    const { client, frames, handled, joined } = recordingClient(channel);
    const inRoom = joined();
    await client.connect();
    await inRoom;
    const perFrame = `${HOOK} and splits each frame into lines itself; tmi.js now calls \`_onMessage\` other than once per WebSocket frame with the frame's whole text: see \`_onMessage\` and \`_openConnection\` in ${SOURCE}`;
    const notCalled = `${HOOK}, but tmi.js did not call the client's \`_onMessage\` for a frame: ${SOURCE} \`_openConnection\` must set \`this.ws.onmessage = this._onMessage.bind(this)\` on each socket it opens (reading the instance's \`_onMessage\` then, not when the client was made)`;
    expect(frames.length, notCalled).toBeGreaterThan(0);
    // The fake server answers the login with its seven numerics in one frame (test/node/fake-tmi.ts).
    expect(frames.map(lines).find((frame) => frame.some((line) => / 001 /.test(line)))?.length, perFrame).toBe(7);

    const before = frames.length;
    await commands.tmiPush(channel, [privmsg(channel, 'one'), privmsg(channel, 'two'), privmsg(channel, 'three')], true);
    await commands.tmiPush(channel, [privmsg(channel, 'four')], true);
    await expect.poll(() => frames.length - before, { message: notCalled }).toBe(2);
    expect(frames.slice(before).map(lines).map((frame) => frame.length), perFrame).toEqual([3, 1]);

    const parsed = handled.find((message) => message.command === 'PRIVMSG')!;
    expect(parsed, `tmi.js's own \`_onMessage\` no longer hands each parsed line to \`handleMessage\`: TmiTransport calls \`handleMessage\` itself with lines in that shape; see \`_onMessage\` in ${SOURCE}`).toBeDefined();
    expect(Object.keys(parsed).sort(), `tmi.js's parser hands \`handleMessage\` other fields than TmiTransport builds (toTmiMessage): see \`msg\` in node_modules/tmi.js/lib/parser.js`).toEqual(Object.keys(MESSAGE_FIELDS).sort());
  });
});
