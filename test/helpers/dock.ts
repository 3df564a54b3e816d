import type { OverlayPage } from './page.js';

/** Text (or `attribute`) of what `selector` finds in the shadow root of `host`, wherever `host` is among the dock's nested shadow roots. */
export const inDock = (page: OverlayPage, host: string, selector: string, attribute?: string) =>
  page.eval<(string | null)[]>(`(() => {
    const find = (root) => root.querySelector(${JSON.stringify(host)}) ?? [...root.querySelectorAll('*')].reduce((found, el) => found ?? (el.shadowRoot ? find(el.shadowRoot) : null), null);
    const host = find(document);
    return host ? [...host.shadowRoot.querySelectorAll(${JSON.stringify(selector)})].map((el) => ${attribute ? `el.getAttribute(${JSON.stringify(attribute)})` : 'el.textContent'}) : [];
  })()`);

/** The texts of the dock's activity feed, newest first. */
export const dockFeed = (dock: OverlayPage) => inDock(dock, 'ovl-dock-feed', '[part="text"]');
