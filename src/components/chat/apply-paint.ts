import type { PaintStyle } from '../../chat-lookups/cosmetics/paint-style.js';

/**
 * Paints a name element: the paint shows through the text (background-clip: text, prefixed for
 * Chromium 103) over its base colour. Only style properties are
 * set; the element's text is not touched.
 */
export function applyPaint(element: HTMLElement, style: PaintStyle): void {
  element.style.backgroundImage = style.backgroundImage;
  element.style.backgroundSize = style.backgroundImage.startsWith('url(') ? 'cover' : '';
  // Under the image: the paint's colour, else the name's own, so a name never turns invisible.
  element.style.backgroundColor = style.backgroundColor ?? 'currentColor';
  element.style.setProperty('-webkit-background-clip', 'text');
  element.style.setProperty('background-clip', 'text');
  element.style.setProperty('-webkit-text-fill-color', 'transparent');
  if (style.filter) element.style.filter = style.filter;
}
