import { css } from 'lit';

/** Form controls shared by the setup page's elements, on its dark theme (text contrast WCAG AA or better). */
export const controlStyles = css`
  input[type='text'],
  input[type='number'],
  input[type='password'],
  input:not([type]),
  select {
    padding: 5px 7px;
    background: #0e0e10;
    color: inherit;
    border: 1px solid #6b6b75;
    border-radius: 4px;
    font: inherit;
  }
  input[type='checkbox'] {
    width: 16px;
    height: 16px;
    accent-color: #9146ff;
  }
  button {
    background: #772ce8;
    color: #fff;
    border: 0;
    border-radius: 4px;
    padding: 6px 14px;
    cursor: pointer;
    font: inherit;
  }
  a {
    color: #d1b3ff;
  }
  /* Where the keyboard is, always in sight. */
  :focus-visible {
    outline: 2px solid #ffe08a;
    outline-offset: 2px;
  }
  .doc {
    color: #b5b5c0;
    font-size: 12px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** A boxed panel of the setup page (the Connect box, a gallery card), as an element's host. */
export const panelStyles = css`
  :host {
    display: block;
    background: #18181b;
    border: 1px solid #3a3a3d;
    border-radius: 8px;
    font: 14px/1.45 system-ui, sans-serif;
  }
`;
