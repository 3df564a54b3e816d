import { describe, expect, test } from 'vitest';
import { decodeRecording, encodeRecording, type Recording } from '../../src/replay/recording.js';
import { Recorder } from '../../src/replay/recorder.js';
import { replayRequest } from '../../src/replay/replay-request.js';

const header = { format: 'ovl-recording', version: 1, overlay: 'chat', channel: 'somechannel', startedAt: '2026-11-22T23:00:00.000Z' } as const;

describe('recording file', () => {
  test('JSON lines round trip, frames in time order; unreadable frames are skipped and counted', () => {
    const recording: Recording = {
      header,
      frames: [
        { t: 0, via: 'chat', data: ':tmi.twitch.tv 001 justinfan1 :Welcome, GLHF!' },
        { t: 12, via: 'heat', data: '{"type":"click","id":"1","x":0.5,"y":0.5}' },
      ],
    };
    const text = encodeRecording(recording);
    expect(text.split('\n')).toHaveLength(4);
    expect(decodeRecording(text)).toEqual({ ok: true, recording, skipped: 0 });

    const damaged = `${text}not json\n{"t":"soon","via":"chat","data":"x"}\n{"t":1,"via":"pubsub","data":"x"}\n{"t":5,"via":"chat","data":"PING :tmi.twitch.tv"}\n`;
    const decoded = decodeRecording(damaged);
    expect(decoded).toMatchObject({ ok: true, skipped: 3 });
    expect(decoded.ok && decoded.recording.frames.map((f) => f.t)).toEqual([0, 5, 12]);
  });

  test.each([
    ['', 'not an overlay recording (the first line must be its header)'],
    ['{"t":0,"via":"chat","data":"x"}', 'not an overlay recording (the first line must be its header)'],
    ['{"format":"ovl-recording","version":2}', 'recording version 2 is not supported (expected 1)'],
  ])('refuses %j', (text, reason) => {
    expect(decodeRecording(text)).toEqual({ ok: false, reason });
  });
});

describe('Recorder', () => {
  test('keeps what each tap sees, with times, and writes a file the decoder reads back', async () => {
    const recorder = new Recorder('heatmap', '12345');
    recorder.tap('heat')('{"type":"system","message":"hi"}');
    recorder.tap('chat')('PING :tmi.twitch.tv');
    const decoded = decodeRecording(await recorder.toBlob().text());
    expect(decoded.ok && decoded.recording.header).toMatchObject({ format: 'ovl-recording', version: 1, overlay: 'heatmap', channel: '12345' });
    expect(decoded.ok && decoded.recording.frames.map((f) => [f.via, f.data])).toEqual([
      ['heat', '{"type":"system","message":"hi"}'],
      ['chat', 'PING :tmi.twitch.tv'],
    ]);
    expect(recorder.fileName).toMatch(/^heatmap-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.jsonl$/);
  });

  test('memory stays bounded: past the cap the oldest frames go, and are counted', () => {
    const recorder = new Recorder('chat', 'x', 100);
    const tap = recorder.tap('chat');
    for (let i = 0; i < 1000; i++) tap(`line ${i}`);
    expect(recorder.size).toBeLessThanOrEqual(100);
    expect(recorder.size + recorder.dropped).toBe(1000);
  });
});

describe('replayRequest', () => {
  const page = new URL('https://example.github.io/overlays/overlays/chat/?channel=x');
  test('resolves the recording against the page and reads the speed', () => {
    const { request, problems } = replayRequest(new URL(`${page.href}&replay=../../rec/chat.jsonl&replay-speed=4`));
    expect(request).toEqual({ from: new URL('https://example.github.io/overlays/rec/chat.jsonl'), speed: 4 });
    expect(problems).toEqual([]);
  });

  test('a bad speed is a warning and plays at 1×; no replay is no request', () => {
    expect(replayRequest(new URL(`${page.href}&replay=a.jsonl&replay-speed=fast`))).toMatchObject({
      request: { speed: 1 },
      problems: [{ param: 'replay-speed', severity: 'warning' }],
    });
    expect(replayRequest(page)).toEqual({ request: null, problems: [] });
  });
});
