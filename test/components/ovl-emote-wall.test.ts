import { afterEach, describe, expect, test } from 'vitest';
import { ChatSource } from '../../src/sources/tmi/chat-source.js';
import { ScriptedTransport } from '../../src/simulator/scripted-transport.js';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { EmoteLookup } from '../../src/chat-lookups/emotes/emote-lookup.js';
import { runOf, type EmoteMotion } from '../../src/components/emote-wall/emote-motion.js';
import '../../src/components/emote-wall/ovl-emote-wall.js';
import type { OvlEmoteWall } from '../../src/components/emote-wall/ovl-emote-wall.js';
import { untilState } from '../helpers/chat.js';
import { countNodes } from '../helpers/chat-element.js';

const ROOM = '100000001';

interface WallFixture {
  readonly wall: OvlEmoteWall;
  readonly transport: ScriptedTransport;
  readonly emotes: EmoteLookup;
  /** Pushes lines and waits for the frame that starts their emotes. */
  push(...lines: string[]): Promise<void>;
  /** The emote codes of each sprite on screen (base first, then zero-width ones), oldest first. */
  shown(): string[][];
}

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function wallFixture(setup: (wall: OvlEmoteWall) => void = () => undefined): Promise<WallFixture> {
  const transport = new ScriptedTransport('wall', ROOM);
  const source = new ChatSource({ channel: 'wall', transport });
  const emotes = new EmoteLookup();
  source.emotes = emotes;
  const wall = document.createElement('ovl-emote-wall');
  wall.style.cssText = 'position:fixed;inset:0;';
  wall.lifetime = 60;
  setup(wall);
  wall.source = source;
  document.body.append(wall);
  source.start();
  cleanup = () => {
    source.stop();
    wall.remove();
  };
  await untilState(source, 'connected');
  await wall.updateComplete;
  return {
    wall,
    transport,
    emotes,
    async push(...lines) {
      transport.push(...lines);
      await frame();
    },
    shown: () =>
      [...wall.shadowRoot!.querySelectorAll<HTMLElement>('.sprite:not([hidden])')].map((sprite) =>
        [...sprite.querySelectorAll<HTMLImageElement>('img:not([hidden])')].map((img) => img.alt),
      ),
  };
}

const line = (text: string, options: Parameters<typeof privmsg>[2] = {}) => privmsg('wall', text, { roomId: ROOM, ...options });
const third = (code: string, zeroWidth = false) => ({ provider: '7tv' as const, id: code, code, url: `https://cdn.7tv.app/emote/${code}/1x.webp`, zeroWidth });

describe('<ovl-emote-wall>', () => {
  test('shows the emotes of a line, Twitch and third-party, up to per-message; a zero-width emote on its base', async () => {
    const { push, shown, emotes, wall } = await wallFixture((w) => (w.perMessage = 3));
    emotes.setGlobal('7tv', [third('catJAM'), third('SoSnowy', true), third('EZ'), third('KEKW')]);
    await push(line('Kappa catJAM SoSnowy hello EZ KEKW', { emotes: '25:0-4' }));
    expect(shown()).toEqual([['Kappa'], ['catJAM', 'SoSnowy'], ['EZ']]);
    const [kappa] = wall.shadowRoot!.querySelectorAll<HTMLImageElement>('[part="emote"]:not([hidden])');
    // Drawn at 64 px: more than twice the 28 px of a 1x emote, so Twitch's largest image.
    expect(kappa!.src).toBe('https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/3.0');
  });

  test('past max-on-screen the oldest leave first; sprites are made once and reused, so the DOM stays flat', async () => {
    const { push, shown, emotes, wall } = await wallFixture((w) => (w.maxOnScreen = 20));
    const codes = Array.from({ length: 600 }, (_, i) => `emote${i}`);
    emotes.setGlobal('7tv', codes.map((code) => third(code)));
    let nodesAfterFirst = 0;
    for (let batch = 0; batch < 30; batch++) {
      await push(...codes.slice(batch * 20, batch * 20 + 20).map((code) => line(`${code} spam`)));
      if (batch === 0) nodesAfterFirst = countNodes(wall.shadowRoot!);
      expect(wall.onScreen).toBeLessThanOrEqual(20);
    }
    expect(shown().map(([code]) => code)).toEqual(codes.slice(-20));
    expect(wall.spritesMade).toBe(20);
    expect(countNodes(wall.shadowRoot!)).toBe(nodesAfterFirst);
  });

  test('a burst of chat starts only as many emotes as can be on screen, in one frame', async () => {
    const { transport, shown, emotes, wall } = await wallFixture((w) => (w.maxOnScreen = 10));
    emotes.setGlobal('7tv', [third('KEKW')]);
    const started: unknown[] = [];
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (...args: Parameters<Element['animate']>) {
      started.push(this);
      return animate.apply(this, args);
    };
    try {
      transport.push(...Array.from({ length: 5000 }, () => line('KEKW KEKW KEKW')));
      await frame();
    } finally {
      Element.prototype.animate = animate;
    }
    expect(shown()).toHaveLength(10);
    // One animation per emote: ten for the ten that can be seen, none for the 14,990 others.
    expect(started).toHaveLength(10);
    expect(wall.spritesMade).toBe(10);
  });

  test('an emote leaves when its run ends, and the next one reuses its sprite', async () => {
    const { push, shown, emotes, wall } = await wallFixture();
    emotes.setGlobal('7tv', [third('KEKW'), third('EZ')]);
    await push(line('KEKW'), line('EZ'));
    expect(shown()).toEqual([['KEKW'], ['EZ']]);
    // Step to the end of every run instead of waiting out the lifetime.
    for (const animation of wall.shadowRoot!.getAnimations()) animation.finish();
    await expect.poll(() => wall.onScreen).toBe(0);
    expect(shown()).toEqual([]);
    await push(line('EZ'));
    expect(shown()).toEqual([['EZ']]);
    expect(wall.spritesMade).toBe(2);
  });

  test('bots, commands, and what comes while OBS hides the source are left out', async () => {
    const { push, shown, emotes, wall } = await wallFixture((w) => (w.hideBots = ['NightBot']));
    emotes.setGlobal('7tv', [third('KEKW')]);
    await push(line('KEKW', { login: 'nightbot' }), line('!kekw KEKW'), line('KEKW', { login: 'viewer' }));
    expect(shown()).toEqual([['KEKW']]);
    wall.paused = true;
    await push(line('KEKW'));
    expect(wall.onScreen).toBe(1);
  });

  test('an image URL that is not http(s), or could add candidates to a srcset, is never requested; codes stay text', async () => {
    const { push, shown, emotes, wall } = await wallFixture();
    emotes.setGlobal('7tv', [
      { provider: '7tv', id: 'x', code: 'Script', url: 'javascript:alert(1)' },
      { provider: '7tv', id: 'y', code: 'Spaced', url: 'https://cdn.7tv.app/a b.webp' },
      { provider: '7tv', id: 'z', code: '<img/src=x/onerror=alert(1)>', url: 'https://cdn.7tv.app/emote/z/1x.webp' },
    ]);
    await push(line('Script Spaced <img/src=x/onerror=alert(1)>'));
    expect(shown()).toEqual([['<img/src=x/onerror=alert(1)>']]);
    expect([...wall.shadowRoot!.querySelectorAll('img')].map((img) => img.getAttribute('src')).filter(Boolean)).toEqual(['https://cdn.7tv.app/emote/z/1x.webp']);
  });

  test.each(['rise', 'fall', 'bounce', 'burst'] as const)('%s moves emotes by transform and opacity only (the compositor plays it alone)', async (motion: EmoteMotion) => {
    const stage = { width: 1920, height: 1080, size: 64 };
    for (const reduced of [false, true]) {
      const run = runOf(motion, stage, Math.random, { x: 900, y: 500 }, reduced);
      const properties = new Set(run.flatMap((keyframe) => Object.keys(keyframe)));
      for (const property of ['offset', 'easing']) properties.delete(property);
      expect([...properties].sort()).toEqual(['opacity', 'transform']);
    }
    const { push, emotes, wall } = await wallFixture((w) => (w.motion = motion));
    emotes.setGlobal('7tv', [third('KEKW')]);
    await push(line('KEKW'));
    const animated = wall.shadowRoot!.getAnimations().flatMap((animation) => (animation.effect as KeyframeEffect).getKeyframes().flatMap((keyframe) => Object.keys(keyframe)));
    expect(new Set(animated)).toEqual(new Set(['offset', 'computedOffset', 'easing', 'composite', 'transform', 'opacity']));
  });
});
