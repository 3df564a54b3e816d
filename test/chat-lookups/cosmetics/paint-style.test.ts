import { describe, expect, test } from 'vitest';
import { paintStyle, rgbaFromInt } from '../../../src/chat-lookups/cosmetics/paint-style.js';
import { applyPaint } from '../../../src/components/chat/apply-paint.js';
import { cssUrl } from '../../../src/core/safe-values.js';

const RED = 0xff0000ff | 0; // 7TV sends RGBA as a signed 32-bit integer
const HALF_BLUE = 0x0000ff80;

describe('rgbaFromInt', () => {
  test.each([
    [RED, 'rgba(255, 0, 0, 1)'],
    [0xff0000ff, 'rgba(255, 0, 0, 1)'],
    [HALF_BLUE, 'rgba(0, 0, 255, 0.502)'],
    [0, 'rgba(0, 0, 0, 0)'],
    [1.5, null],
    [2 ** 40, null],
    ['#ff0000', null],
    [null, null],
  ])('%s → %s', (value, expected) => {
    expect(rgbaFromInt(value)).toBe(expected);
  });
});

describe('paintStyle', () => {
  test.each([
    [
      'linear gradient with an angle',
      { function: 'LINEAR_GRADIENT', angle: 45, repeat: false, stops: [{ at: 0, color: RED }, { at: 1, color: HALF_BLUE }], shadows: [] },
      { backgroundImage: 'linear-gradient(45deg, rgba(255, 0, 0, 1) 0%, rgba(0, 0, 255, 0.502) 100%)', backgroundColor: null, filter: null },
    ],
    [
      'repeating linear gradient; angle outside 0–360 is wrapped; one stop is doubled',
      { function: 'LINEAR_GRADIENT', angle: -90, repeat: true, stops: [{ at: 0.25, color: RED }] },
      { backgroundImage: 'repeating-linear-gradient(270deg, rgba(255, 0, 0, 1) 25%, rgba(255, 0, 0, 1) 25%)', backgroundColor: null, filter: null },
    ],
    [
      'radial gradient with shape, colour and clamped shadows',
      {
        function: 'RADIAL_GRADIENT',
        shape: 'ellipse',
        color: RED,
        stops: [{ at: 0, color: RED }, { at: 0.5, color: HALF_BLUE }],
        shadows: [{ x_offset: 1, y_offset: -2, radius: 999, color: RED }, { x_offset: 'x', y_offset: 0, radius: 0, color: RED }],
      },
      {
        backgroundImage: 'radial-gradient(ellipse, rgba(255, 0, 0, 1) 0%, rgba(0, 0, 255, 0.502) 50%)',
        backgroundColor: 'rgba(255, 0, 0, 1)',
        filter: 'drop-shadow(1px -2px 20px rgba(255, 0, 0, 1))',
      },
    ],
    [
      'image paint',
      { function: 'URL', image_url: 'https://cdn.7tv.app/paint/1/layer/1.webp', stops: [] },
      { backgroundImage: 'url("https://cdn.7tv.app/paint/1/layer/1.webp")', backgroundColor: null, filter: null },
    ],
    [
      'an unknown radial shape falls back to circle rather than reaching the CSS',
      { function: 'RADIAL_GRADIENT', shape: 'circle) , url(https://evil.example/x', stops: [{ at: 0, color: RED }, { at: 1, color: RED }] },
      { backgroundImage: 'radial-gradient(circle, rgba(255, 0, 0, 1) 0%, rgba(255, 0, 0, 1) 100%)', backgroundColor: null, filter: null },
    ],
  ])('%s', (_name, wire, expected) => {
    expect(paintStyle(wire)).toEqual(expected);
  });

  test.each([
    ['an unknown function', { function: 'CONIC_GRADIENT', stops: [{ at: 0, color: RED }] }],
    ['a function given as CSS', { function: 'linear-gradient(red, red); background: url(https://evil.example/x)' }],
    ['a colour given as CSS text', { function: 'LINEAR_GRADIENT', stops: [{ at: 0, color: 'red;background:url(https://evil.example/x)' }] }],
    ['a stop outside 0–1', { function: 'LINEAR_GRADIENT', stops: [{ at: 2, color: RED }] }],
    ['no stops', { function: 'LINEAR_GRADIENT', stops: [] }],
    ['too many stops', { function: 'LINEAR_GRADIENT', stops: Array.from({ length: 33 }, (_, i) => ({ at: i / 33, color: RED })) }],
    ['an image URL that closes the string', { function: 'URL', image_url: 'https://cdn.7tv.app/a\\"),url(https://evil.example/x' }],
    ['a javascript: image', { function: 'URL', image_url: 'javascript:alert(1)' }],
    ['a data: image', { function: 'URL', image_url: 'data:image/svg+xml,<svg onload=alert(1)>' }],
    ['nothing', null],
  ])('drops %s', (_name, wire) => {
    expect(paintStyle(wire as never)).toBeNull();
  });

  test('cssUrl keeps only URL characters, so quotes and backslashes never reach CSS', () => {
    expect(cssUrl('https://cdn.7tv.app/paint/a.webp?x=1')).toBe('url("https://cdn.7tv.app/paint/a.webp?x=1")');
    // The URL parser escapes a quote; a backslash in the query survives it and is refused.
    expect(cssUrl('https://cdn.7tv.app/a"b')).toBe('url("https://cdn.7tv.app/a%22b")');
    expect(cssUrl('https://cdn.7tv.app/a?\\')).toBeNull();
    expect(cssUrl('https://cdn.7tv.app/a b')).toBeNull();
  });
});

describe('applyPaint', () => {
  test("paints through the text, keeps the text as it is, and falls back to the name's own colour", () => {
    const name = document.createElement('span');
    name.textContent = '<b>Viewer</b>';
    name.style.color = 'rgb(0, 128, 0)';
    document.body.append(name);
    applyPaint(name, paintStyle({ function: 'LINEAR_GRADIENT', angle: 90, stops: [{ at: 0, color: RED }, { at: 1, color: HALF_BLUE }], shadows: [{ x_offset: 0, y_offset: 0, radius: 1, color: 0x000000ff }] })!);
    const computed = getComputedStyle(name);
    expect(computed.backgroundImage).toBe('linear-gradient(90deg, rgb(255, 0, 0) 0%, rgba(0, 0, 255, 0.5) 100%)');
    expect(computed.getPropertyValue('-webkit-background-clip')).toBe('text');
    expect(computed.getPropertyValue('-webkit-text-fill-color')).toBe('rgba(0, 0, 0, 0)');
    expect(computed.backgroundColor).toBe('rgb(0, 128, 0)');
    expect(computed.filter).toBe('drop-shadow(rgb(0, 0, 0) 0px 0px 1px)');
    expect(name.children).toHaveLength(0);
    expect(name.textContent).toBe('<b>Viewer</b>');
    name.remove();
  });
});
