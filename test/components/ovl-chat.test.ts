import { afterEach, describe, expect, test } from 'vitest';
import { chatFixture, countNodes, type ChatFixture } from '../helpers/chat-element.js';
import { privmsg } from '../../src/simulator/tmi-lines.js';
import { EmoteLookup } from '../../src/chat-lookups/emotes/emote-lookup.js';
import type { BadgeLookup } from '../../src/chat-lookups/badges/badge-lookup.js';
import type { ChatDecorations } from '../../src/components/chat/chat-decorations.js';
import { ImageTemplates, pickSource } from '../../src/components/chat/image-templates.js';

let fixture: ChatFixture;
afterEach(() => fixture?.dispose());

const part = (root: ParentNode, name: string) => [...root.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];

describe('<ovl-chat> rendering', () => {
  test('a line carries the DOM contract: part=line, data-id, name, emote with alt', async () => {
    fixture = await chatFixture();
    await fixture.push(privmsg(fixture.channel, 'hi Kappa there', { id: 'msg-1', displayName: 'Viewer', emotes: '25:3-7', color: '#00FF7F' }));
    const [line] = fixture.lines();
    expect(line?.dataset.id).toBe('msg-1');
    expect(line?.getAttribute('dir')).toBe('auto');
    expect(part(line!, 'name')[0]?.textContent).toBe('Viewer');
    const [emote] = part(line!, 'emote') as HTMLImageElement[];
    expect(emote?.tagName).toBe('IMG');
    expect(emote?.alt).toBe('Kappa');
    expect(emote?.src).toBe('https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/1.0');
    expect(part(line!, 'message')[0]?.textContent).toBe('hi  there');
    expect(part(line!, 'badge')).toHaveLength(0);
  });

  test('badges render from a lookup and are left out gracefully without one', async () => {
    const badges: BadgeLookup = {
      find: (set, version) => (set === 'moderator' ? { url: `https://badges.test/${set}/${version}`, srcset: '', title: 'Moderator' } : undefined),
    };
    fixture = await chatFixture((el) => (el.badges = badges));
    await fixture.push(privmsg(fixture.channel, 'hello', { badges: 'moderator/1,unknown-badge/1' }));
    const images = part(fixture.lines()[0]!, 'badge') as HTMLImageElement[];
    expect(images.map((i) => [i.alt, i.src])).toEqual([['Moderator', 'https://badges.test/moderator/1']]);
  });

  test('third-party emotes replace whole words', async () => {
    const emotes = new EmoteLookup();
    emotes.setChannel('100000001', 'bttv', [{ provider: 'bttv', id: 'b1', code: 'catJAM', url: 'https://cdn.test/catJAM' }]);
    fixture = await chatFixture((_el, source) => (source.emotes = emotes));
    await fixture.push(privmsg(fixture.channel, 'catJAM catJAMs', { roomId: '100000001' }));
    const images = part(fixture.lines()[0]!, 'emote') as HTMLImageElement[];
    expect(images.map((i) => i.alt)).toEqual(['catJAM']);
  });

  test('names of users without a colour get a stable one, made readable on the background', async () => {
    fixture = await chatFixture((el) => (el.contrastBackground = '#000000'));
    await fixture.push(privmsg(fixture.channel, 'a', { login: 'dark', color: '#000000' }), privmsg(fixture.channel, 'b', { login: 'nocolor', color: '' }));
    const [dark, none] = fixture.lines().map((l) => part(l, 'name')[0]!.style.color);
    expect(dark).not.toBe('rgb(0, 0, 0)');
    expect(none).not.toBe('');
  });

  test('the background can be any CSS colour: black names stay readable on `black`, `rgb(…)` and `hsl(…)`', async () => {
    for (const background of ['black', 'rgb(0 0 0)', 'hsl(0, 0%, 2%)']) {
      fixture = await chatFixture((el) => (el.contrastBackground = background));
      await fixture.push(privmsg(fixture.channel, 'a', { login: 'dark', color: '#000000' }));
      expect(part(fixture.lines()[0]!, 'name')[0]!.style.color, background).not.toBe('rgb(0, 0, 0)');
      fixture.element.remove();
    }
  });

  test('/me lines are marked and coloured; localized names show the login', async () => {
    fixture = await chatFixture();
    await fixture.push(privmsg(fixture.channel, '\u0001ACTION waves\u0001', { login: 'testaccount_420', displayName: '테스트계정420', color: '#FF0000' }));
    const [line] = fixture.lines();
    expect(line?.getAttribute('part')).toBe('line action');
    expect(part(line!, 'name')[0]?.textContent).toBe('테스트계정420 (testaccount_420)');
    expect(part(line!, 'message')[0]?.textContent).toBe('waves');
  });

  test('a notice shows its headline and the viewer message', async () => {
    fixture = await chatFixture();
    await fixture.push(
      `@badge-info=subscriber/7;badges=subscriber/6;color=#008000;display-name=Schmoopiie;emotes=;id=n-1;login=schmoopiie;mod=0;msg-id=resub;msg-param-cumulative-months=7;msg-param-should-share-streak=0;msg-param-sub-plan=1000;room-id=100000001;system-msg=Schmoopiie\\ssubscribed\\sat\\sTier\\s1.\\sThey've\\ssubscribed\\sfor\\s7\\smonths!;tmi-sent-ts=1;user-id=1;user-type= :tmi.twitch.tv USERNOTICE #${fixture.channel} :Great stream -- keep it up!`,
    );
    const [line] = fixture.lines();
    expect(line?.getAttribute('part')).toBe('line notice');
    expect(line?.dataset.kind).toBe('resub');
    expect(part(line!, 'notice-text')[0]?.textContent).toBe("Schmoopiie subscribed at Tier 1. They've subscribed for 7 months!");
    expect(part(line!, 'message')[0]?.textContent).toBe('Great stream -- keep it up!');
  });
});

describe('<ovl-chat> list behaviour', () => {
  test('keeps at most max-messages lines, newest last', async () => {
    fixture = await chatFixture((el) => (el.maxMessages = 50));
    const lines = Array.from({ length: 120 }, (_, i) => privmsg(fixture.channel, `message ${i}`, { id: `id-${i}` }));
    // A few lines a frame, as a busy chat sends them: every one is drawn.
    for (let i = 0; i < lines.length; i += 6) await fixture.push(...lines.slice(i, i + 6));
    expect(fixture.element.skippedLines).toBe(0);
    const shown = fixture.lines();
    expect(shown).toHaveLength(50);
    expect(shown[0]?.dataset.id).toBe('id-70');
    expect(shown[49]?.dataset.id).toBe('id-119');
    expect(fixture.element.lineCount).toBe(50);
  });

  test('removes a deleted message, everything from a timed-out or banned user, and all on /clear', async () => {
    fixture = await chatFixture();
    const c = fixture.channel;
    await fixture.push(
      privmsg(c, 'keep', { id: 'a', userId: '1' }),
      privmsg(c, 'delete me', { id: 'b', userId: '1' }),
      privmsg(c, 'spam 1', { id: 'c', userId: '2' }),
      privmsg(c, 'spam 2', { id: 'd', userId: '2' }),
      privmsg(c, 'troll', { id: 'e', userId: '3' }),
    );
    await fixture.push(`@login=viewer;room-id=;target-msg-id=b;tmi-sent-ts=1 :tmi.twitch.tv CLEARMSG #${c} :delete me`);
    await fixture.push(`@ban-duration=600;room-id=1;target-user-id=2;tmi-sent-ts=2 :tmi.twitch.tv CLEARCHAT #${c} :viewer`);
    await fixture.push(`@room-id=1;target-user-id=3;tmi-sent-ts=3 :tmi.twitch.tv CLEARCHAT #${c} :viewer`);
    expect(fixture.lines().map((l) => l.dataset.id)).toEqual(['a']);
    await fixture.push(`@room-id=1;tmi-sent-ts=4 :tmi.twitch.tv CLEARCHAT #${c}`);
    expect(fixture.lines()).toHaveLength(0);
  });

  test('the dock’s Remove from overlay takes one line off; Hide this user takes all of a chatter’s lines off and keeps the next ones off', async () => {
    fixture = await chatFixture();
    const c = fixture.channel;
    await fixture.push(
      privmsg(c, 'fine', { id: 'a', userId: '1' }),
      privmsg(c, 'rude', { id: 'b', userId: '1' }),
      privmsg(c, 'troll 1', { id: 'c', userId: '2', login: 'troll' }),
      privmsg(c, 'troll 2', { id: 'd', userId: '2', login: 'troll' }),
    );
    fixture.element.removeLine('b');
    fixture.element.hideUser('2');
    expect(fixture.lines().map((l) => l.dataset.id)).toEqual(['a']);
    await fixture.push(privmsg(c, 'troll 3', { id: 'e', userId: '2', login: 'troll' }), privmsg(c, 'hi', { id: 'f', userId: '1' }));
    expect(fixture.lines().map((l) => l.dataset.id)).toEqual(['a', 'f']);
  });

  test('a deletion that arrives in the same frame as its message still removes it', async () => {
    fixture = await chatFixture();
    const c = fixture.channel;
    await fixture.push(privmsg(c, 'gone', { id: 'x' }), `@login=viewer;target-msg-id=x :tmi.twitch.tv CLEARMSG #${c} :gone`, privmsg(c, 'stays', { id: 'y' }));
    expect(fixture.lines().map((l) => l.dataset.id)).toEqual(['y']);
  });

  test('hides listed bots and !commands', async () => {
    fixture = await chatFixture((el) => {
      el.hideBots = ['Nightbot'];
      el.hideCommands = true;
    });
    const c = fixture.channel;
    await fixture.push(privmsg(c, 'I am a bot', { login: 'nightbot' }), privmsg(c, '!uptime', { login: 'viewer' }), privmsg(c, 'hello', { login: 'viewer' }));
    expect(fixture.lines().map((l) => part(l, 'message')[0]?.textContent)).toEqual(['hello']);
  });

  test('fade-after removes lines once they have faded', async () => {
    fixture = await chatFixture((el) => {
      el.fadeAfter = 0.05;
      el.style.setProperty('--ovl-chat-fade-duration', '10ms');
    });
    await fixture.push(privmsg(fixture.channel, 'short-lived'));
    expect(fixture.lines()).toHaveLength(1);
    await expect.poll(() => fixture.lines().length, { timeout: 3000 }).toBe(0);
  });

  test('while paused (OBS hid the source) lines wait, bounded, and appear when shown', async () => {
    fixture = await chatFixture((el) => (el.maxMessages = 5));
    fixture.element.paused = true;
    await fixture.push(...Array.from({ length: 40 }, (_, i) => privmsg(fixture.channel, `m${i}`, { id: `p${i}` })));
    expect(fixture.lines()).toHaveLength(0);
    fixture.element.paused = false;
    await fixture.element.updateComplete;
    expect(fixture.lines().map((l) => l.dataset.id)).toEqual(['p35', 'p36', 'p37', 'p38', 'p39']);
  });
});

describe('<ovl-chat> bursts', () => {
  /** Lines the element creates, whether or not they stay. */
  function watchCreated(): { created: string[]; removed: string[]; stop(): void } {
    const created: string[] = [];
    const removed: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof HTMLElement && node.matches('[part~="line"]')) created.push(node.dataset.id!);
        for (const node of record.removedNodes) if (node instanceof HTMLElement && node.matches('[part~="line"]')) removed.push(node.dataset.id!);
      }
    });
    observer.observe(fixture.element.shadowRoot!.querySelector('[part="base"]')!, { childList: true });
    return { created, removed, stop: () => observer.disconnect() };
  }
  // The element measures its height after layout; give it the frames that takes.
  const laidOut = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

  test('a burst builds only the newest lines that fit, fills the list, and counts the rest as skipped', async () => {
    fixture = await chatFixture((el) => (el.maxMessages = 50));
    await laidOut();
    const reports: number[] = [];
    fixture.element.addEventListener('ovl-chat-skipped', (e) => reports.push(e.detail));
    const watch = watchCreated();
    const lines = Array.from({ length: 200 }, (_, i) => privmsg(fixture.channel, `burst ${i}`, { id: `b${i}` }));
    await fixture.push(...lines);
    await Promise.resolve(); // mutation records arrive as a microtask
    watch.stop();

    const built = watch.created.length;
    expect(built).toBeGreaterThan(5);
    expect(built).toBeLessThan(50);
    // The newest ones, in order, and none of them removed again before it could be seen.
    expect(watch.created).toEqual(lines.slice(-built).map((_, i) => `b${200 - built + i}`));
    expect(watch.removed).toEqual([]);
    expect(fixture.element.skippedLines).toBe(200 - built);
    expect(reports).toEqual([200 - built]);

    // Nothing skipped could have been seen: the built lines reach the top of the list.
    const base = fixture.element.shadowRoot!.querySelector('[part="base"]')!.getBoundingClientRect();
    const drawn = fixture.lines();
    expect(drawn[0]!.getBoundingClientRect().top).toBeLessThanOrEqual(base.top + 1);
    for (const line of drawn) expect(line.getBoundingClientRect().bottom).toBeGreaterThan(base.top);
  });

  test('a steady flow within what fits skips nothing', async () => {
    fixture = await chatFixture((el) => (el.maxMessages = 50));
    await laidOut();
    const watch = watchCreated();
    for (let frame = 0; frame < 20; frame++) {
      await fixture.push(...Array.from({ length: 5 }, (_, i) => privmsg(fixture.channel, `steady ${frame}-${i}`, { id: `s${frame}-${i}` })));
    }
    watch.stop();
    expect(watch.created).toHaveLength(100);
    expect(fixture.element.skippedLines).toBe(0);
    expect(fixture.lines()).toHaveLength(50);
  });

  test('deleting and timing out lines that were skipped, never drawn, still works', async () => {
    fixture = await chatFixture((el) => (el.maxMessages = 50));
    await laidOut();
    const c = fixture.channel;
    const lines = Array.from({ length: 100 }, (_, i) => privmsg(c, `m ${i}`, { id: `d${i}`, userId: i % 2 === 0 ? '7' : '8' }));
    await fixture.push(...lines);
    expect(fixture.element.skippedLines).toBeGreaterThan(0);
    await fixture.push(`@login=viewer;target-msg-id=d0 :tmi.twitch.tv CLEARMSG #${c} :m 0`);
    await fixture.push(`@room-id=1;target-user-id=7 :tmi.twitch.tv CLEARCHAT #${c} :viewer`);
    const ids = fixture.lines().map((l) => l.dataset.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => Number(id!.slice(1)) % 2 === 1)).toBe(true);
  });
});

describe('<ovl-chat> images', () => {
  test('the srcset density for the screen is chosen once per image, so copies carry a plain src', () => {
    const srcset = 'https://e.test/1.0 1x, https://e.test/2.0 2x, https://e.test/3.0 4x';
    expect([1, 1.5, 2, 3, 4, 5].map((density) => pickSource(srcset, 'fallback', density))).toEqual([
      'https://e.test/1.0', 'https://e.test/2.0', 'https://e.test/2.0', 'https://e.test/3.0', 'https://e.test/3.0', 'https://e.test/3.0',
    ]);
    expect(pickSource(undefined, 'fallback')).toBe('fallback');
    expect(pickSource('', 'fallback')).toBe('fallback');
    expect(pickSource('not a candidate list', 'fallback')).toBe('fallback');
    expect(pickSource('https://e.test/only', 'fallback', 2)).toBe('https://e.test/only');
  });


  test('lines that leave hand their images to the lines that come: a steady chat makes no new images', async () => {
    // An image that loads (a failed one is handled apart, below).
    const emotes = new EmoteLookup();
    emotes.setGlobal('bttv', [{ provider: 'bttv', id: 'k', code: 'Kappa', url: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7' }]);
    fixture = await chatFixture((el, source) => {
      el.maxMessages = 3;
      source.emotes = emotes;
    });
    const seen = new Set<HTMLImageElement>();
    for (let i = 0; i < 12; i++) {
      await fixture.push(privmsg(fixture.channel, 'Kappa', { id: `r${i}` }));
      for (const line of fixture.lines()) for (const img of part(line, 'emote') as HTMLImageElement[]) seen.add(img);
    }
    expect(fixture.lines().map((l) => l.dataset.id)).toEqual(['r9', 'r10', 'r11']);
    // Three on screen and the one made before the first line left; every later line reused one.
    expect(seen.size).toBe(4);
    for (const line of fixture.lines()) {
      const [img] = part(line, 'emote') as HTMLImageElement[];
      expect([img?.alt, img?.className, line.contains(img!)]).toEqual(['Kappa', 'emote', true]);
    }
  });

  test('images kept from lines that left are bounded, whatever leaves', () => {
    const images = new ImageTemplates();
    const make = () => Object.assign(document.createElement('img'), { alt: 'x' });
    const lines = Array.from({ length: 300 }, () => {
      const line = document.createElement('div');
      line.append(images.clone('same', make));
      return line;
    });
    for (const line of lines) images.recycle(line);
    const handedOut = new Set(lines.map((line) => line.firstElementChild));
    const next = Array.from({ length: 300 }, () => images.clone('same', make));
    expect(next.filter((img) => handedOut.has(img))).toHaveLength(200);
  });

  test('an emote image that failed to load is not requested again by each new line; its code still shows', async () => {
    fixture = await chatFixture();
    const c = fixture.channel;
    // static-cdn.jtvnw.net does not resolve in the test browser: the load fails.
    await fixture.push(privmsg(c, 'Kappa', { id: 'i1', emotes: '25:0-4' }));
    const first = part(fixture.lines()[0]!, 'emote')[0] as HTMLImageElement;
    expect(first.getAttribute('src')).toBe('https://static-cdn.jtvnw.net/emoticons/v2/25/default/dark/1.0');
    await expect.poll(() => first.complete && first.naturalWidth === 0, { timeout: 5000 }).toBe(true);
    await fixture.push(...Array.from({ length: 5 }, (_, i) => privmsg(c, 'Kappa', { id: `i${i + 2}`, emotes: '25:0-4' })));
    const later = fixture.lines().slice(1).map((l) => part(l, 'emote')[0] as HTMLImageElement);
    expect(later).toHaveLength(5);
    for (const img of later) {
      expect(img.hasAttribute('src')).toBe(false);
      expect(img.alt).toBe('Kappa');
      expect(img.getAttribute('part')).toBe('emote');
    }
  });
});

describe('<ovl-chat> safety', () => {
  test('markup in text, names and reply bodies renders as inert text', async () => {
    fixture = await chatFixture();
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
    await fixture.push(
      privmsg(fixture.channel, payload, {
        displayName: '<b onmouseover=alert(1)>evil</b>',
        extraTags: { 'reply-parent-msg-id': 'p', 'reply-parent-user-login': 'x', 'reply-parent-display-name': '<i>x</i>', 'reply-parent-msg-body': '<svg onload=alert(1)>' },
      }),
    );
    const [line] = fixture.lines();
    expect(line!.querySelectorAll('img, script, b, i, svg')).toHaveLength(0);
    expect(part(line!, 'message')[0]?.textContent).toBe(payload);
    expect(part(line!, 'name')[0]?.textContent).toContain('<b onmouseover=alert(1)>evil</b>');
    expect(part(line!, 'reply')[0]?.textContent).toContain('<svg onload=alert(1)>');
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });
});

// Shared Chat (twitch-protocols.md §1.5): a line sent in another channel of the session.
const SOURCE_ROOM = '141981764';
const sharedLine = (channel: string, id: string, sourceId: string, text = 'from next door') =>
  privmsg(channel, text, { id, userId: '42', login: 'guest', badges: 'subscriber/24', extraTags: { 'source-room-id': SOURCE_ROOM, 'source-id': sourceId, 'source-badges': 'moderator/1', 'source-badge-info': '' } });

/** An image every browser decodes at once: a 1×1 SVG. */
const LOADED_IMAGE = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>')}`;

// Real PRIVMSG shapes for Twitch's special messages (the highlighted one is the peer corpus's).
const special = (channel: string, tags: string, text: string) =>
  `@badge-info=;badges=;color=#0FC7D1;display-name=MurdocTurner;flags=;id=sp-1;mod=0;room-id=121476331;subscriber=0;tmi-sent-ts=1607586921729;turbo=0;user-id=89983882;user-type=;${tags} :murdocturner!murdocturner@murdocturner.tmi.twitch.tv PRIVMSG #${channel} :${text}`;

describe('<ovl-chat> Twitch message kinds', () => {
  test.each([
    ['a highlighted message (channel points)', 'emotes=;msg-id=highlighted-message', 'test123', 'line highlighted', {}],
    ["a first-time chatter's message", 'emotes=;first-msg=1', 'hi all', 'line first', {}],
    ['a gigantified emote (power-up)', 'emotes=25:4-8;msg-id=gigantified-emote-message', 'wow Kappa', 'line gigantified', {}],
    ['an animated message (power-up)', 'animation-id=simmer;emotes=;msg-id=animated-message', 'look at me', 'line animated', { animation: 'simmer' }],
    ['a plain message', 'emotes=', 'plain', 'line', {}],
  ])('%s is marked as such', async (_name, tags, text, parts, data) => {
    fixture = await chatFixture();
    await fixture.push(special(fixture.channel, tags, text));
    const [line] = fixture.lines();
    expect(line!.getAttribute('part')).toBe(parts);
    expect({ ...line!.dataset }).toMatchObject(data);
    expect(part(line!, 'message')[0]!.textContent).toBe(text.replace('Kappa', ''));
  });

  test('a gigantified emote is drawn three times as large; other emotes are not', async () => {
    fixture = await chatFixture();
    await fixture.push(special(fixture.channel, 'emotes=25:0-4,6-10;msg-id=gigantified-emote-message', 'Kappa Kappa'));
    const emotes = part(fixture.lines()[0]!, 'emote') as HTMLImageElement[];
    // Twitch's CDN is unreachable from tests, and Chromium draws a broken image as its alt text,
    // inline, whatever height the style gives it: both emotes would measure the same once the
    // requests fail. An image that loads (as on stream) is sized by the style alone.
    await Promise.all(emotes.map((img) => ((img.src = LOADED_IMAGE), img.decode())));
    const heights = () => emotes.map((img) => Math.round(img.getBoundingClientRect().height));
    // These styles arrive in their own chunk just after the first render, and the element adopts
    // them beside its own. The dev server compiles that chunk on its first request, which on a
    // loaded machine took longer than a poll's few seconds: this waits for the adoption itself.
    const adopted = () => (fixture.element.renderRoot as ShadowRoot).adoptedStyleSheets.length;
    await expect.poll(adopted, { timeout: 30_000 }).toBe(2);
    expect(heights()[0]).toBeGreaterThan(0);
    expect(heights()[1]).toBe(heights()[0]! * 3);
  });

  test.each([
    ['BLUE', 'rgb(0, 214, 214)'],
    ['PURPLE', 'rgb(145, 70, 255)'],
    ['PRIMARY', 'rgb(145, 70, 255)'],
  ])('an announcement in %s is drawn in that colour', async (color, accent) => {
    fixture = await chatFixture();
    await fixture.push(
      `@badge-info=;badges=broadcaster/1;color=#033700;display-name=Streamer;emotes=;flags=;id=an-1;login=streamer;mod=0;msg-id=announcement;msg-param-color=${color};room-id=1;subscriber=0;system-msg=;tmi-sent-ts=1;user-id=1;user-type= :tmi.twitch.tv USERNOTICE #${fixture.channel} :Welcome in!`,
    );
    const [line] = fixture.lines();
    expect(line!.dataset.color).toBe(color.toLowerCase());
    await expect.poll(() => getComputedStyle(line!).borderLeftColor).toBe(accent);
  });

  test('a reply shows the parent name and its text trimmed, and the message without the @mention', async () => {
    fixture = await chatFixture();
    const parent = `${'long words here '.repeat(10)}end`;
    const escaped = parent.replace(/ /g, '\\s');
    await fixture.push(
      special(fixture.channel, `emotes=;reply-parent-display-name=Parent;reply-parent-msg-body=${escaped};reply-parent-msg-id=p-1;reply-parent-user-id=5;reply-parent-user-login=parent`, '@Parent agreed'),
    );
    const reply = part(fixture.lines()[0]!, 'reply')[0]!.textContent!;
    expect(reply.startsWith('↪ Parent: long words here')).toBe(true);
    expect(reply.endsWith('…')).toBe(true);
    expect(reply.length).toBeLessThan(parent.length);
    expect(part(fixture.lines()[0]!, 'message')[0]!.textContent).toBe('agreed');
  });

  test.each([
    ['big-emotes: an emote-only message is marked emote-only', { bigEmotes: true }, 'emotes=25:0-4,6-10', 'Kappa Kappa', 'line emote-only', 2],
    ['big-emotes: a message with words is not', { bigEmotes: true }, 'emotes=25:0-4', 'Kappa hi', 'line', 1],
    ['without big-emotes nothing is marked', {}, 'emotes=25:0-4', 'Kappa', 'line', 1],
    ['max-emotes caps the emotes drawn per line', { maxEmotes: 2 }, 'emotes=25:0-4,6-10,12-16,18-22', 'Kappa Kappa Kappa Kappa', 'line', 2],
  ])('%s', async (_name, settings, tags, text, parts, emotes) => {
    fixture = await chatFixture((el) => Object.assign(el, settings));
    await fixture.push(special(fixture.channel, tags, text));
    expect(fixture.lines()[0]!.getAttribute('part')).toBe(parts);
    expect(part(fixture.lines()[0]!, 'emote')).toHaveLength(emotes);
  });
});

describe('<ovl-chat> decorations', () => {
  test("a line drawn before the chatter's lookups answered is completed once they do, and only then", async () => {
    let answer!: () => void;
    const known = new Set<string>();
    const decorations: ChatDecorations = {
      notice: (user) => (known.has(user.id) ? Promise.resolve() : new Promise<void>((resolve) => (answer = () => (known.add(user.id), resolve())))),
      badges: (box, user) => known.has(user.id) && box.append(Object.assign(document.createElement('img'), { alt: 'FFZ Bot' })),
      afterName: (box, user) => known.has(user.id) && box.append(Object.assign(document.createElement('span'), { textContent: 'They/Them' })),
    };
    fixture = await chatFixture((el) => (el.decorations = decorations));
    await fixture.push(privmsg(fixture.channel, 'first words', { id: 'd-1', userId: '31', login: 'newbie' }));
    const [line] = fixture.lines();
    expect(line!.querySelector('img')).toBeNull();
    answer();
    await expect.poll(() => line!.textContent).toBe('newbieThey/Them: first words');
    expect(line!.querySelector('img')?.alt).toBe('FFZ Bot');
    // Known now: the next line is built complete, with nothing left to do later.
    await fixture.push(privmsg(fixture.channel, 'again', { id: 'd-2', userId: '31', login: 'newbie' }));
    expect(fixture.lines()[1]!.querySelector('img')?.alt).toBe('FFZ Bot');
  });
});

describe('<ovl-chat> exit animation', () => {
  test.each([
    ['with animate-exit a removed line leaves with an animation, then is gone', true],
    ['without it a removed line is gone at once', false],
  ])('%s', async (_name, animateExit) => {
    fixture = await chatFixture((el) => (el.animateExit = animateExit));
    const c = fixture.channel;
    await fixture.push(privmsg(c, 'bye', { id: 'ex-1', userId: '9' }), privmsg(c, 'stay', { id: 'ex-2', userId: '8' }));
    await fixture.push(`@room-id=1;target-user-id=9;tmi-sent-ts=3 :tmi.twitch.tv CLEARCHAT #${c} :viewer`);
    expect(fixture.element.lineCount).toBe(1);
    expect(fixture.lines().filter((l) => l.classList.contains('leaving')).map((l) => l.dataset.id)).toEqual(animateExit ? ['ex-1'] : []);
    await expect.poll(() => fixture.lines().map((l) => l.dataset.id), { timeout: 3000 }).toEqual(['ex-2']);
  });
});

describe('<ovl-chat> Shared Chat', () => {
  test.each([
    ['show', ['own-1', 'copy-1'], ['⇄']],
    ['hide', ['own-1', 'copy-1'], []],
    ['own-only', ['own-1'], []],
  ] as const)('shared=%s', async (shared, ids, markers) => {
    fixture = await chatFixture((el) => (el.shared = shared));
    await fixture.push(privmsg(fixture.channel, 'at home', { id: 'own-1' }), sharedLine(fixture.channel, 'copy-1', 'src-1'));
    expect(fixture.lines().map((l) => l.dataset.id)).toEqual(ids);
    expect(fixture.lines().flatMap((l) => part(l, 'source').map((m) => m.textContent))).toEqual(markers);
    if (markers.length) expect(part(fixture.lines()[1]!, 'source')[0]!.dataset.channelId).toBe(SOURCE_ROOM);
  });

  test('one message is drawn once, however many copies of it arrive (by source-id), in one frame or later', async () => {
    fixture = await chatFixture();
    const c = fixture.channel;
    // The origin channel's copy has the source id as its own id; another joined channel's copy has its own id.
    await fixture.push(privmsg(c, 'once', { id: 'src-2' }), sharedLine(c, 'copy-2a', 'src-2', 'once'));
    await fixture.push(sharedLine(c, 'copy-2b', 'src-2', 'once'));
    expect(fixture.lines().map((l) => l.dataset.id)).toEqual(['src-2']);
  });

  test.each([
    ['its source id', 'src-3'],
    ['its id in this channel', 'copy-3'],
  ])('a Shared Chat line is deleted by %s, drawn or still queued', async (_name, target) => {
    fixture = await chatFixture();
    const c = fixture.channel;
    const clear = `@login=guest;room-id=1;target-msg-id=${target};tmi-sent-ts=9 :tmi.twitch.tv CLEARMSG #${c} :from next door`;
    await fixture.push(sharedLine(c, 'copy-3', 'src-3'), privmsg(c, 'stays', { id: 'own-3' }));
    await fixture.push(clear);
    expect(fixture.lines().map((l) => l.dataset.id)).toEqual(['own-3']);
    await fixture.push(sharedLine(c, 'copy-3', 'src-3'), clear, privmsg(c, 'stays', { id: 'own-4' }));
    expect(fixture.lines().map((l) => l.dataset.id)).toEqual(['own-3', 'own-4']);
  });

  test('a Shared Chat line shows the badges its sender has in the source channel, from that channel', async () => {
    const asked: string[] = [];
    const badges: BadgeLookup = {
      find: (set, version, channelId) => {
        asked.push(`${set}/${version}@${channelId}`);
        return { url: `https://badges.test/${set}`, srcset: '', title: set };
      },
    };
    fixture = await chatFixture((el) => (el.badges = badges));
    await fixture.push(sharedLine(fixture.channel, 'copy-5', 'src-5'));
    expect((part(fixture.lines()[0]!, 'badge') as HTMLImageElement[]).map((b) => b.alt)).toEqual(['moderator']);
    expect(asked).toEqual([`moderator/1@${SOURCE_ROOM}`]);
  });
});

describe('<ovl-chat> soak', () => {
  test('100,000 messages leave the DOM node count where 1,000 left it', async () => {
    fixture = await chatFixture((el) => (el.maxMessages = 50));
    const root = fixture.element.shadowRoot!;
    const emotes = ['25:0-4', '', '1902:6-10', ''];
    let sent = 0;
    const sendBatch = async (count: number) => {
      const lines = Array.from({ length: count }, (_, i) =>
        privmsg(fixture.channel, `Kappa Keepo message ${sent + i} 👉 <3`, { id: `s${sent + i}`, emotes: emotes[(sent + i) % 4], badges: 'subscriber/12' }),
      );
      sent += count;
      await fixture.push(...lines);
    };
    for (let i = 0; i < 10; i++) await sendBatch(100);
    const after1k = countNodes(root);
    for (let i = 0; i < 99; i++) await sendBatch(1000);
    const after100k = countNodes(root);
    expect(sent).toBe(100_000);
    expect(fixture.lines()).toHaveLength(50);
    expect(Math.abs(after100k - after1k) / after1k).toBeLessThan(0.03);
  });
});
