import type { PreviewTest } from '../registry/overlay-guide.js';

/** How long a Test button waits for the preview to load, and then for the overlay's element in it. */
export const PREVIEW_WAIT_MS = 10_000;

/** What became of a Test button's press; `played` carries no message of its own. */
export type PreviewTestOutcome = { readonly played: true } | { readonly played: false; readonly why: string };

/** Resolves true on the iframe's next load, false if none comes within `ms`. */
export function nextLoad(iframe: HTMLIFrameElement, ms = PREVIEW_WAIT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (loaded: boolean) => {
      clearTimeout(timer);
      iframe.removeEventListener('load', onLoad);
      resolve(loaded);
    };
    const onLoad = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    iframe.addEventListener('load', onLoad);
  });
}

/**
 * The overlay's element in a loaded page, waiting for it: the overlay mounts it on `body`
 * once its (lazily imported) parts are ready. Null if it does not come within `ms` (the page
 * shows its setup card instead, say).
 */
function elementIn(doc: Document, tag: string, ms: number): Promise<Element | null> {
  const now = doc.querySelector(tag);
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const done = (element: Element | null) => {
      clearTimeout(timer);
      observer.disconnect();
      resolve(element);
    };
    const observer = new MutationObserver(() => {
      const element = doc.querySelector(tag);
      if (element) done(element);
    });
    const timer = setTimeout(() => done(null), ms);
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  });
}

/**
 * Calls the test's method on the overlay's element in a loaded, same-origin preview. Every way
 * it cannot (another origin, no element, no such method, the method failing) comes back as a
 * sentence for the streamer instead of failing silently.
 */
export async function playInPreview(iframe: HTMLIFrameElement, test: PreviewTest, waitMs = PREVIEW_WAIT_MS): Promise<PreviewTestOutcome> {
  // Null for a page of another origin.
  const doc = iframe.contentDocument;
  if (!doc) return { played: false, why: 'The preview cannot be reached from this page (it is not on the same site).' };
  const element = await elementIn(doc, test.element, waitMs);
  const method = element && (element as unknown as Record<string, unknown>)[test.method];
  if (typeof method !== 'function') return { played: false, why: 'The preview shows no overlay to test: check it for what is wrong, then try again.' };
  try {
    await (method as (arg: string) => unknown).call(element, test.arg);
    return { played: true };
  } catch (error) {
    return { played: false, why: `The preview could not play it: ${(error as Error).message}` };
  }
}
