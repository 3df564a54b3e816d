import { afterEach, describe, expect, test } from 'vitest';
import { StreamRecorder, recordingType } from '../../src/video/stream-recorder.js';
import { testStream } from '../helpers/media.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function media() {
  const m = testStream(320, 180);
  cleanups.push(() => m.stop());
  return m.stream;
}

/** Loads `blob` into a <video>: its size and whether it plays are what "playable" means. */
async function play(blob: Blob): Promise<{ width: number; height: number; advanced: boolean }> {
  const video = document.createElement('video');
  video.muted = true;
  video.src = URL.createObjectURL(blob);
  cleanups.push(() => URL.revokeObjectURL(video.src));
  await new Promise<void>((resolve, reject) => {
    video.onloadeddata = () => resolve();
    video.onerror = () => reject(new Error(`cannot play: ${video.error?.message ?? 'unknown'}`));
  });
  await video.play();
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { width: video.videoWidth, height: video.videoHeight, advanced: video.currentTime > 0 };
}

describe('StreamRecorder', () => {
  test.each(['webm', 'mp4'] as const)('records a playable %s file of the generated stream', async (container) => {
    const recorder = new StreamRecorder({ container });
    expect(recorder.mimeType).toBe(recordingType(container));
    expect(recorder.mimeType.startsWith(`video/${container}`)).toBe(true);
    recorder.start(media());
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const blob = await recorder.stop();
    expect(blob.type).toBe(recorder.mimeType);
    expect(blob.size).toBeGreaterThan(1000);
    expect(await play(blob)).toEqual({ width: 320, height: 180, advanced: true });
  });

  test('a time limit stops the recording by itself, and says why', async () => {
    const recorder = new StreamRecorder({ maxSeconds: 1 });
    const stopped = new Promise<string>((resolve) => recorder.addEventListener('stopped', (e) => resolve(e.detail.reason)));
    recorder.start(media());
    expect(await stopped).toBe('time-limit');
    expect(recorder.blob!.size).toBeGreaterThan(0);
  });

  test('a size limit stops the recording by itself, and says why', async () => {
    const recorder = new StreamRecorder({ maxBytes: 1 });
    const stopped = new Promise<string>((resolve) => recorder.addEventListener('stopped', (e) => resolve(e.detail.reason)));
    recorder.start(media());
    expect(await stopped).toBe('size-limit');
    expect(recorder.recording).toBe(false);
    expect(recorder.blob!.size).toBeGreaterThan(0);
  });
});
