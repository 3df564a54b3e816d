import { css } from 'lit';
import { widgetMotion } from '../shared/widget-motion.js';

/**
 * The default look: a dark translucent card with big bold text readable at 1080p, a bar in
 * the train's colour (purple; gold for a Golden Kappa train, teal for a treasure train).
 */
export const hypeTrainStyles = [
  widgetMotion,
  css`
    :host {
      --_font: var(--ovl-hype-font, 'Inter', 'Segoe UI', Roboto, sans-serif);
      --_font-size: var(--ovl-hype-font-size, 28px);
      --_color: var(--ovl-hype-color, #ffffff);
      --_background: var(--ovl-hype-background, rgba(14, 14, 20, 0.78));
      --_radius: var(--ovl-hype-radius, 14px);
      --_track: var(--ovl-hype-track-color, rgba(255, 255, 255, 0.18));
      display: block;
    }
    .base {
      display: flex;
      flex-direction: column;
      gap: 0.35em;
      padding: 0.55em 0.8em;
      border-radius: var(--_radius);
      background: var(--_background);
      color: var(--_color);
      font: 700 var(--_font-size) / 1.25 var(--_font);
      text-shadow: 0 1px 3px rgba(0, 0, 0, 0.6);
      --_accent: var(--ovl-hype-bar-color, #9147ff);
    }
    .base.golden-kappa {
      --_accent: var(--ovl-hype-bar-color, #e6b422);
    }
    .base.treasure {
      --_accent: var(--ovl-hype-bar-color, #1fb5a5);
    }
    .header {
      display: flex;
      align-items: baseline;
      gap: 0.6em;
      white-space: nowrap;
    }
    .title {
      flex: 1 1 auto;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      text-transform: uppercase;
      letter-spacing: 0.06em;
    }
    .level {
      padding: 0 0.4em;
      border-radius: 0.3em;
      background: var(--_accent);
    }
    .countdown {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
    }
    .track {
      height: 0.55em;
      border-radius: 0.3em;
      background: var(--_track);
      overflow: hidden;
    }
    .fill {
      height: 100%;
      background: var(--_accent);
      transform-origin: left;
      transform: scaleX(var(--_share, 0));
      transition: transform 600ms ease-out;
    }
    .points {
      font-size: 0.6em;
      font-weight: 600;
      opacity: 0.85;
      font-variant-numeric: tabular-nums;
    }
    .contributors {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2em 0.9em;
      margin: 0;
      padding: 0;
      list-style: none;
      font-size: 0.62em;
      font-weight: 600;
    }
    .contributor {
      overflow-wrap: anywhere;
    }
    .amount {
      opacity: 0.8;
      font-weight: 500;
    }
  `,
];
