/**
 * OBS's browser source (obs-browser) dispatches `obsSourceVisibleChanged` with
 * `detail.visible` and `obsSourceActiveChanged` with `detail.active` on `window`.
 * Outside OBS neither fires and the overlay counts as visible.
 * Returns a function that removes the listeners.
 */
export function onObsVisibility(callback: (visible: boolean) => void): () => void {
  let visible = true;
  let active = true;
  const onVisible = (event: Event) => {
    visible = (event as CustomEvent<{ visible?: boolean }>).detail?.visible !== false;
    callback(visible && active);
  };
  const onActive = (event: Event) => {
    active = (event as CustomEvent<{ active?: boolean }>).detail?.active !== false;
    callback(visible && active);
  };
  window.addEventListener('obsSourceVisibleChanged', onVisible);
  window.addEventListener('obsSourceActiveChanged', onActive);
  return () => {
    window.removeEventListener('obsSourceVisibleChanged', onVisible);
    window.removeEventListener('obsSourceActiveChanged', onActive);
  };
}
