import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright';
import type { BrowserCommand } from 'vitest/node';
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
  /** The browser context made for this page alone (see `PageOptions.clock`), closed with it. */
  readonly ownContext: BrowserContext | null;
}

const pages = new Map<number, OpenPage>();
let nextId = 0;
const screenshots = resolve(import.meta.dirname, '../../test-results/screenshots');

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

export const pageCommands = {
  pageOpen: (async (ctx, url: string, options: PageOptions = {}) => {
    const ownContext = options.clock ? await ctx.context.browser()!.newContext() : null;
    if (ownContext) await ownContext.clock.install();
    const page = await (ownContext ?? ctx.context).newPage();
    await page.setViewportSize({ width: options.width ?? 800, height: options.height ?? 600 });
    if (options.reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
    if (options.obsLocalFile) await serveLikeObsLocalFile(page);
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(url);
    const id = ++nextId;
    pages.set(id, { page, errors, requests, ownContext });
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
   * Saves a PNG under test-results/screenshots/ (kept as a test artifact). Overlays are
   * transparent, so the shot is taken over a dark backdrop, as a scene would sit behind them.
   */
  pageScreenshot: (async (_ctx, id: number, name: string) => {
    mkdirSync(screenshots, { recursive: true });
    const path = resolve(screenshots, `${name}.png`);
    const { page } = get(id);
    const before = await page.evaluate(() => document.documentElement.style.background);
    await page.evaluate(() => (document.documentElement.style.background = document.documentElement.style.background || '#2b2d31'));
    await page.screenshot({ path });
    await page.evaluate((value) => (document.documentElement.style.background = value), before);
    return path;
  }) as BrowserCommand<[number, string]>,

  /** Moves the clock of a page opened with `clock` ahead by `ms`, running the timers due on the way. */
  pageAdvance: (async (_ctx, id: number, ms: number) => get(id).page.clock.runFor(ms)) as BrowserCommand<[number, number]>,

  pageClose: (async (_ctx, id: number) => {
    const open = pages.get(id);
    pages.delete(id);
    await open?.page.close();
    await open?.ownContext?.close();
  }) as BrowserCommand<[number]>,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    pageOpen(url: string, options?: PageOptions): Promise<number>;
    pageShadowText(id: number, host: string, selector: string): Promise<string[]>;
    pageShadowAttr(id: number, host: string, selector: string, attribute: string): Promise<(string | null)[]>;
    pageEval<T = unknown>(id: number, expression: string): Promise<T>;
    pageErrors(id: number): Promise<string[]>;
    pageRequests(id: number): Promise<string[]>;
    pageScreenshot(id: number, name: string): Promise<string>;
    pageAdvance(id: number, ms: number): Promise<void>;
    pageClose(id: number): Promise<void>;
  }
}
