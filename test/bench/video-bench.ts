/**
 * Runs in headless Chromium, driven by scripts/bench.mjs: the studio's generated scene at
 * 1280×720 published to a local WHIP receiver, beside a baseline in the same page: the usual
 * hand-rolled way (draw on a main-thread timer, `canvas.captureStream(fps)`), same scene and
 * same publisher.
 */
import { CanvasFrameSource } from '../../src/video/canvas-frame-source.js';
import { AudioSource } from '../../src/video/audio-source.js';
import { StudioScene } from '../../src/video/studio-scene.js';
import { WhipPublisher } from '../../src/video/whip-publisher.js';

const W = 1280;
const H = 720;
const FPS = 30;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function framesEncoded(pc: RTCPeerConnection | null): Promise<number> {
  let encoded = 0;
  (await pc?.getStats())?.forEach((report: { type: string; kind?: string; framesEncoded?: number }) => {
    if (report.type === 'outbound-rtp' && report.kind === 'video') encoded += report.framesEncoded ?? 0;
  });
  return encoded;
}

/** Publishes for `seconds`; `kind` picks our frame source or the baseline. */
async function videoBench(endpoint: string, kind: 'ours' | 'baseline', seconds: number) {
  const scene = new StudioScene();
  scene.frequency = 440;
  const audio = new AudioSource();
  audio.tone(440);
  await audio.resume();
  const tickMs: number[] = [];
  let offered = 0;
  let track: MediaStreamTrack;
  let stopVideo: () => void;
  if (kind === 'ours') {
    const video = new CanvasFrameSource({ width: W, height: H, fps: FPS });
    video.onDraw = (context, index) => scene.draw(context, index);
    video.start();
    track = video.track;
    stopVideo = () => {
      offered = video.stats.ticks;
      tickMs.push(...video.recentTickMs);
      video.close();
    };
  } else {
    const canvas = Object.assign(document.createElement('canvas'), { width: W, height: H });
    const context = canvas.getContext('2d', { alpha: false })!;
    track = canvas.captureStream(FPS).getVideoTracks()[0]!;
    let index = 0;
    const timer = setInterval(() => {
      const began = performance.now();
      scene.draw(context, index++);
      tickMs.push(performance.now() - began);
    }, 1000 / FPS);
    stopVideo = () => {
      clearInterval(timer);
      offered = index;
      track.stop();
    };
  }
  const publisher = new WhipPublisher({ endpoint, key: 'bench', stream: new MediaStream([track, audio.track]), maxFramerate: FPS });
  const startedAt = Date.now();
  publisher.start();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const encoded = await framesEncoded(publisher.peerConnection);
  stopVideo();
  publisher.stop();
  await audio.close();
  return { startedAt, offered, encoded, medianTickMs: median(tickMs.slice(-300)) };
}

Object.assign(window, { videoBench });
