import type { Schema } from '../config/schema.js';
import { overlayUrl } from '../config/overlay-url.js';
import type { ObsPlacement } from '../registry/overlay-guide.js';
import { checkFields, type FieldTexts } from './builder-values.js';

/**
 * The overlay's page at `path` (e.g. `overlays/chat/`) under `base`, or under this page's
 * folder when `base` is empty. OBS's local-file handler (`http://absolute/…`) serves files, not
 * folders, so there the page is named.
 */
export function overlayPage(path: string, base: string): URL {
  const page = new URL(path, base || location.href);
  if (page.origin === 'http://absolute' && page.pathname.endsWith('/')) page.pathname += 'index.html';
  return page;
}

/** The URL to paste into OBS for these fields; empty while one has a problem, since the overlay would warn. */
export function overlayLink(schema: Schema, texts: FieldTexts, path: string, base: string): string {
  const { config, problems } = checkFields(schema, texts);
  return problems.length > 0 ? '' : overlayUrl(overlayPage(path, base), schema, config);
}

/** `url` without what follows the `#`: what a link may show on hover. */
export function withoutSecrets(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * `url` as dropped on OBS's preview: OBS makes a Browser Source of it named `layer-name`, of size
 * `layer-width` × `layer-height` (obs-studio `OBSBasic::AddDropURL`), and takes these three out of
 * the source's URL. The name is read with `QUrl::FullyDecoded`, which leaves a `+` as it is, so
 * its spaces go as `%20`. The overlays ignore the three quietly (config/parse.ts).
 */
export function obsDropUrl(url: string, name: string, obs: ObsPlacement): string {
  const hash = url.indexOf('#');
  const [page, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const layer = `layer-name=${encodeURIComponent(name)}&layer-width=${obs.width}&layer-height=${obs.height}`;
  return `${page}${page.includes('?') ? '&' : '?'}${layer}${fragment}`;
}
