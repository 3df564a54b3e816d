import { css } from 'lit';

/**
 * The default look: in `sidebar` mode a column of rounded rows on a dark, translucent
 * background, the icon in the kind's colour; in `ticker` mode the same rows side by side on one
 * line that scrolls from right to left and starts over. The ticker stands still under
 * `prefers-reduced-motion` (the newest events stay in view, the rest is cut) and while OBS
 * hides the source.
 */
export const eventListStyles = css`
  :host {
    --_font: var(--ovl-events-font, 'Inter', 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--ovl-events-font-size, 24px);
    --_color: var(--ovl-events-color, #ffffff);
    --_background: var(--ovl-events-background, rgba(20, 20, 28, 0.72));
    --_radius: var(--ovl-events-radius, 0.5em);
    --_gap: var(--ovl-events-gap, 0.35em);
    --_icon: var(--ovl-events-icon-size, 1.2em);
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_color);
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.5em;
    padding: 0.3em 0.6em;
    border-radius: var(--_radius);
    background: var(--_background);
    text-shadow: 0 1px 2px rgba(0, 0, 0, 0.6);
    overflow-wrap: anywhere;
  }
  .icon {
    flex: none;
    width: var(--_icon);
    height: var(--_icon);
    color: var(--_accent);
  }
  .icon svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  .ticker {
    overflow: hidden;
    white-space: nowrap;
  }
  .ticker .list {
    display: inline-flex;
    flex-direction: row;
    padding-left: 100%;
    animation: ovl-events-scroll var(--ovl-events-ticker-duration, 30s) linear infinite;
  }
  .ticker .row {
    flex: none;
    overflow-wrap: normal;
  }
  :host([paused]) .ticker .list {
    animation-play-state: paused;
  }
  @keyframes ovl-events-scroll {
    to {
      transform: translateX(-100%);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .ticker .list {
      padding-left: 0;
      animation: none;
    }
  }
`;
