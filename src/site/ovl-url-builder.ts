import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { paramName, type ParamSpec, type Schema } from '../config/schema.js';
import { parseConfig, type ConfigProblem } from '../config/parse.js';
import { overlayUrl } from '../config/overlay-url.js';
import { controlStyles } from './site-styles.js';

type Value = ParamSpec['default'];
type Values = Record<string, Value>;

function defaults(schema: Schema): Values {
  return Object.fromEntries(Object.entries(schema).map(([key, spec]) => [key, spec.default]));
}

/**
 * Builds an overlay's OBS URL from its config schema: one control per parameter with its doc
 * and default, a live preview on the simulator, and the URL to copy (secrets after the #).
 * Pasting an existing URL loads it for editing, with warnings for what it gets wrong.
 *
 * @csspart preview - The preview iframe. @csspart url - The OBS URL.
 */
@customElement('ovl-url-builder')
export class OvlUrlBuilder extends LitElement {
  static override styles = [
    controlStyles,
    css`
    :host {
      display: grid;
      grid-template-columns: minmax(280px, 420px) 1fr;
      gap: 24px;
      font: 14px/1.45 system-ui, sans-serif;
      color: #efeff1;
    }
    label {
      display: block;
      margin-bottom: 10px;
    }
    .name {
      font-weight: 600;
      font-family: ui-monospace, monospace;
    }
    .doc {
      display: block;
    }
    input[type='text'],
    input[type='number'],
    input[type='password'],
    select {
      width: 100%;
      box-sizing: border-box;
    }
    iframe {
      width: 100%;
      height: 520px;
      border: 1px dashed #3a3a3d;
      border-radius: 8px;
      background: repeating-conic-gradient(#26262c 0% 25%, #1f1f23 0% 50%) 50% / 24px 24px;
    }
    .url {
      display: flex;
      gap: 8px;
      margin: 12px 0;
    }
    .url input {
      flex: 1;
    }
    .problem {
      color: #ffe08a;
    }
  `,
  ];

  /** The overlay page, relative to this page, e.g. `overlays/chat/`. */
  @property() path = '';
  @property({ attribute: false }) schema: Schema = {};
  /** Advice shown under the URL, e.g. the recommended source size. */
  @property() hint = '';

  @state() private values: Values = {};
  @state() private problems: readonly ConfigProblem[] = [];
  @state() private copied = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('schema')) this.values = defaults(this.schema);
  }

  /** The URL to paste into OBS. */
  get url(): string {
    return overlayUrl(new URL(this.path, location.href), this.schema, this.values);
  }

  private get previewUrl(): string {
    const visible = Object.fromEntries(Object.entries(this.values).filter(([key]) => !this.schema[key]?.secret));
    return overlayUrl(new URL(this.path, location.href), this.schema, visible, { demo: '' });
  }

  /** Loads an existing overlay URL for editing. */
  load(url: string): void {
    try {
      const parsed = parseConfig(this.schema, new URL(url, location.href));
      this.values = { ...parsed.config };
      this.problems = parsed.problems;
    } catch {
      this.problems = [{ param: 'url', severity: 'warning', message: 'That is not a URL.' }];
    }
  }

  /** Sets one parameter, e.g. the token after "Connect with Twitch". */
  setValue(key: string, value: Value): void {
    if (key in this.schema) this.set(key, value);
  }

  private set(key: string, value: Value): void {
    this.values = { ...this.values, [key]: value };
  }

  private control(key: string, spec: ParamSpec) {
    const value = this.values[key];
    const id = paramName(key);
    switch (spec.kind) {
      case 'bool':
        return html`<input id=${id} type="checkbox" .checked=${Boolean(value)} @change=${(e: Event) => this.set(key, (e.target as HTMLInputElement).checked)} />`;
      case 'enum':
        return html`<select id=${id} @change=${(e: Event) => this.set(key, (e.target as HTMLSelectElement).value)}>
          ${spec.values.map((v) => html`<option ?selected=${v === value}>${v}</option>`)}
        </select>`;
      case 'int':
      case 'number':
        return html`<input id=${id} type="number" min=${spec.min ?? nothing} max=${spec.max ?? nothing} step=${spec.kind === 'int' ? 1 : 'any'} .value=${String(value)}
          @change=${(e: Event) => {
            const n = Number((e.target as HTMLInputElement).value);
            if (Number.isFinite(n)) this.set(key, n);
          }} />`;
      case 'list':
        return html`<input id=${id} type="text" .value=${(value as string[]).join(',')}
          @change=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value.split(',').map((s) => s.trim()).filter(Boolean))} />`;
      default:
        return html`<input id=${id} type=${spec.secret ? 'password' : 'text'} autocomplete="off" .value=${String(value ?? '')}
          @change=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value.trim())} />`;
    }
  }

  private async copy(): Promise<void> {
    await navigator.clipboard?.writeText(this.url).catch(() => undefined);
    this.copied = true;
    setTimeout(() => (this.copied = false), 1500);
  }

  protected override render() {
    return html`<form @submit=${(e: Event) => e.preventDefault()}>
        ${Object.entries(this.schema).map(
          ([key, spec]) => html`<label for=${paramName(key)}>
            <span class="name">${paramName(key)}</span>${spec.required ? ' (required)' : ''} ${this.control(key, spec)}
            <span class="doc">${spec.doc.replace(/`/g, "")}</span>
          </label>`,
        )}
        <label>
          <span class="name">Edit an existing URL</span>
          <input type="text" placeholder="paste an overlay URL" @change=${(e: Event) => this.load((e.target as HTMLInputElement).value)} />
        </label>
        ${this.problems.map((p) => html`<div class="problem">⚠ ${p.message}</div>`)}
      </form>
      <div>
        <iframe part="preview" title="Preview on the simulator" src=${this.previewUrl}></iframe>
        <div class="url">
          <input part="url" type="text" readonly .value=${this.url} aria-label="URL for OBS" />
          <button type="button" @click=${this.copy}>${this.copied ? 'Copied' : 'Copy URL'}</button>
        </div>
        <div class="doc">${this.hint}</div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-url-builder': OvlUrlBuilder;
  }
}
