import { copyFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page, Route } from 'playwright';
import type { BrowserCommand } from 'vitest/node';
import { AxeBuilder } from '@axe-core/playwright';
import { TYPES } from './static-site.js';

/**
 * Overlay pages opened as real top-level tabs of the test browser, the way OBS loads a
 * browser source. The test script drives them through these commands; console errors and
 * uncaught exceptions are collected for assertions.
 */
interface OpenPage {
  readonly page: Page;
  readonly errors: string[];
  /** Every URL the page asked for, answered or not. */
  readonly requests: string[];
  /** The browser context made for this page alone (see `PageOptions.ownContext`, `clock` and `quotaBytes`), closed with it. */
  readonly ownContext: BrowserContext | null;
  /** Requests held unanswered (`PageOptions.hold`) until `pageRelease`. */
  readonly held: Route[];
}

const pages = new Map<number, OpenPage>();
let nextId = 0;
const screenshots = resolve(import.meta.dirname, '../../test-results/screenshots');
/** With OVL_DOCS_SCREENSHOTS=1, shots marked for the README are also written under docs/: the setup page's walk-through in setup/, overlays in screenshots/. */
const docsFolder = resolve(import.meta.dirname, '../../docs');

function keepForDocs(path: string, folder: 'setup' | 'screenshots', name: string): void {
  if (process.env.OVL_DOCS_SCREENSHOTS !== '1') return;
  mkdirSync(resolve(docsFolder, folder), { recursive: true });
  copyFileSync(path, resolve(docsFolder, folder, `${name}.png`));
}

/** An accessibility problem axe-core found, as a test reports it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** Where: one CSS path (through shadow roots) per element. */
  readonly targets: readonly string[];
}

function get(id: number): OpenPage {
  const open = pages.get(id);
  if (!open) throw new Error(`no open page ${id}`);
  return open;
}

export interface PageOptions {
  width?: number;
  height?: number;
  reducedMotion?: boolean;
  /**
   * Serve `http://absolute/<file path>` from disk, as OBS's "Local file" mode does since CEF
   * 4638 (obs-browser's BrowserSchemeHandlerFactory: the path is the file, the content type
   * comes from the extension, a missing file fails the request; no server, no index.html).
   */
  obsLocalFile?: boolean;
  /**
   * Run the page on Playwright's fake clock (its timers, `Date`, `performance` and animation
   * frames): time flows as usual, and `pageAdvance` moves it ahead, running every timer due on
   * the way in order, so a test need not sit through an overlay's real seconds (a demo's steps,
   * a display time). Playwright's clock covers a whole browser context, and the test runner's
   * own page must keep real time, so such a page gets a context of its own (its own storage).
   */
  clock?: boolean;
  /**
   * The page's origin gets a storage quota of this many bytes before the page loads, as on a
   * full disk: its IndexedDB writes fail with QuotaExceededError. Such a page gets a browser
   * context of its own: Chromium lets writes through for up to 30 s on the room it last found
   * for an origin (IndexedDB's kBucketSpaceCacheTimeLimit), so only fresh storage fails at once.
   * `storageQuota` with null gives the room back.
   */
  quotaBytes?: number;
  /**
   * A browser context of its own, so the page shares no renderer process with the other tabs, as
   * an OBS browser source shares none with the test runner's. For WebRTC pages: in loaded full
   * runs a studio tab opened beside the others now and then gathered no ICE candidate at all.
   */
  ownContext?: boolean;
  /**
   * Answer the emote image hosts (Twitch's CDN, 7TV, BetterTTV, FrankerFaceZ) with a face drawn
   * for each URL, so that a screenshot shows emotes: the test browser reaches no real host.
   */
  emoteImages?: boolean;
  /**
   * Requests whose URL matches this glob wait, unanswered, until `pageRelease` lets them through
   * or fails them: a file of the build that arrives late (a slow disk, a cold cache) or never.
   */
  hold?: string;
}

const EMOTE_HOSTS = /^https:\/\/(static-cdn\.jtvnw\.net|cdn\.7tv\.app|cdn\.betterttv\.net|cdn\.frankerfacez\.com)\//;

/** A round face, its colour and mouth chosen by the URL, standing in for an emote image. */
function emoteFace(url: string): string {
  let hash = 7;
  for (const char of url) hash = (hash * 31 + char.charCodeAt(0)) % 3600;
  const mouths = ['M34 70 Q56 94 78 70', 'M36 78 Q56 60 76 78', 'M34 66 H78 Q74 92 56 92 Q38 92 34 66 Z'];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="112" height="112" viewBox="0 0 112 112">
    <circle cx="56" cy="56" r="50" fill="hsl(${hash % 360} 75% 58%)" stroke="#1b1b1f" stroke-width="4"/>
    <circle cx="38" cy="46" r="8" fill="#1b1b1f"/><circle cx="74" cy="46" r="8" fill="#1b1b1f"/>
    <path d="${mouths[hash % mouths.length]}" stroke="#1b1b1f" stroke-width="7" fill="${hash % 3 === 2 ? '#1b1b1f' : 'none'}" stroke-linecap="round"/>
  </svg>`;
}

async function serveLikeObsLocalFile(page: Page): Promise<void> {
  await page.route('http://absolute/**', async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    try {
      const body = await readFile(path);
      await route.fulfill({ status: 200, contentType: TYPES[extname(path)] ?? 'application/octet-stream', body });
    } catch {
      await route.abort('filenotfound');
    }
  });
}

// Evaluated in the page: elements matching `selector` inside the shadow root of `host`.
function shadowQuery(host: string, selector: string): Element[] {
  const root = document.querySelector(host)?.shadowRoot;
  return root ? [...root.querySelectorAll(selector)] : [];
}

/** Keeps a tab the page opened (a popup) under an id of its own, its console errors collected. */
function track(page: Page): number {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  const id = ++nextId;
  pages.set(id, { page, errors, requests, ownContext: null, held: [] });
  return id;
}

/** A DevTools session per browser tab whose storage quota a test set: the override lasts as long as the session. */
const quotaSessions = new WeakMap<Page, CDPSession>();

/** Sets the storage quota of `origin` in the browser context of `tab` (null: the usual quota). */
async function setQuota(tab: Page, origin: string, bytes: number | null): Promise<void> {
  let cdp = quotaSessions.get(tab);
  if (!cdp) quotaSessions.set(tab, (cdp = await tab.context().newCDPSession(tab)));
  await cdp.send('Storage.overrideQuotaForOrigin', bytes === null ? { origin } : { origin, quotaSize: bytes });
}

export const pageCommands = {
  pageOpen: (async (ctx, url: string, options: PageOptions = {}) => {
    const ownContext = options.ownContext || options.clock || options.quotaBytes !== undefined ? await ctx.context.browser()!.newContext() : null;
    if (options.clock) await ownContext!.clock.install();
    const page = await (ownContext ?? ctx.context).newPage();
    if (options.quotaBytes !== undefined) await setQuota(page, new URL(url).origin, options.quotaBytes);
    await page.setViewportSize({ width: options.width ?? 800, height: options.height ?? 600 });
    if (options.reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
    if (options.obsLocalFile) await serveLikeObsLocalFile(page);
    if (options.emoteImages) await page.route(EMOTE_HOSTS, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: emoteFace(route.request().url()) }));
    const held: Route[] = [];
    if (options.hold) await page.route(options.hold, (route) => void held.push(route));
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url);
    const id = ++nextId;
    pages.set(id, { page, errors, requests, ownContext, held });
    return id;
  }) as BrowserCommand<[string, PageOptions?]>,

  /** textContent of each match of `selector` in the shadow root of `host`. */
  pageShadowText: (async (_ctx, id: number, host: string, selector: string) =>
    get(id).page.evaluate(
      ([query, h, s]) => (new Function(`return (${query})`)() as typeof shadowQuery)(h, s).map((e) => e.textContent ?? ''),
      [shadowQuery.toString(), host, selector] as const,
    )) as BrowserCommand<[number, string, string]>,

  /** One attribute of each match of `selector` in the shadow root of `host`. */
  pageShadowAttr: (async (_ctx, id: number, host: string, selector: string, attribute: string) =>
    get(id).page.evaluate(
      ([query, h, s, a]) => (new Function(`return (${query})`)() as typeof shadowQuery)(h, s).map((e) => e.getAttribute(a)),
      [shadowQuery.toString(), host, selector, attribute] as const,
    )) as BrowserCommand<[number, string, string, string]>,

  /** Evaluates a JavaScript expression in the page and returns its (serialisable) value. */
  pageEval: (async (_ctx, id: number, expression: string) => get(id).page.evaluate(expression)) as BrowserCommand<[number, string]>,

  pageErrors: (async (_ctx, id: number) => [...get(id).errors]) as BrowserCommand<[number]>,

  /** Every URL the page requested so far (images included, whether they loaded or not). */
  pageRequests: (async (_ctx, id: number) => [...get(id).requests]) as BrowserCommand<[number]>,

  /**
   * Saves a PNG under test-results/screenshots/ (kept as a test artifact); with `docs`, also under
   * docs/screenshots/ when OVL_DOCS_SCREENSHOTS=1 (the README's pictures of the overlays). Overlays
   * are transparent, so the shot is taken over a dark backdrop, as a scene would sit behind them.
   */
  pageScreenshot: (async (_ctx, id: number, name: string, docs = false) => {
    mkdirSync(screenshots, { recursive: true });
    const path = resolve(screenshots, `${name}.png`);
    const { page } = get(id);
    const before = await page.evaluate(() => document.documentElement.style.background);
    await page.evaluate(() => (document.documentElement.style.background = document.documentElement.style.background || '#2b2d31'));
    await page.screenshot({ path });
    await page.evaluate((value) => (document.documentElement.style.background = value), before);
    if (docs) keepForDocs(path, 'screenshots', name);
    return path;
  }) as BrowserCommand<[number, string, boolean?]>,

  /** Answers the requests held so far (`PageOptions.hold`), or fails them as a network error would; returns how many. */
  pageRelease: (async (_ctx, id: number, outcome: 'answer' | 'fail') => {
    const routes = get(id).held.splice(0);
    for (const route of routes) await (outcome === 'answer' ? route.continue() : route.abort('failed'));
    return routes.length;
  }) as BrowserCommand<[number, 'answer' | 'fail']>,

  /** Moves the clock of a page opened with `clock` ahead by `ms`, running the timers due on the way. */
  pageAdvance: (async (_ctx, id: number, ms: number) => get(id).page.clock.runFor(ms)) as BrowserCommand<[number, number]>,

  /** Sets the storage quota of an open page's origin (see `quotaBytes`); null gives the usual quota back. */
  pageQuota: (async (_ctx, id: number, bytes: number | null) => {
    const { page } = get(id);
    await setQuota(page, new URL(page.url()).origin, bytes);
  }) as BrowserCommand<[number, number | null]>,

  pageClose: (async (_ctx, id: number) => {
    const open = pages.get(id);
    pages.delete(id);
    await open?.page.close();
    await open?.ownContext?.close();
  }) as BrowserCommand<[number]>,

  /**
   * Clicks what `selector` finds as a user does (Playwright's CSS reaches into open shadow roots),
   * so the page gets a real gesture: one a popup may open in.
   */
  pageClick: (async (_ctx, id: number, selector: string) => get(id).page.locator(selector).click()) as BrowserCommand<[number, string]>,

  /** Clicks `selector` and returns the id of the popup the page opens from that click. */
  pageClickForPopup: (async (_ctx, id: number, selector: string) => {
    const { page } = get(id);
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator(selector).click()]);
    return track(popup);
  }) as BrowserCommand<[number, string]>,

  /** Types `text` into the field `selector` finds, replacing what it held, as a user does. */
  pageFill: (async (_ctx, id: number, selector: string, text: string) => get(id).page.locator(selector).fill(text)) as BrowserCommand<[number, string, string]>,

  /** Presses keys on the focused element (e.g. `Tab`, `Enter`, `Space`). */
  pagePress: (async (_ctx, id: number, key: string) => get(id).page.keyboard.press(key)) as BrowserCommand<[number, string]>,

  /**
   * Drags what `source` finds onto what `target` finds, with the mouse, through the browser's own
   * drag and drop (what the source puts in its dataTransfer is what the target's drop receives).
   */
  pageDrag: (async (_ctx, id: number, source: string, target: string) => get(id).page.locator(source).dragTo(get(id).page.locator(target))) as BrowserCommand<[number, string, string]>,

  /** Loads `url` in the tab (e.g. a popup sent to a forged answer). */
  pageGoto: (async (_ctx, id: number, url: string) => void (await get(id).page.goto(url))) as BrowserCommand<[number, string]>,

  /** Whether the tab has been closed (by its page, or by the window that opened it). */
  pageIsClosed: (async (_ctx, id: number) => get(id).page.isClosed()) as BrowserCommand<[number]>,

  /**
   * Blocks the tab's main thread for `ms` with a busy loop, as a page starved of CPU beside a
   * game: answers at once, while the page's timers, messages and socket frames wait their turn.
   * `pageEval` on the tab answers only once it runs again.
   */
  pageStall: (async (_ctx, id: number, ms: number) => {
    void get(id)
      .page.evaluate((until) => {
        while (Date.now() < until);
      }, Date.now() + ms)
      .catch(() => {});
  }) as BrowserCommand<[number, number]>,

  /** Slows the tab's CPU `rate` times (Chromium's own throttling, as DevTools does it); 1 ends it. */
  pageThrottleCpu: (async (_ctx, id: number, rate: number) => {
    const { page } = get(id);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  }) as BrowserCommand<[number, number]>,

  /** The tab's viewport, e.g. 400 × 600 for an OBS dock. */
  pageResize: (async (_ctx, id: number, width: number, height: number) => get(id).page.setViewportSize({ width, height })) as BrowserCommand<[number, number, number]>,

  /** Lets the tab's site use the clipboard (read and write), as a user's permission would. */
  pageAllowClipboard: (async (_ctx, id: number) => {
    const { page } = get(id);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  }) as BrowserCommand<[number]>,

  /**
   * Saves the page as it stands (the whole page with `fullPage`) under test-results/screenshots/;
   * a shot marked `docs` also goes under docs/setup/ when OVL_DOCS_SCREENSHOTS=1 (the README's walk-through).
   */
  pageSnapshot: (async (_ctx, id: number, name: string, options: { fullPage?: boolean; docs?: boolean } = {}) => {
    mkdirSync(screenshots, { recursive: true });
    const path = resolve(screenshots, `${name}.png`);
    // A page running live previews (the studio's canvas among them) can be slow to give a frame on a loaded machine.
    await get(id).page.screenshot({ path, fullPage: options.fullPage ?? false, timeout: 60_000 });
    if (options.docs) keepForDocs(path, 'setup', name);
    return path;
  }) as BrowserCommand<[number, string, { fullPage?: boolean; docs?: boolean }?]>,

  /**
   * Runs axe-core (WCAG 2.x A and AA rules) over the page, shadow roots included, but not into
   * its iframes: there the setup page shows the overlays themselves, drawn for a video scene and
   * inert, not pages of its own. `exclude` leaves out what matches (CSS selectors). Returns the
   * violations of at least `minImpact`.
   */
  pageAxe: (async (_ctx, id: number, exclude: string[] = [], minImpact: 'moderate' | 'serious' | 'critical' = 'serious') => {
    let axe = new AxeBuilder({ page: get(id).page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).options({ iframes: false });
    for (const selector of exclude) axe = axe.exclude(selector);
    const { violations } = await axe.analyze();
    const levels = ['minor', 'moderate', 'serious', 'critical'];
    return violations
      .filter((violation) => levels.indexOf(violation.impact ?? 'minor') >= levels.indexOf(minImpact))
      .map((violation): AxeViolation => ({ id: violation.id, impact: violation.impact ?? null, help: violation.help, targets: violation.nodes.map((node) => JSON.stringify(node.target)) }));
  }) as BrowserCommand<[number, string[]?, ('moderate' | 'serious' | 'critical')?]>,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    pageOpen(url: string, options?: PageOptions): Promise<number>;
    pageShadowText(id: number, host: string, selector: string): Promise<string[]>;
    pageShadowAttr(id: number, host: string, selector: string, attribute: string): Promise<(string | null)[]>;
    pageEval<T = unknown>(id: number, expression: string): Promise<T>;
    pageErrors(id: number): Promise<string[]>;
    pageRequests(id: number): Promise<string[]>;
    pageScreenshot(id: number, name: string, docs?: boolean): Promise<string>;
    pageAdvance(id: number, ms: number): Promise<void>;
    pageRelease(id: number, outcome: 'answer' | 'fail'): Promise<number>;
    pageQuota(id: number, bytes: number | null): Promise<void>;
    pageStall(id: number, ms: number): Promise<void>;
    pageThrottleCpu(id: number, rate: number): Promise<void>;
    pageClose(id: number): Promise<void>;
    pageClick(id: number, selector: string): Promise<void>;
    pageClickForPopup(id: number, selector: string): Promise<number>;
    pageFill(id: number, selector: string, text: string): Promise<void>;
    pagePress(id: number, key: string): Promise<void>;
    pageDrag(id: number, source: string, target: string): Promise<void>;
    pageGoto(id: number, url: string): Promise<void>;
    pageIsClosed(id: number): Promise<boolean>;
    pageResize(id: number, width: number, height: number): Promise<void>;
    pageAllowClipboard(id: number): Promise<void>;
    pageSnapshot(id: number, name: string, options?: { fullPage?: boolean; docs?: boolean }): Promise<string>;
    pageAxe(id: number, exclude?: string[], minImpact?: 'moderate' | 'serious' | 'critical'): Promise<AxeViolation[]>;
  }
}
