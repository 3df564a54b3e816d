import { describe, expect, test } from 'vitest';
import { parseEmotesTag } from '../../../src/sources/tmi/message-parts.js';
import { buildParts } from '../../../src/domain/message-parts.js';
import { EmoteLookup } from '../../../src/chat-lookups/emotes/emote-lookup.js';
import { emoteCodes, emotePositions, partsText } from '../../helpers/parts.js';

describe('emote ranges', () => {
  test.each([
    ['25:0-4,12-16/1902:6-10', [{ id: '25', start: 0, end: 5 }, { id: '1902', start: 6, end: 11 }, { id: '25', start: 12, end: 17 }]],
    ['', []],
    ['25:04', []],
    ['25:4-0', []],
    ['emotesv2_abc:0-1', [{ id: 'emotesv2_abc', start: 0, end: 2 }]],
    ['x:1-a,3-4', [{ id: 'x', start: 3, end: 5 }]],
    ['301544927_SG:0-1', [{ id: '301544927_SG', start: 0, end: 2 }]],
    // Ids no Twitch emote has never reach an image URL: the words stay text.
    ['..:0-4/25:6-10', [{ id: '25', start: 6, end: 11 }]],
    ['25?x=1:0-4', []],
    ['25%2F..:0-4', []],
    ['evil.example:0-4', []],
  ])('parses %j', (tag, ranges) => {
    expect(parseEmotesTag(tag)).toEqual(ranges);
  });

  test.each([
    ['👉 <3', '483:2-3', ['<3']],
    ['𝚫𝑣𝚫𝑣𝚫𝑣 :) was here', '1:7-8', [':)']],
    ['Kappa', '25:2-10', ['ppa']],
    ['Kappa', '25:5-9', []],
    ['a Kappa b Kappa', '25:2-6,2-6', ['Kappa']],
  ])('%j with %j gives %j, in code points, clamped', (text, tag, codes) => {
    const parts = buildParts(text, parseEmotesTag(tag));
    expect(emoteCodes(parts)).toEqual(codes);
    expect(partsText(parts)).toBe(text);
  });

  test('emote images come from the Twitch CDN with 1x/2x/4x', () => {
    const [part] = buildParts('Kappa', parseEmotesTag('25:0-4'), { theme: 'light' });
    expect(part).toMatchObject({ url: 'https://static-cdn.jtvnw.net/emoticons/v2/25/default/light/1.0' });
    expect(part?.type === 'emote' && part.srcset).toContain('/3.0 4x');
  });

  test('cheers are split out when bits are present', () => {
    const parts = buildParts('Cheer100 nice doodlecheer50 abc123', [], { bits: 150 });
    expect(parts.flatMap((p) => (p.type === 'cheer' ? [[p.prefix, p.amount]] : []))).toEqual([
      ['Cheer', 100],
      ['doodlecheer', 50],
    ]);
  });

  test('without a matching bits total only known cheermote prefixes count', () => {
    const parts = buildParts('Cheer100 abc123', [], { bits: 100 });
    expect(parts.flatMap((p) => (p.type === 'cheer' ? [p.text] : []))).toEqual(['Cheer100']);
    const none = buildParts('Cheer100', []);
    expect(none).toEqual([{ type: 'text', text: 'Cheer100' }]);
  });
});

describe('EmoteLookup', () => {
  const emote = (provider: '7tv' | 'bttv' | 'ffz', code: string, zeroWidth = false) => ({ provider, id: `${provider}-${code}`, code, url: `https://cdn.test/${code}`, zeroWidth });

  test('channel emotes shadow global ones; 7TV wins a clash within a channel', () => {
    const lookup = new EmoteLookup();
    lookup.setGlobal('bttv', [emote('bttv', 'catJAM')]);
    lookup.setChannel('1', 'ffz', [emote('ffz', 'catJAM'), emote('ffz', 'monkaS')]);
    lookup.setChannel('1', '7tv', [emote('7tv', 'monkaS')]);
    expect(lookup.find('catJAM', '1')?.provider).toBe('ffz');
    expect(lookup.find('catJAM', '2')?.provider).toBe('bttv');
    expect(lookup.find('monkaS', '1')?.provider).toBe('7tv');
  });

  test('expands whole words only and stacks zero-width emotes on the emote before', () => {
    const lookup = new EmoteLookup();
    lookup.setChannel('1', '7tv', [emote('7tv', 'pepe'), emote('7tv', 'RainTime', true)]);
    const parts = lookup.expand([{ type: 'text', text: 'pepe RainTime pepega RainTime' }], '1');
    expect(emotePositions(parts).map((e) => e.code)).toEqual(['pepe', 'RainTime']);
    expect(parts[0]).toMatchObject({ type: 'emote', code: 'pepe', overlays: [{ code: 'RainTime' }] });
    expect(parts.slice(1)).toEqual([{ type: 'text', text: ' pepega ' }, expect.objectContaining({ code: 'RainTime' })]);
  });
});
