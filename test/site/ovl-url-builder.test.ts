import { afterEach, describe, expect, test } from 'vitest';
import '../../src/site/ovl-url-builder.js';
import type { OvlUrlBuilder } from '../../src/site/ovl-url-builder.js';
import type { TextClipboard } from '../../src/site/copy-text.js';
import { chatEntry, chatGuide } from '../../src/registry/chat.js';
import { alertsEntry, alertsGuide } from '../../src/registry/alerts.js';
import { withGuide, type GuidedOverlay } from '../../src/registry/overlay-guide.js';
import { ALERT_KINDS } from '../../src/domain/stream-event.js';
import { paramName } from '../../src/config/schema.js';

let builder: OvlUrlBuilder | undefined;
afterEach(() => builder?.remove());

/** A clipboard that keeps what it is given, or refuses. */
class TestClipboard implements TextClipboard {
  text: string | null = null;
  constructor(private readonly refuse = false) {}
  async writeText(text: string): Promise<void> {
    if (this.refuse) throw new DOMException('Write permission denied.', 'NotAllowedError');
    this.text = text;
  }
}

const chat = withGuide(chatEntry, chatGuide);
const alerts = withGuide(alertsEntry, alertsGuide);

async function mount(overlay: GuidedOverlay = chat, clipboard: TextClipboard | null = new TestClipboard()): Promise<OvlUrlBuilder> {
  builder = document.createElement('ovl-url-builder');
  // A path with no page behind it: the preview iframe loads nothing heavy during the test.
  builder.path = 'no-overlay-here/';
  builder.schema = overlay.schema;
  builder.docs = overlay.paramDocs;
  builder.notes = overlay.fieldNotes ?? {};
  builder.groups = overlay.fieldGroups ?? [];
  // null: no Clipboard API, as on a plain-http page other than localhost.
  builder.clipboard = clipboard ?? undefined;
  document.body.append(builder);
  await builder.updateComplete;
  return builder;
}

const root = () => builder!.shadowRoot!;

/** Types into a field as a streamer would: one `input` event per change. */
async function type(param: string, text: string): Promise<void> {
  const input = root().getElementById(param) as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await settled();
}

const problemsBeside = (param: string) => [...root().querySelectorAll(`[part="problem"][data-param="${param}"]`)].map((p) => p.textContent!.trim());
/** The URL box, Copy URL and the rest live in the builder's `ovl-link-actions`. */
const link = () => root().querySelector('[part="link"]')!.shadowRoot!;
const shownUrl = () => (link().querySelector('[part="url"]') as HTMLInputElement).value;
const copyButton = () => link().querySelector<HTMLButtonElement>('[part="copy"]')!;
const copyStatus = () => link().querySelector('[part="copy-status"]')?.textContent;
/** Waits for the link's own render after the builder's. */
const settled = async () => {
  await builder!.updateComplete;
  await (root().querySelector('[part="link"]') as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
};

describe('<ovl-url-builder> validation', () => {
  test('checks each field as it is typed, with the overlay’s parser, and gives no URL while one is wrong', async () => {
    await mount();
    expect(problemsBeside('channel')).toEqual([expect.stringContaining('"channel" is required')]);
    expect(builder!.url).toBe('');
    await type('channel', 'mychannel');
    expect(problemsBeside('channel')).toEqual([]);
    expect(builder!.url).toMatch(/\/no-overlay-here\/\?channel=mychannel$/);

    await type('max-messages', '9999');
    expect(problemsBeside('max-messages')).toEqual(['⚠ "max-messages" must be at most 500; using the default.']);
    expect((root().getElementById('max-messages') as HTMLInputElement).getAttribute('aria-invalid')).toBe('true');
    expect(builder!.url).toBe('');
    expect(shownUrl()).toBe('');
    expect(copyButton().disabled).toBe(true);

    await type('contrast-background', 'not a colour');
    expect(problemsBeside('contrast-background')).toEqual(['⚠ "contrast-background" "not a colour" is not a CSS colour; using the default.']);

    await type('max-messages', '25');
    await type('contrast-background', '');
    expect(problemsBeside('max-messages')).toEqual([]);
    expect(builder!.url).toMatch(/\?channel=mychannel&max-messages=25$/);
  });

  test('takes a channel as streamers paste it and puts its login in the URL; refuses what is no login', async () => {
    await mount();
    for (const pasted of ['https://www.twitch.tv/X', 'twitch.tv/x', '@X', '#x']) {
      await type('channel', pasted);
      expect(problemsBeside('channel')).toEqual([]);
      expect(builder!.url).toMatch(/\?channel=x$/);
    }
    await type('channel', 'My Channel');
    expect(problemsBeside('channel')).toEqual([expect.stringContaining('"channel" is not a Twitch channel: "My Channel"')]);
    expect(builder!.url).toBe('');
    builder!.load('https://host.example/overlays/chat/?channel=Foo%20Bar%0D%0APRIVMSG%20%23victim%20%3Ahello');
    await builder!.updateComplete;
    expect(problemsBeside('channel')).toEqual([expect.stringContaining('is not a Twitch channel')]);
    expect(builder!.url).toBe('');
  });

  test('a pasted URL shows each wrong value in its field with what is wrong, and the rest beside the paste box', async () => {
    await mount();
    builder!.load('https://host.example/overlays/chat/?channel=someone&max-messages=9999&colour=red&token=leaked');
    await builder!.updateComplete;
    expect((root().getElementById('max-messages') as HTMLInputElement).value).toBe('9999');
    expect(problemsBeside('max-messages')).toEqual(['⚠ "max-messages" must be at most 500; using the default.']);
    expect(problemsBeside('colour')).toEqual(['⚠ Unknown parameter "colour" was ignored.']);
    expect(problemsBeside('token')).toEqual([expect.stringContaining('"token" is a secret and was ignored in the query string')]);
    expect(builder!.url).toBe('');
  });

  test('the preview follows a field when it is committed, not on every keystroke', async () => {
    await mount();
    const preview = () => root().querySelector('[part="preview"]')!.getAttribute('src');
    await type('channel', 'mychan');
    expect(preview()).toMatch(/\/no-overlay-here\/\?demo$/);
    root().getElementById('channel')!.dispatchEvent(new Event('change', { bubbles: true }));
    await builder!.updateComplete;
    expect(preview()).toMatch(/\/no-overlay-here\/\?channel=mychan&demo$/);
  });

  test('shows the docs’ `code` as code and the registry’s advice beside its field', async () => {
    await mount(alerts);
    const about = root().getElementById('speak-about')!;
    expect(about.querySelector('code')!.textContent).toBe('*');
    expect(about.textContent).toContain('"Control audio via OBS"');
    expect(about.textContent).not.toContain('`');
  });

  test('the chat history field names its service and links to its page, as the service asks', async () => {
    await mount(chat);
    const links = [...root().getElementById('history-about')!.querySelectorAll('a')];
    expect(links.map((a) => [a.href, a.textContent, a.target, a.rel])).toEqual([
      ['https://recent-messages.robotty.de/', 'https://recent-messages.robotty.de/', '_blank', 'noopener noreferrer'],
    ]);
    expect(root().getElementById('history-about')!.textContent).toContain('recent-messages service');
  });
});

describe('<ovl-url-builder> secrets and copying', () => {
  test('masks what follows the # on screen, with a reveal toggle and a warning; Copy URL copies it in full', async () => {
    const clipboard = new TestClipboard();
    await mount(chat, clipboard);
    await type('channel', 'mychannel');
    expect(link().querySelector('[part="secret-note"]')).toBeNull();
    builder!.setValue('token', 'secret123');
    await settled();
    expect(builder!.url).toMatch(/\?channel=mychannel#token=secret123$/);
    expect(shownUrl()).toMatch(/\?channel=mychannel#token=•+$/);
    expect(link().querySelector('[part="secret-note"]')!.textContent).toContain('do not show this page on stream');

    copyButton().click();
    await expect.poll(copyStatus).toBe('Copied.');
    expect(clipboard.text).toBe(builder!.url);
    expect(shownUrl()).not.toContain('secret123');

    const reveal = link().querySelector('.reveal') as HTMLInputElement;
    reveal.click();
    await settled();
    expect(shownUrl()).toBe(builder!.url);
  });

  test('a pasted URL with a token is loaded into the fields and cleared from the paste box', async () => {
    await mount();
    const box = root().getElementById('paste') as HTMLInputElement;
    box.value = 'https://host.example/overlays/chat/?channel=someone#token=pasted123';
    box.dispatchEvent(new Event('change'));
    await settled();
    expect(box.value).toBe('');
    expect(builder!.url).toMatch(/\?channel=someone#token=pasted123$/);
    expect(shownUrl()).not.toContain('pasted123');
  });

  test('with no clipboard (a plain-http page) it says so and selects the URL instead', async () => {
    await mount(chat, null);
    await type('channel', 'mychannel');
    builder!.setValue('token', 'secret123');
    await settled();
    copyButton().click();
    await expect.poll(copyStatus).toContain('cannot use the clipboard');
    const box = link().querySelector('[part="url"]') as HTMLInputElement;
    expect(box.value).toBe(builder!.url);
    expect(link().activeElement).toBe(box);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, box.value.length]);
  });

  test('a refused write is reported as refused, not as copied', async () => {
    await mount(chat, new TestClipboard(true));
    await type('channel', 'mychannel');
    copyButton().click();
    await expect.poll(copyStatus).toContain('The browser refused to copy');
  });
});

describe('<ovl-url-builder> sections and Test buttons', () => {
  const sections = () => [...root().querySelectorAll<HTMLElement>('[part="group"]')];
  const section = (title: string) => sections().find((s) => s.dataset.group === title)!;
  const fieldIds = (group: HTMLElement) => [...group.querySelectorAll('input, select')].map((input) => input.id);
  const bodyOf = (group: HTMLElement) => group.querySelector<HTMLElement>('.group-body')!;

  test('the alerts fields come as "General" then one section per kind, each with a Test button; every field once', async () => {
    await mount(alerts);
    expect(sections().map((s) => [s.dataset.group, s.querySelector<HTMLElement>('[part="test"]')?.dataset.test ?? null])).toEqual([
      ['General', null],
      ...ALERT_KINDS.map((kind) => [expect.any(String), kind]),
    ]);
    expect(sections().slice(1, 6).map((s) => s.dataset.group)).toEqual(['Follows', 'Subscriptions', 'Resubs', 'Gift subs', 'Cheers']);
    expect(fieldIds(section('General'))).toEqual(expect.arrayContaining(['token', 'duration', 'sound', 'priorities']));
    expect(fieldIds(section('Cheers'))).toEqual(['cheer-template', 'cheer-variations', 'cheer-sound', 'cheer-image', 'cheer-duration', 'cheer-min']);
    expect(fieldIds(section('Channel points'))).toEqual(expect.arrayContaining(['redemption-template', 'templates', 'rewards', 'speak']));
    const shown = sections().flatMap(fieldIds);
    expect(shown.sort()).toEqual(Object.keys(alerts.schema).map(paramName).sort());
  });

  test('"General" starts open and the kinds closed; a heading opens its section and counts its problems', async () => {
    await mount(alerts);
    expect(bodyOf(section('General')).hidden).toBe(false);
    expect(bodyOf(section('Cheers')).hidden).toBe(true);
    const toggle = section('Cheers').querySelector<HTMLButtonElement>('.toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await type('cheer-min', '-5');
    expect(toggle.textContent).toContain('⚠ 1 to fix');
    toggle.click();
    await builder!.updateComplete;
    expect(bodyOf(section('Cheers')).hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(problemsBeside('cheer-min')).toEqual([expect.stringContaining('"cheer-min" must be at least 0')]);
  });

  test('a Test button says so when the preview shows no overlay to test', async () => {
    await mount(alerts);
    builder!.previewWaitMs = 500;
    // The preview's page has no overlay in it (see mount): whether or not it loaded by now, the button says why nothing plays.
    section('Follows').querySelector<HTMLButtonElement>('[part="test"]')!.click();
    await expect.poll(() => section('Follows').querySelector('[part="test-status"]')?.textContent, { timeout: 5000 }).toMatch(/^⚠ The preview (shows no overlay to test|has not loaded yet)/);
  });

  test('an overlay with no groups keeps one flat form', async () => {
    await mount(chat);
    expect(sections()).toEqual([]);
    expect(root().getElementById('channel')).not.toBeNull();
  });
});
