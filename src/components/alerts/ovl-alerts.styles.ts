import { css } from 'lit';

/**
 * The default look: a card in the kind's colour, big bold text readable at 1080p, the image
 * above. It enters with a pop and leaves with a slide before its time is up (the exit is the
 * same animation delayed to `--_exit-delay`, so no timer is needed and pausing stops both).
 * Under `prefers-reduced-motion` both are plain fades.
 */
export const alertStyles = css`
  :host {
    --_font: var(--ovl-alert-font, 'Inter', 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--ovl-alert-font-size, 32px);
    --_color: var(--ovl-alert-color, #ffffff);
    --_radius: var(--ovl-alert-radius, 16px);
    --_image: var(--ovl-alert-image-size, 2.5em);
    --_media: var(--ovl-alert-media-size, 6em);
    display: grid;
    place-items: center;
    height: 100%;
  }
  .alert {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.4em;
    max-width: 90%;
    padding: 0.6em 1.1em;
    border-radius: var(--_radius);
    background: var(--ovl-alert-background, var(--_reward-color, var(--_accent)));
    box-shadow: 0 0.2em 0.8em rgba(0, 0, 0, 0.35);
    color: var(--_color);
    font: 800 var(--_font-size) / 1.25 var(--_font);
    text-align: center;
    text-shadow: 0 1px 3px rgba(0, 0, 0, 0.6);
    overflow-wrap: anywhere;
    animation:
      ovl-alert-in 450ms cubic-bezier(0.2, 1.4, 0.4, 1) both,
      ovl-alert-out 400ms ease-in var(--_exit-delay, 99999s) forwards;
  }
  .alert.redemption {
    flex-direction: row;
    text-align: start;
    gap: 0.6em;
  }
  :host([paused]) .alert {
    animation-play-state: paused;
  }
  .media {
    max-width: var(--_media);
    max-height: var(--_media);
    flex: none;
  }
  .redemption .media {
    width: var(--_image);
    height: var(--_image);
  }
  .label {
    font-size: 0.45em;
    font-weight: 700;
    letter-spacing: 0.18em;
    text-transform: uppercase;
    opacity: 0.85;
  }
  .replay {
    align-self: center;
    font-size: 0.4em;
    font-weight: 700;
    letter-spacing: 0.12em;
    text-transform: uppercase;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    background: rgba(0, 0, 0, 0.35);
  }
  .message {
    font-weight: 500;
    font-size: 0.7em;
  }
  .message .emote {
    height: 1.4em;
    vertical-align: middle;
  }
  .cost {
    font-weight: 400;
    font-size: 0.6em;
    opacity: 0.85;
  }
  @keyframes ovl-alert-in {
    from {
      opacity: 0;
      transform: translateY(0.6em) scale(0.85);
    }
  }
  @keyframes ovl-alert-out {
    to {
      opacity: 0;
      transform: translateY(-0.6em) scale(0.95);
    }
  }
  @keyframes ovl-alert-fade-in {
    from {
      opacity: 0;
    }
  }
  @keyframes ovl-alert-fade-out {
    to {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .alert {
      animation:
        ovl-alert-fade-in 200ms linear both,
        ovl-alert-fade-out 200ms linear var(--_exit-delay, 99999s) forwards;
    }
  }
`;
