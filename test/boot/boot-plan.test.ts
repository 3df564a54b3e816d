import { describe, expect, test } from 'vitest';
import { asksRecordModes, planBoot } from '../../src/boot/boot-plan.js';
import { readRecordModes } from '../../src/boot/record-modes.js';
import { chatSchema } from '../../src/config/chat-config.js';
import { chatEntry } from '../../src/registry/chat.js';
import { studioEntry } from '../../src/registry/studio.js';
import { LIVE_ENDPOINTS, asksDevEndpoints } from '../../src/config/endpoints.js';
import { devEndpoints } from '../../src/config/dev-endpoints.js';

const chat = { entry: chatEntry, records: ['chat'] as const };
const studio = { entry: studioEntry };
const at = (query: string, fragment = '') => new URL(`https://me.example/kit/overlays/chat/?${query}${fragment}`);

describe('planBoot: an overlay URL read into modes, config and problems, with no DOM', () => {
  test('a plain link: its config, no modes, the setup page beside the overlays', () => {
    const url = at('channel=somebody&max-messages=20', '#token=abc');
    expect(asksDevEndpoints(url)).toBe(false);
    expect(asksRecordModes(url)).toBe(false);
    const plan = planBoot(chat, url);
    expect(plan).toMatchObject({ demo: false, debug: false, replay: null, record: false, problems: [], fatal: [] });
    expect(plan.config).toMatchObject({ channel: 'somebody', maxMessages: 20, token: 'abc' });
    expect(plan.builderUrl).toBe('https://me.example/kit/index.html');
    expect(plan.endpoints).toBe(LIVE_ENDPOINTS);
  });

  test('a missing required parameter is fatal, except in the demo and in a replay, which supply one', () => {
    expect(planBoot(chat, at('debug')).fatal).toEqual([expect.stringContaining('"channel" is required')]);
    expect(planBoot(chat, at('demo')).fatal).toEqual([]);
    const url = at('replay=session.json&replay-speed=4');
    expect(asksRecordModes(url)).toBe(true);
    const replaying = planBoot(chat, url, { modes: readRecordModes(chat, url) });
    expect(replaying.fatal).toEqual([]);
    expect(replaying.replay).toEqual({ from: new URL('https://me.example/kit/overlays/chat/session.json'), speed: 4 });
  });

  test('bad values are warnings with the default kept; modes are read', () => {
    const url = at('channel=x&max-messages=lots&debug&record&replay-speed=1000&dev-origin=https://evil.example');
    expect(asksDevEndpoints(url)).toBe(true);
    expect(asksRecordModes(url)).toBe(true);
    const plan = planBoot(chat, url, { dev: devEndpoints(url), modes: readRecordModes(chat, url) });
    expect(plan).toMatchObject({ debug: true, record: true, fatal: [] });
    expect(plan.problems.map((p) => [p.param, p.severity])).toEqual([
      ['max-messages', 'warning'],
      ['dev-origin', 'warning'],
      ['replay-speed', 'warning'],
    ]);
    expect(plan.config.maxMessages).toBe(chatSchema.maxMessages.default);
  });

  test('an overlay with nothing to record ignores ?record and ?replay, and says so', () => {
    const url = at('record&replay=x.json');
    const plan = planBoot(studio, url, { modes: readRecordModes(studio, url) });
    expect(plan).toMatchObject({ record: false, replay: null, fatal: [] });
    expect(plan.problems.map((p) => p.message)).toEqual([
      'The studio has no connection to record or replay; "replay" was ignored.',
      'The studio has no connection to record or replay; "record" was ignored.',
    ]);
  });
});
