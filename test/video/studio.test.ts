import { afterEach, describe, expect, test } from 'vitest';
import { Studio, type StudioOptions } from '../../src/video/studio.js';
import '../../src/components/studio/ovl-studio.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function studio(options: Partial<StudioOptions>): Studio {
  const made = new Studio({ width: 1280, height: 720, fps: 30, codec: 'h264', maxBitrate: 6_000_000, contentHint: 'detail', tone: 0, recording: 'auto', ...options });
  cleanups.push(() => made.close());
  return made;
}

describe('Studio: the H.264 level its picture needs', () => {
  test('named for the size and rate; none for other codecs', () => {
    expect(studio({}).h264Level?.name).toBe('3.1');
    expect(studio({ width: 1920, height: 1080, fps: 60 }).h264Level?.name).toBe('4.2');
    expect(studio({ codec: 'vp8', width: 1920, height: 1080 })).toMatchObject({ h264Level: null, setupProblem: null });
  });

  test('beyond every level: a warning on the page before anyone presses Start', async () => {
    const oversize = studio({ width: 4096, height: 2304, fps: 60 });
    expect(oversize.setupProblem).toMatch(/^H\.264 cannot carry 4096×2304 at 60 fps/);
    const element = Object.assign(document.createElement('ovl-studio'), { studio: oversize });
    document.body.append(element);
    cleanups.push(() => element.remove());
    await element.updateComplete;
    const warnings = [...element.shadowRoot!.querySelectorAll('.warning')].map((node) => node.textContent);
    expect(warnings).toContain(oversize.setupProblem);
  });
});
