import type { OverlayPage } from './page.js';

/** What tells a page it is hidden: OBS's own event, the document's (a tab in the background), or both, as OBS sends them for a hidden source. */
export type HideSignal = 'obs' | 'document' | 'both';

/** Script that hides or shows the page it runs in by `signal`; the document's visibility is set as the browser would. */
export function visibilityScript(shown: boolean, signal: HideSignal): string {
  const obs = `window.dispatchEvent(new CustomEvent('obsSourceVisibleChanged', { detail: { visible: ${shown} } }))`;
  const documentSignal = `Object.defineProperties(document, { visibilityState: { value: '${shown ? 'visible' : 'hidden'}', configurable: true }, hidden: { value: ${!shown}, configurable: true } }), document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))`;
  const steps = { obs: [obs], document: [documentSignal], both: [documentSignal, obs] }[signal];
  return `(${steps.join(', ')}, 0)`;
}

/** Hides or shows an overlay page by `signal`. */
export async function setShown(page: OverlayPage, shown: boolean, signal: HideSignal): Promise<void> {
  await page.eval(visibilityScript(shown, signal));
}
