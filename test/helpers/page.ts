import { inject } from 'vitest';
import { commands } from 'vitest/browser';
import type { PageOptions } from '../node/pages.js';
import { INSECURE_SITE_HOST } from './site.js';

/** An overlay page of the production build, open in its own tab. */
export interface OverlayPage {
  readonly id: number;
  /** textContent of matches of `selector` inside `host`'s shadow root. */
  text(host: string, selector: string): Promise<string[]>;
  attr(host: string, selector: string, attribute: string): Promise<(string | null)[]>;
  eval<T>(expression: string): Promise<T>;
  errors(): Promise<string[]>;
  /** Every URL the page requested so far. */
  requests(): Promise<string[]>;
  /** Saves a PNG of the page under test-results/screenshots/; with `docs`, also under docs/screenshots/ for the README when OVL_DOCS_SCREENSHOTS=1. */
  screenshot(name: string, docs?: boolean): Promise<string>;
  /** For a page opened with `clock`: moves its time ahead by `ms`, running the timers due on the way. */
  advance(ms: number): Promise<void>;
  /** Answers the requests held so far (PageOptions.hold), or fails them; resolves to how many there were. */
  release(outcome: 'answer' | 'fail'): Promise<number>;
  /** Sets the storage quota of the page's origin in its browser context (PageOptions.quotaBytes); null: the usual one. */
  quota(bytes: number | null): Promise<void>;
  close(): Promise<void>;
}

/** Opens `path` (e.g. `/overlays/chat/?channel=x`) from the statically served build. */
export async function openPage(path: string, options: PageOptions = {}): Promise<OverlayPage> {
  return driven(await commands.pageOpen(`${inject('siteOrigin')}${path}`, options));
}

/**
 * Opens `path` from the same build served under a host name that is no secure context
 * (INSECURE_SITE_HOST): no Web Locks there, as in OBS's local-file mode (`http://absolute/`).
 */
export async function openInsecurePage(path: string, options: PageOptions = {}): Promise<OverlayPage> {
  const site = new URL(inject('siteOrigin'));
  return driven(await commands.pageOpen(`http://${INSECURE_SITE_HOST}:${site.port}${path}`, options));
}

/**
 * Runs `work` in a page of the built site's origin that is no overlay, then closes it: for what a
 * test does to the origin's storage before its overlays open (any page of the origin reaches it).
 * `open`: openInsecurePage for the site's non-secure origin.
 */
export async function onSitePage<T>(work: (page: OverlayPage) => Promise<T>, open: (path: string) => Promise<OverlayPage> = openPage): Promise<T> {
  const blank = await open('/no-overlay-here');
  try {
    return await work(blank);
  } finally {
    await blank.close();
  }
}

/** Opens any page (e.g. a test-only page served by the test server itself) in its own tab. */
export async function openUrl(url: string, options: PageOptions = {}): Promise<OverlayPage> {
  return driven(await commands.pageOpen(url, options));
}

/**
 * Opens `file` of the build (e.g. `overlays/chat/index.html?demo`) the way OBS's "Local file"
 * mode does: `http://absolute/<path on disk>`, read from disk with no server.
 */
export async function openObsLocalFile(file: string): Promise<OverlayPage> {
  return openLocalFile(`${inject('siteDir')}/${file}`);
}

/** Opens any file on disk (an absolute path, query allowed) as OBS's "Local file" mode does. */
export async function openLocalFile(path: string): Promise<OverlayPage> {
  return driven(await commands.pageOpen(`http://absolute${path}`, { obsLocalFile: true, reducedMotion: true }));
}

/**
 * For `expect.poll` on a page opened with `clock`: each try first moves the page's time on by
 * `ms`, so what the page does on its own timers (a demo's next event, an alert's end) comes at once.
 */
export function advancingBy<T>(page: OverlayPage, ms: number, read: () => Promise<T>): () => Promise<T> {
  return async () => {
    await page.advance(ms);
    return read();
  };
}

function driven(id: number): OverlayPage {
  return {
    id,
    text: (host, selector) => commands.pageShadowText(id, host, selector),
    attr: (host, selector, attribute) => commands.pageShadowAttr(id, host, selector, attribute),
    eval: <T>(expression: string) => commands.pageEval(id, expression) as Promise<T>,
    errors: () => commands.pageErrors(id),
    requests: () => commands.pageRequests(id),
    screenshot: (name, docs) => commands.pageScreenshot(id, name, docs),
    advance: (ms) => commands.pageAdvance(id, ms),
    quota: (bytes) => commands.pageQuota(id, bytes),
    release: (outcome) => commands.pageRelease(id, outcome),
    close: () => commands.pageClose(id),
  };
}
