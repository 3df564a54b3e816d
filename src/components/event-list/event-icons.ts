import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import type { EventKind } from '../../domain/stream-event.js';

/**
 * One small shape per kind, drawn here in a 24×24 box and filled with `currentColor` (the
 * kind's accent), so the list needs no image files and works offline and from OBS's local-file
 * mode. Decorative: the row's text says what happened.
 */
const SHAPES: Readonly<Record<EventKind, SVGTemplateResult>> = {
  // A heart.
  follow: svg`<path d="M12 21s-7.5-4.6-9.6-9.2C.9 8.4 2.9 4.5 6.6 4.5c2.2 0 3.9 1.3 5.4 3.2 1.5-1.9 3.2-3.2 5.4-3.2 3.7 0 5.7 3.9 4.2 7.3C19.5 16.4 12 21 12 21z"/>`,
  // A star.
  sub: svg`<path d="M12 2.5l2.9 6 6.6.8-4.9 4.5 1.3 6.5L12 17.1l-5.9 3.2 1.3-6.5-4.9-4.5 6.6-.8z"/>`,
  // A star in a ring: the sub came back.
  resub: svg`<path d="M12 6.5l1.6 3.3 3.6.4-2.7 2.5.7 3.6L12 14.5l-3.2 1.8.7-3.6-2.7-2.5 3.6-.4z"/><circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2"/>`,
  // A wrapped box.
  gift: svg`<rect x="3" y="9" width="18" height="12" rx="1.5"/><rect x="2" y="6" width="20" height="4" rx="1"/><path d="M11 6h2v15h-2z" fill="#fff" fill-opacity=".6"/>`,
  // A cut gem, like Twitch's bits.
  cheer: svg`<path d="M12 2l8 8-8 12-8-12z"/><path d="M4 10h16L12 22z" fill="#000" fill-opacity=".25"/>`,
  // An arrow charging in.
  raid: svg`<path d="M2 9h11V4l9 8-9 8v-5H2z"/>`,
  // A megaphone.
  shoutout: svg`<path d="M3 9h4l10-5v16L7 15H3z"/><path d="M6 15h3l1 6H7z"/><rect x="19" y="10" width="3" height="4" rx="1"/>`,
  // A locomotive.
  'hype-train': svg`<path d="M3 5h9v4h4l5 5v4H3z"/><circle cx="7" cy="19.5" r="2.5"/><circle cx="17" cy="19.5" r="2.5"/>`,
  // Three result bars.
  poll: svg`<rect x="3" y="4" width="18" height="4" rx="1"/><rect x="3" y="10" width="12" height="4" rx="1"/><rect x="3" y="16" width="7" height="4" rx="1"/>`,
  // A crystal ball on its stand.
  prediction: svg`<circle cx="12" cy="10" r="8"/><path d="M6 19h12l1.5 3h-15z"/>`,
  // A flag on a pole.
  goal: svg`<path d="M4 2h2v20H4z"/><path d="M6 3h14l-3 5 3 5H6z"/>`,
  // A cross of aid in a circle.
  charity: svg`<circle cx="12" cy="12" r="10"/><path d="M10.5 6h3v4.5H18v3h-4.5V18h-3v-4.5H6v-3h4.5z" fill="#fff"/>`,
  // A channel-points coin.
  redemption: svg`<circle cx="12" cy="12" r="10"/><circle cx="12" cy="12" r="5.5" fill="#fff" fill-opacity=".85"/>`,
  // A recording dot in a ring: on air.
  'stream-online': svg`<circle cx="12" cy="12" r="5"/><circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2"/>`,
  // A stop square in a ring: off air.
  'stream-offline': svg`<rect x="8" y="8" width="8" height="8" rx="1"/><circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" stroke-width="2"/>`,
};

/** The kind's icon as an inline `<svg>`, hidden from screen readers. */
export function eventIcon(kind: EventKind): TemplateResult {
  return html`<svg viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">${SHAPES[kind]}</svg>`;
}
