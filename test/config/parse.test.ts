import { describe, expect, test } from 'vitest';
import { param, paramName } from '../../src/config/schema.js';
import { isDebug, parseConfig } from '../../src/config/parse.js';
import { LOGIN, LOGINS, USER_ID } from '../../src/config/string-formats.js';

const schema = {
  channel: param.string('', { required: true }),
  token: param.string('', { secret: true }),
  maxMessages: param.int(50, { min: 1, max: 500 }),
  fadeAfter: param.number(0, { min: 0 }),
  hideCommands: param.bool(),
  theme: param.enum(['dark', 'light'] as const, 'dark'),
  hideBots: param.list(['nightbot']),
  background: param.color('#18181b'),
};

const at = (query: string) => parseConfig(schema, `https://overlay.test/overlays/chat/${query}`);

describe('parseConfig', () => {
  test('gives defaults and no problems beyond a missing required parameter', () => {
    const { config, problems } = at('');
    expect(config).toEqual({
      channel: '',
      token: '',
      maxMessages: 50,
      fadeAfter: 0,
      hideCommands: false,
      theme: 'dark',
      hideBots: ['nightbot'],
      background: '#18181b',
    });
    // Docs stay off overlay pages: the message names the parameter and sends the streamer to the setup page.
    expect(problems).toEqual([
      { param: 'channel', severity: 'error', missing: true, message: '"channel" is required: the overlay cannot run without it. The setup page asks for it and makes the link.' },
    ]);
  });

  test('reads every kind, kebab-case names to camelCase keys', () => {
    const { config, problems } = at('?channel=Some_One&max-messages=20&fade-after=7.5&hide-commands&theme=light&hide-bots=a,%20b,,c&background=%23fff');
    expect(problems).toEqual([]);
    expect(config).toMatchObject({ channel: 'Some_One', maxMessages: 20, fadeAfter: 7.5, hideCommands: true, theme: 'light', hideBots: ['a', 'b', 'c'], background: '#fff' });
  });

  test('malformed values become warnings and keep the default; it never throws', () => {
    const { config, problems } = at('?channel=x&max-messages=lots&fade-after=-1&hide-commands=maybe&theme=pink&background=url(evil)&max-messages=3.5');
    expect(config).toMatchObject({ maxMessages: 50, fadeAfter: 0, hideCommands: false, theme: 'dark', background: '#18181b' });
    expect(problems.map((p) => [p.param, p.severity])).toEqual([
      ['max-messages', 'warning'],
      ['fade-after', 'warning'],
      ['hide-commands', 'warning'],
      ['theme', 'warning'],
      ['background', 'warning'],
    ]);
  });

  test('a channel is normalised from what streamers paste, and anything else is refused as an error', () => {
    const login = { login: param.string('', { format: LOGIN }), id: param.string('', { format: USER_ID }) };
    const read = (query: string) => parseConfig(login, `https://overlay.test/${query}`);
    for (const pasted of ['Some_One', '@Some_One', '%23some_one', 'twitch.tv/Some_One', 'https://www.twitch.tv/some_one', 'https://m.twitch.tv/some_one/videos?x=1', '%20some_one%20']) {
      expect(read(`?login=${pasted}`), pasted).toEqual({ config: { login: 'some_one', id: '' }, problems: [] });
    }
    // The crafted link that once made a logged-in overlay post in another channel (CR LF + PRIVMSG).
    for (const hostile of ['Foo%20Bar%0D%0APRIVMSG%20%23victim%20%3Ahello', 'a%0Ab', 'twitch.tv/', 'https://evil.example/x', 'x'.repeat(26), 'näme']) {
      const { config, problems } = read(`?login=${hostile}`);
      expect(config.login, hostile).toBe('');
      expect(problems, hostile).toEqual([expect.objectContaining({ param: 'login', severity: 'error', message: expect.stringContaining('is not a Twitch channel') })]);
    }
    expect(read('?id=12345').config.id).toBe('12345');
    expect(read('?id=12%2034').problems).toEqual([expect.objectContaining({ param: 'id', severity: 'error' })]);
  });

  test('several channels: each normalised, repeats dropped; one bad entry or more than ten refuse the whole list', () => {
    const schema = { channel: param.string('', { format: LOGINS }) };
    const read = (query: string) => parseConfig(schema, `https://overlay.test/${query}`);
    expect(read('?channel=Some_One,%20twitch.tv/other,@SOME_ONE,,third')).toEqual({ config: { channel: 'some_one,other,third' }, problems: [] });
    for (const hostile of ['a,Foo%20Bar%0D%0APRIVMSG%20%23victim', 'a,https://evil.example/x', Array.from({ length: 11 }, (_, i) => `c${i}`).join(',')]) {
      const { config, problems } = read(`?channel=${hostile}`);
      expect(config.channel, hostile).toBe('');
      expect(problems, hostile).toEqual([expect.objectContaining({ param: 'channel', severity: 'error' })]);
    }
  });

  test('a colour is whatever the browser takes as one', () => {
    for (const ok of ['black', 'rgb(0%200%200)', 'hsl(0,%200%25,%202%25)', '%23abc', 'rebeccapurple']) expect(at(`?channel=x&background=${ok}`).problems, ok).toEqual([]);
    for (const bad of ['blurple', 'not%20a%20colour', '%23abc;x:y', 'url(x)']) {
      expect(at(`?channel=x&background=${bad}`).problems, bad).toEqual([expect.objectContaining({ param: 'background', severity: 'warning' })]);
    }
  });

  test('secrets come only from the fragment; one in the query is refused with advice', () => {
    expect(at('?channel=x#token=abc').config.token).toBe('abc');
    const leaked = at('?channel=x&token=abc');
    expect(leaked.config.token).toBe('');
    expect(leaked.problems).toEqual([expect.objectContaining({ param: 'token', severity: 'error', message: expect.stringContaining('after the #') })]);
  });

  test('the fragment overrides the query; unknown parameters warn', () => {
    const { config, problems } = at('?channel=a&max-messages=10&colour=red#max-messages=30');
    expect(config.maxMessages).toBe(30);
    expect(problems).toEqual([expect.objectContaining({ param: 'colour', severity: 'warning', message: 'Unknown parameter "colour" was ignored.' })]);
  });

  test('debug and demo are understood everywhere', () => {
    expect(at('?channel=a&debug&demo').problems).toEqual([]);
    expect(isDebug(new URL('https://x.test/?debug'))).toBe(true);
    expect(isDebug(new URL('https://x.test/?debug=0'))).toBe(false);
    expect(isDebug(new URL('https://x.test/'))).toBe(false);
  });

  test('paramName turns keys into URL names', () => {
    expect(paramName('maxMessages')).toBe('max-messages');
    expect(paramName('channel')).toBe('channel');
  });
});
