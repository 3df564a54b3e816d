import { css } from 'lit';

/**
 * The default look: the goal's heading and description over a thick rounded bar whose filled
 * part grows smoothly (no movement under `prefers-reduced-motion`), the amount centred on the
 * bar and the percentage at the end of the heading. A reached goal's bar turns gold.
 */
export const goalStyles = css`
  :host {
    --_font: var(--ovl-goal-font, 'Inter', 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--ovl-goal-font-size, 24px);
    --_color: var(--ovl-goal-color, #ffffff);
    --_fill: var(--ovl-goal-bar-color, #9147ff);
    --_track: var(--ovl-goal-bar-background, rgba(20, 20, 28, 0.72));
    --_height: var(--ovl-goal-bar-height, 1.6em);
    --_radius: var(--ovl-goal-radius, 0.8em);
    display: block;
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_color);
    text-shadow: 0 1px 2px rgba(0, 0, 0, 0.7);
  }
  .goal {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    padding: 0.2em 0.4em;
  }
  .top {
    display: flex;
    align-items: baseline;
    gap: 0.5em;
  }
  .label {
    flex: none;
    font-size: 0.7em;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.06em;
    opacity: 0.85;
  }
  .description {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 600;
  }
  .percent {
    flex: none;
    font-weight: 700;
  }
  .bar {
    position: relative;
    height: var(--_height);
    border-radius: var(--_radius);
    background: var(--_track);
    overflow: hidden;
  }
  .fill {
    height: 100%;
    border-radius: inherit;
    background: var(--_fill);
    transition: width 0.6s ease-out;
  }
  .goal[data-state='achieved'] .fill {
    background: var(--ovl-goal-achieved-color, #f5b400);
  }
  .amount {
    position: absolute;
    inset: 0;
    display: grid;
    place-items: center;
    font-size: 0.75em;
    font-weight: 700;
  }
  :host([paused]) .fill {
    transition: none;
  }
  @media (prefers-reduced-motion: reduce) {
    .fill {
      transition: none;
    }
  }
`;
