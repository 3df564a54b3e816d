import { css } from 'lit';

/**
 * Public knobs are `--ovl-chat-*` custom properties (settable from OBS's Custom CSS); each
 * feeds a private `--_*` on :host. Stay within Chromium 103: no nesting, :has(), color-mix().
 * Comments stay out of the CSS text, which ships as written:
 * - `.line`: layout containment means a new line shifts the others but never changes them.
 *   No paint containment: its clip (rounded by the line's radius) cost each line a clip of its
 *   own to build, paint and raster (about a third of the page's paint time at 60 msg/s), and it
 *   cut the bottom 3 px off emotes, which are taller than a row. (`content-visibility: auto`
 *   was measured and costs more than it saves here.)
 * - `.probe`: a one-row line, never seen; its height bounds how many lines fit (OvlChat's `measure()`).
 * - `.animate`: opt-in, since without GPU compositing each animating line is restyled every frame (see README).
 * - reduced motion: lines still leave after fade-after, without the fade; 1 ms so `animationend` still fires.
 */
export const chatStyles = css`
  :host {
    --_font: var(--ovl-chat-font, 'Inter', 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
    --_font-size: var(--ovl-chat-font-size, 20px);
    --_font-weight: var(--ovl-chat-font-weight, 400);
    --_line-height: var(--ovl-chat-line-height, 1.35);
    --_align: var(--ovl-chat-align, start);
    --_text-color: var(--ovl-chat-text-color, #ffffff);
    --_text-shadow: var(--ovl-chat-text-shadow, 0 1px 2px rgba(0, 0, 0, 0.8));
    --_outline-width: var(--ovl-chat-outline-width, 0px);
    --_outline-color: var(--ovl-chat-outline-color, #000000);
    --_line-background: var(--ovl-chat-line-background, transparent);
    --_line-padding: var(--ovl-chat-line-padding, 2px 6px);
    --_line-gap: var(--ovl-chat-line-gap, 4px);
    --_line-radius: var(--ovl-chat-line-radius, 4px);
    --_name-weight: var(--ovl-chat-name-weight, 700);
    --_emote-size: var(--ovl-chat-emote-size, 1.75em);
    --_badge-size: var(--ovl-chat-badge-size, 1.1em);
    --_notice-background: var(--ovl-chat-notice-background, rgba(145, 70, 255, 0.35));
    --_notice-accent: var(--ovl-chat-notice-accent, #9146ff);
    --_reply-color: var(--ovl-chat-reply-color, rgba(255, 255, 255, 0.65));
    --_enter-duration: var(--ovl-chat-enter-duration, 160ms);
    --_fade-duration: var(--ovl-chat-fade-duration, 600ms);
    --_exit-duration: var(--ovl-chat-exit-duration, 250ms);
    display: block;
    height: 100%;
  }

  .base {
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    gap: var(--_line-gap);
    height: 100%;
    overflow: hidden;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    font-weight: var(--_font-weight);
    line-height: var(--_line-height);
    text-align: var(--_align);
    color: var(--_text-color);
    text-shadow: var(--_text-shadow);
    /* An outline for bright scenes; width 0 draws none. The stroke is painted under the fill
       where the browser can (Chromium 123+); before that it straddles the glyph's edge. */
    -webkit-text-stroke: var(--_outline-width) var(--_outline-color);
    paint-order: stroke fill;
    overflow-wrap: anywhere;
  }

  .line {
    flex: none;
    contain: layout style;
    padding: var(--_line-padding);
    border-radius: var(--_line-radius);
    background: var(--_line-background);
  }

  .probe {
    position: absolute;
    visibility: hidden;
  }

  .animate .line {
    animation: ovl-enter var(--_enter-duration) ease-out;
  }

  .line.fading {
    animation: ovl-fade var(--_fade-duration) ease-in var(--_fade-delay) forwards;
  }

  .animate .line.fading {
    animation: ovl-enter var(--_enter-duration) ease-out, ovl-fade var(--_fade-duration) ease-in var(--_fade-delay) forwards;
  }

  .line.leaving {
    animation: ovl-leave var(--_exit-duration) ease-in forwards;
  }

  .line.notice {
    background: var(--_notice-background);
    border-left: 4px solid var(--_notice-accent);
  }

  .notice-text {
    font-weight: 600;
  }

  .name {
    font-weight: var(--_name-weight);
    unicode-bidi: isolate;
  }

  .login {
    font-weight: 400;
    opacity: 0.8;
  }

  .badge {
    height: var(--_badge-size);
    vertical-align: middle;
    margin-right: 0.25em;
  }

  .emote {
    height: var(--_emote-size);
    vertical-align: middle;
    margin: -0.3em 0;
  }

  .emote-stack {
    display: inline-grid;
    vertical-align: middle;
  }

  .emote-stack > .emote {
    grid-area: 1 / 1;
    justify-self: center;
    align-self: center;
  }

  .cheer {
    font-weight: 700;
    color: var(--ovl-chat-cheer-color, #c89bff);
  }

  .reply {
    font-size: 0.8em;
    color: var(--_reply-color);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  @keyframes ovl-enter {
    from {
      opacity: 0;
      transform: translateY(0.5em);
    }
  }

  @keyframes ovl-fade {
    to {
      opacity: 0;
    }
  }

  @keyframes ovl-leave {
    to {
      opacity: 0;
      transform: translateX(-0.5em);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .animate .line {
      animation: none;
    }
    .line.fading,
    .animate .line.fading {
      animation: ovl-fade 1ms linear var(--_fade-delay) forwards;
    }
    .line.leaving {
      animation: ovl-leave 1ms linear forwards;
    }
  }
`;
