import { css } from 'lit';

/** Form controls shared by the setup page's elements. */
export const controlStyles = css`
  input[type='text'],
  input[type='number'],
  input[type='password'],
  input:not([type]),
  select {
    padding: 5px 7px;
    background: #0e0e10;
    color: inherit;
    border: 1px solid #3a3a3d;
    border-radius: 4px;
  }
  button {
    background: #9146ff;
    color: #fff;
    border: 0;
    border-radius: 4px;
    padding: 6px 14px;
    cursor: pointer;
  }
  .doc {
    color: #adadb8;
    font-size: 12px;
  }
`;
