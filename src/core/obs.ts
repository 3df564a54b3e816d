/**
 * Calls back whenever the page turns hidden or visible again. Three signals count, and the page
 * is visible only while all three say so:
 * - OBS's browser source (obs-browser) dispatches `obsSourceVisibleChanged` with
 *   `detail.visible` and `obsSourceActiveChanged` with `detail.active` on `window`;
 * - the document's `visibilitychange` (it bubbles to `window`): OBS sends it too for a hidden
 *   source, and a browser tab in the background sends only that.
 * OBS sends two of them for one change, so the callback hears only a change of the whole,
 * never the same state twice. A page that starts hidden hears it at once. Outside OBS the
 * `obs…` events never fire. Returns a function that removes the listeners.
 */
export function onObsVisibility(callback: (visible: boolean) => void): () => void {
  let sourceVisible = true;
  let active = true;
  let shown = true;
  const update = () => {
    const now = sourceVisible && active && !document.hidden;
    if (now !== shown) callback((shown = now));
  };
  const onVisible = (event: Event) => {
    sourceVisible = (event as CustomEvent<{ visible?: boolean }>).detail?.visible !== false;
    update();
  };
  const onActive = (event: Event) => {
    active = (event as CustomEvent<{ active?: boolean }>).detail?.active !== false;
    update();
  };
  window.addEventListener('obsSourceVisibleChanged', onVisible);
  window.addEventListener('obsSourceActiveChanged', onActive);
  window.addEventListener('visibilitychange', update);
  update();
  return () => {
    window.removeEventListener('obsSourceVisibleChanged', onVisible);
    window.removeEventListener('obsSourceActiveChanged', onActive);
    window.removeEventListener('visibilitychange', update);
  };
}
