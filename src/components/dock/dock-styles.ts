import { css } from 'lit';

/** What every section of the dock shares: OBS's dark panels, compact rows for a 300–500 px column, clear focus. */
export const dockSectionStyles = css`
  :host {
    display: block;
    font: 13px/1.35 system-ui, sans-serif;
    color: #e8e8ee;
  }
  h2 {
    margin: 0 0 6px;
    font-size: 13px;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: #b9b9c6;
  }
  button,
  select {
    font: inherit;
    color: #e8e8ee;
    background: #3a3b4a;
    border: 1px solid #55566a;
    border-radius: 4px;
    padding: 3px 8px;
    cursor: pointer;
  }
  button:hover {
    background: #4a4b5e;
  }
  button:focus-visible,
  select:focus-visible {
    outline: 2px solid #9ecbff;
    outline-offset: 1px;
  }
  button.on {
    background: #7a3b3b;
    border-color: #b05a5a;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .muted {
    color: #a3a3b3;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 6px;
    padding: 4px 0;
    border-bottom: 1px solid #2f3040;
  }
  .grow {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
`;
