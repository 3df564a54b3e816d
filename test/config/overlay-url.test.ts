import { describe, expect, test } from 'vitest';
import { overlayUrl } from '../../src/config/overlay-url.js';
import { parseConfig } from '../../src/config/parse.js';
import { chatSchema } from '../../src/config/chat-config.js';

const base = 'https://streamer.example/overlays/chat/';

describe('overlayUrl', () => {
  test('writes only what differs from the defaults; secrets go after the #', () => {
    const url = overlayUrl(base, chatSchema, { channel: 'someone', maxMessages: 20, hideCommands: true, token: 'abc123', emotes: ['7tv'] });
    expect(url).toBe('https://streamer.example/overlays/chat/?channel=someone&max-messages=20&hide-commands&emotes=7tv#token=abc123');
    expect(new URL(url).search).not.toContain('abc123');
  });

  test('what it writes, parseConfig reads back unchanged and without problems', () => {
    const values = {
      channel: 'some_one',
      token: 'tok',
      maxMessages: 75,
      history: 40,
      animateEntry: true,
      fadeAfter: 12.5,
      hideBots: ['nightbot', 'streamelements'],
      hideCommands: true,
      hideNotices: false,
      shared: 'own-only' as const,
      emotes: [],
      badges: ['ffz', 'twitch'],
      paints: true,
      bigEmotes: true,
      maxEmotes: 8,
      pronouns: true,
      emoteTheme: 'light' as const,
      contrastBackground: '#ffffff',
      theme: 'bubbles' as const,
      font: 'Comic Neue, sans-serif',
      fontSize: 28,
      fontWeight: 600,
      lineSpacing: 1.6,
      align: 'right' as const,
      animateExit: true,
      outline: 2.5,
      outlineColor: 'rgb(255 255 255)',
      lineBackground: 'rgba(0,0,0,0.5)',
    };
    const { config, problems } = parseConfig(chatSchema, overlayUrl(base, chatSchema, values));
    expect(problems).toEqual([]);
    expect(config).toEqual(values);
  });

  test('adds common flags such as demo', () => {
    expect(overlayUrl(base, chatSchema, { channel: 'x' }, { demo: '' })).toBe('https://streamer.example/overlays/chat/?channel=x&demo');
  });
});
