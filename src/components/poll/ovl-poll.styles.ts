import { css } from 'lit';
import { widgetMotion } from '../shared/widget-motion.js';

/**
 * The default look: a dark translucent card, big bold text readable at 1080p, one bar per
 * choice behind its title; a prediction's outcomes in Twitch's blue and pink; the winner in
 * gold with the others dimmed.
 */
export const pollStyles = [
  widgetMotion,
  css`
    :host {
      --_font: var(--ovl-poll-font, 'Inter', 'Segoe UI', Roboto, sans-serif);
      --_font-size: var(--ovl-poll-font-size, 28px);
      --_color: var(--ovl-poll-color, #ffffff);
      --_background: var(--ovl-poll-background, rgba(14, 14, 20, 0.78));
      --_radius: var(--ovl-poll-radius, 14px);
      --_bar: var(--ovl-poll-bar-color, #9147ff);
      --_winner: var(--ovl-poll-winner-color, #e6b422);
      --_track: var(--ovl-poll-track-color, rgba(255, 255, 255, 0.12));
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
    }
    .header {
      display: flex;
      align-items: baseline;
      gap: 0.6em;
      font-size: 0.6em;
      letter-spacing: 0.08em;
      text-transform: uppercase;
    }
    .label {
      flex: 1 1 auto;
      opacity: 0.85;
    }
    .countdown {
      font-variant-numeric: tabular-nums;
    }
    .title {
      overflow-wrap: anywhere;
    }
    .options {
      display: flex;
      flex-direction: column;
      gap: 0.25em;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .option {
      position: relative;
      display: flex;
      align-items: baseline;
      gap: 0.6em;
      padding: 0.2em 0.45em;
      border-radius: 0.3em;
      background: var(--_track);
      overflow: hidden;
      font-size: 0.8em;
      font-weight: 600;
      --_fill: var(--_bar);
    }
    .option.blue {
      --_fill: var(--ovl-poll-blue-color, #387aff);
    }
    .option.pink {
      --_fill: var(--ovl-poll-pink-color, #f5009b);
    }
    .fill {
      position: absolute;
      inset: 0;
      background: var(--_fill);
      opacity: 0.75;
      transform-origin: left;
      transform: scaleX(var(--_share, 0));
      transition: transform 600ms ease-out;
    }
    .option-title,
    .votes {
      position: relative;
    }
    .option-title {
      flex: 1 1 auto;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .votes {
      flex: none;
      font-size: 0.8em;
      font-variant-numeric: tabular-nums;
    }
    .ended .option:not(.winner) {
      opacity: 0.55;
    }
    .option.winner {
      box-shadow: inset 0 0 0 0.12em var(--_winner);
    }
    .option.winner .fill {
      background: var(--_winner);
    }
  `,
];
