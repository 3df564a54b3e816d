import { afterEach, describe, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import { OVERLAYS } from '../../src/registry/overlays.js';
import { CLICK, SETUP, SetupPage } from '../helpers/setup-page.js';

let setup: SetupPage | undefined;
afterEach(async () => {
  await setup?.close();
  setup = undefined;
});

/** The gallery (null) and each overlay's builder view. */
const VIEWS: (string | null)[] = [null, ...OVERLAYS.map((overlay) => overlay.name)];
/** A 720p and a 1080p browser window, and an OBS Custom Browser Dock. */
const SIZES = [
  [1280, 720],
  [1920, 1080],
  [400, 600],
] as const;

/**
 * In the page: how far the page scrolls sideways, and every control (through shadow roots) that
 * sticks out of the viewport's width. A control hidden in a closed section has no box and is skipped.
 */
const LAYOUT = `(() => {
  const controls = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) walk(element.shadowRoot);
      if (element.matches('button, input, select, textarea, a[href], summary')) controls.push(element);
    }
  };
  walk(document);
  const width = document.documentElement.clientWidth;
  const cut = controls.filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && (box.left < -0.5 || box.right > width + 0.5);
  });
  return { sideways: document.documentElement.scrollWidth - width, cut: cut.map((element) => element.outerHTML.slice(0, 120)) };
})()`;

/** The element with focus, through shadow roots. */
const FOCUSED = `(() => {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
})()`;

const viewQuery = (view: string | null) => (view ? `?overlay=${view}` : '');
const viewName = (view: string | null) => view ?? 'gallery';

describe('setup page layout and accessibility (production build)', { timeout: 120_000 }, () => {
  test.each(VIEWS)('view %s reads well at 1280×720, 1920×1080 and in a 400×600 dock (no sideways scroll, no cut-off control) and has no serious or critical axe-core violation', async (view) => {
    setup = await SetupPage.open(viewQuery(view));
    await expect.poll(() => setup!.eval<boolean>(`Boolean(${SETUP}.shadowRoot.querySelector('${view ? 'ovl-url-builder' : 'ovl-overlay-card'}'))`)).toBe(true);
    expect(await commands.pageAxe(setup.id)).toEqual([]);
    for (const [width, height] of SIZES) {
      await commands.pageResize(setup.id, width, height);
      await expect.poll(() => setup!.eval<{ sideways: number; cut: string[] }>(LAYOUT), { timeout: 5000 }).toEqual({ sideways: 0, cut: [] });
      await commands.pageSnapshot(setup.id, `setup-${viewName(view)}-${width}x${height}`, { docs: view === 'chat' && width === 400 });
    }
  });

  test('the gallery in a 400×600 dock, a single column, has no serious or critical axe-core violation either', async () => {
    setup = await SetupPage.open('', { width: 400, height: 600 });
    await expect.poll(() => setup!.eval<boolean>(`Boolean(${SETUP}.shadowRoot.querySelector('ovl-overlay-card'))`)).toBe(true);
    expect(await commands.pageAxe(setup.id)).toEqual([]);
  });

  test('the axe-core run sees into the page’s shadow roots: an unlabelled field there is a violation', async () => {
    setup = await SetupPage.open();
    await setup.eval(`${SETUP}.shadowRoot.querySelector('ovl-overlay-card').shadowRoot.append(document.createElement('input'))`);
    expect((await commands.pageAxe(setup.id)).map((violation) => [violation.id, violation.impact])).toContainEqual(['label', 'critical']);
  });

  test('the gallery starts each preview only once it is scrolled into view', async () => {
    setup = await SetupPage.open();
    const started = () =>
      setup!.eval<string[]>(
        `[...${SETUP}.shadowRoot.querySelectorAll('ovl-overlay-card')].filter((card) => card.shadowRoot.querySelector('ovl-scaled-preview').shadowRoot.querySelector('iframe')).map((card) => card.dataset.overlay)`,
      );
    // The first row and what shows of the second; the last row, out of sight, waits.
    await expect.poll(started).toEqual(expect.arrayContaining(['chat', 'stream-info', 'alerts']));
    expect(await started()).not.toEqual(expect.arrayContaining(['poll']));
    expect((await started()).filter((name) => ['poll', 'heatmap', 'studio'].includes(name))).toEqual([]);
    await setup.eval(`${SETUP}.shadowRoot.querySelector('ovl-overlay-card[data-overlay="studio"]').scrollIntoView()`);
    await expect.poll(started).toEqual(expect.arrayContaining(['poll', 'heatmap', 'studio']));
    expect(await setup.eval(`${SETUP}.shadowRoot.querySelector('ovl-overlay-card[data-overlay="chat"]').shadowRoot.querySelector('ovl-scaled-preview').shadowRoot.querySelector('iframe').getAttribute('src')`)).toMatch(/overlays\/chat\/\?demo$/);
  });

  test('works from the keyboard with the focus in sight: "Mine" toggles, a card opens its view, the back button and a bookmark return', async () => {
    setup = await SetupPage.open();
    const focused = () => setup!.eval<{ text: string; outline: string }>(`(() => { const e = ${FOCUSED}; return { text: e.id || e.textContent.trim(), outline: getComputedStyle(e).outlineStyle }; })()`);
    await commands.pageClick(setup.id, CLICK.clientId);
    for (const expected of ['Connect with Twitch', 'Connect with a code']) {
      await commands.pagePress(setup.id, 'Tab');
      expect(await focused()).toEqual({ text: expected, outline: 'solid' });
    }
    // On through the panel to the first card's "Mine" switch.
    let steps = 0;
    while ((await setup.eval<string>(`${FOCUSED}.getAttribute('part') ?? ''`)) !== 'mine' && steps++ < 10) await commands.pagePress(setup.id, 'Tab');
    expect(await setup.eval<boolean>(`${FOCUSED}.checked`)).toBe(true);
    await commands.pagePress(setup.id, 'Space');
    expect(await setup.eval<boolean>(`${SETUP}.shadowRoot.querySelector('ovl-overlay-card[data-overlay="chat"]').picked`)).toBe(false);
    await commands.pagePress(setup.id, 'Space');
    // "Settings and preview" opens the chat's own view, at its own address, with the focus on its heading.
    while ((await setup.eval<string>(`${FOCUSED}.getAttribute('part') ?? ''`)) !== 'settings' && steps++ < 20) await commands.pagePress(setup.id, 'Tab');
    await commands.pagePress(setup.id, 'Enter');
    await expect.poll(() => setup!.eval<string>('location.search')).toMatch(/^\?.*overlay=chat/);
    expect(await setup.eval<string>(`${FOCUSED}.textContent`)).toBe('Chat overlay');
    expect(await setup.eval<string>('document.title')).toBe('Chat overlay · OBS overlay kit');
    // The sections: "General" open, the others folded (the alerts builder has them).
    await setup.eval('history.back()');
    await expect.poll(() => setup!.eval<string>(`${SETUP}.shadowRoot.querySelector('#view-title').textContent`)).toBe('Your overlays');
    await setup.eval('history.forward()');
    await expect.poll(() => setup!.eval<string>(`${SETUP}.shadowRoot.querySelector('#view-title').textContent`)).toBe('Chat overlay');
  });

  test('a builder view has "General" open and the other sections folded, and a preview at the overlay’s OBS size', async () => {
    setup = await SetupPage.open('?overlay=alerts');
    const sections = () =>
      setup!.eval<[string, boolean][]>(`[...${SETUP}.shadowRoot.querySelector('ovl-url-builder').shadowRoot.querySelectorAll('[part="group"]')].map((g) => [g.dataset.group, !g.querySelector('.group-body').hidden])`);
    const open = (await sections()).filter(([, shown]) => shown).map(([title]) => title);
    expect(open).toEqual(['General']);
    expect((await sections()).length).toBeGreaterThan(10);
    const frame = `${SETUP}.shadowRoot.querySelector('ovl-url-builder').shadowRoot.querySelector('[part="preview"]').shadowRoot.querySelector('iframe')`;
    await expect.poll(() => setup!.eval<string | null>(`${frame}?.style.width ?? null`)).toBe('1000px');
    expect(await setup.eval<string>(`${frame}.style.height`)).toBe('300px');
  });
});
