import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { fire } from '../core/element-events.js';
import { controlStyles } from './site-styles.js';

/** The folder holding this page (and so `overlays/`): the default base of every link. */
export function pageFolder(): string {
  return new URL('./', location.href).href;
}

/**
 * Whether this page comes from Vite's dev server (`npm start`), which adds its client script
 * to every page it serves; a build never has it.
 */
export function servedByDevServer(): boolean {
  return document.querySelector('script[src$="/@vite/client"]') !== null;
}

/** `text` as a base for the links (ending in `/`), or why it cannot be one. */
export function readBase(text: string): { ok: true; base: string } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: 'Enter a full address, starting with https:// or http:// (http://absolute/… for files on disk in OBS).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'OBS opens http:// and https:// addresses only (http://absolute/… for files on disk).' };
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return { ok: true, base: url.href };
}

/**
 * Where the links point: the address the built site is hosted at (the folder holding
 * `overlays/`), by default this page's own. On the dev server (`npm start`) it says that
 * links to it stop working when the server stops, and how to point them at the build instead.
 *
 * @fires ovl-base-change - `detail`: the new base, ending in `/`; not bubbling.
 */
@customElement('ovl-base-url')
export class OvlBaseUrl extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        margin-bottom: 24px;
        font: 14px/1.45 system-ui, sans-serif;
      }
      input {
        width: min(40em, 100%);
        box-sizing: border-box;
      }
      .dev,
      .problem {
        margin-top: 4px;
      }
      .dev {
        color: #ffe08a;
      }
      .problem {
        color: #ffb3a7;
      }
    `,
  ];

  /** Whether this page is served by Vite's dev server. */
  @property({ type: Boolean }) dev = servedByDevServer();
  /** The base the links use now. */
  @property() base = pageFolder();

  @state() private problem = '';

  private onInput(text: string): void {
    const read = readBase(text);
    this.problem = read.ok ? '' : read.reason;
    if (!read.ok || read.base === this.base) return;
    this.base = read.base;
    fire(this, 'ovl-base-change', read.base);
  }

  protected override render() {
    return html`<label
        ><strong>Links point to</strong>
        <input id="base" type="text" spellcheck="false" .value=${this.base} @input=${(e: Event) => this.onInput((e.target as HTMLInputElement).value)} /></label
      >
      <div class="doc">The address where the built site is hosted: the folder that holds <code>overlays/</code>.</div>
      ${this.dev
        ? html`<div class="dev" part="dev-note">
            This page runs on the dev server (<code>npm start</code>): links to it stop working when it stops. Build the site with
            <code>npm run build</code>, host <code>dist/</code> (or use it from disk in OBS: <code>http://absolute/C:/path/to/dist/</code>), and
            enter that address here.
          </div>`
        : nothing}
      ${this.problem ? html`<div class="problem" part="problem" role="alert">${this.problem}</div>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-base-url': OvlBaseUrl;
  }
  interface HTMLElementEventMap {
    /** detail: the new base, ending in `/`. */
    'ovl-base-change': CustomEvent<string>;
  }
}
