import { css } from 'lit';

/**
 * How a live widget (hype train, poll) comes and goes: `.base.in` rises in, `.base.out` sinks
 * out and then the element drops it (on `animationend`). Under `prefers-reduced-motion` both
 * are short fades, which still end with `animationend`.
 */
export const widgetMotion = css`
  .base.in {
    animation: ovl-widget-in 450ms cubic-bezier(0.2, 1.2, 0.4, 1) both;
  }
  .base.out {
    animation: ovl-widget-out 350ms ease-in forwards;
  }
  @keyframes ovl-widget-in {
    from {
      opacity: 0;
      transform: translateY(0.8em);
    }
  }
  @keyframes ovl-widget-out {
    to {
      opacity: 0;
      transform: translateY(0.8em);
    }
  }
  @keyframes ovl-widget-fade-in {
    from {
      opacity: 0;
    }
  }
  @keyframes ovl-widget-fade-out {
    to {
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .base.in {
      animation: ovl-widget-fade-in 200ms linear both;
    }
    .base.out {
      animation: ovl-widget-fade-out 200ms linear forwards;
    }
    .fill {
      transition: none !important;
    }
  }
`;
