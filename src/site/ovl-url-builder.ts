import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { paramName, type ParamSpec, type Schema } from '../config/schema.js';
import type { ConfigProblem } from '../core/config-problem.js';
import type { FieldGroup, PreviewTest } from '../registry/overlay-guide.js';
import { overlayUrl } from '../config/overlay-url.js';
import { docText } from '../components/status/inline-code.js';
import { checkFields, defaultTexts, textsFromUrl, withValue, type CheckedFields, type FieldTexts } from './builder-values.js';
import { hasSecrets, maskSecrets } from './mask-secrets.js';
import { copyText, type CopyOutcome, type TextClipboard } from './copy-text.js';
import { controlStyles } from './site-styles.js';
import { PREVIEW_WAIT_MS, nextLoad, playInPreview } from './preview-test.js';

const COPY_MESSAGES: Record<CopyOutcome, string> = {
  copied: 'Copied.',
  unavailable: 'This page cannot use the clipboard (browsers allow it only on https:// or on localhost). The URL is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
  refused: 'The browser refused to copy. The URL is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
};

/** The section of the fields that belong to no group. */
const GENERAL = 'General';

/**
 * Builds an overlay's OBS URL from its config schema: one field per parameter with its default
 * and its line of `docs`, checked as it is typed by the overlay's own parser (each problem beside
 * its field; no URL while one remains), a live preview on the simulator, and the URL to copy. Secrets
 * after the # are masked on screen unless revealed; "Copy URL" copies the whole URL and says
 * whether it could. Pasting an existing URL loads it for editing. With `groups`, the fields
 * come in collapsible sections ("General" first, open), each with its Test button if it has
 * one: that plays the section's test in the preview, on the settings as typed.
 *
 * @csspart preview - The preview iframe.
 * @csspart url - The OBS URL (secrets masked unless revealed).
 * @csspart problem - A problem with one field, beside it (`data-param` names it).
 * @csspart copy-status - What became of the last copy.
 * @csspart secret-note - The warning not to show the page on stream, when the URL carries a secret.
 * @csspart group - A section of fields (`data-group` holds its title).
 * @csspart test - A section's Test button.
 * @csspart test-status - What became of the section's last test.
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
      .doc,
      .note,
      .problem {
        display: block;
      }
      .note {
        color: #bf94ff;
        font-size: 12px;
      }
      input[type='text'],
      input[type='password'],
      select {
        width: 100%;
        box-sizing: border-box;
      }
      input[aria-invalid='true'] {
        border-color: #ffe08a;
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
        margin: 12px 0 4px;
      }
      .url input {
        flex: 1;
      }
      button:disabled {
        opacity: 0.5;
        cursor: default;
      }
      .problem {
        color: #ffe08a;
      }
      .secret-note {
        color: #ffb3a7;
      }
      /* The preview stays in sight while the fields scroll by, so a Test button's alert is seen. */
      .side {
        position: sticky;
        top: 8px;
        align-self: start;
      }
      .group {
        border: 1px solid #3a3a3d;
        border-radius: 8px;
        margin-bottom: 8px;
      }
      .group-head {
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .group-head .toggle {
        flex: 1;
        text-align: left;
        background: none;
        border: 0;
        color: inherit;
        font-weight: 600;
        padding: 8px 10px;
      }
      .group-head .toggle::before {
        content: '▸ ';
      }
      .group-head .toggle[aria-expanded='true']::before {
        content: '▾ ';
      }
      .group-head [part='test'] {
        margin-right: 8px;
      }
      .group-body,
      [part='test-status'] {
        padding: 0 10px 8px;
      }
      .count {
        color: #ffe08a;
      }
    `,
  ];

  /** The overlay page, relative to `base`, e.g. `overlays/chat/`. */
  @property() path = '';
  @property({ attribute: false }) schema: Schema = {};
  /** What each parameter does, by schema key: shown under its field. */
  @property({ attribute: false }) docs: Readonly<Record<string, string | undefined>> = {};
  /** Advice shown under the URL, e.g. the recommended source size. */
  @property() hint = '';
  /** Advice shown beside a field, by schema key. */
  @property({ attribute: false }) notes: Readonly<Record<string, string | undefined>> = {};
  /** Sections of fields, after "General" with the fields in none; empty: one flat form. */
  @property({ attribute: false }) groups: readonly FieldGroup[] = [];
  /** Where the built site is hosted (the folder holding `overlays/`); empty: this page's own folder. */
  @property() base = '';
  /** Where "Copy URL" writes; none on an insecure page. Tests inject their own. */
  @property({ attribute: false }) clipboard: TextClipboard | undefined = navigator.clipboard;
  /** How long a Test button waits for the preview to load, then for the overlay in it, in ms. */
  @property({ attribute: false }) previewWaitMs = PREVIEW_WAIT_MS;

  @state() private texts: FieldTexts = {};
  /** The fields as of the last committed change (a field left, Enter, a box ticked): what the preview shows. */
  @state() private committed: FieldTexts = {};
  /** Problems of the last pasted URL that belong to no field (an unknown parameter, say). */
  @state() private pasteProblems: readonly ConfigProblem[] = [];
  @state() private revealed = false;
  @state() private copied: CopyOutcome | null = null;
  /** Titles of the sections shown open. */
  @state() private openGroups: ReadonlySet<string> = new Set([GENERAL]);
  /** What each section's last test came to, by title. */
  @state() private testStatus: Readonly<Record<string, string>> = {};

  @query('[part="url"]') private urlBox!: HTMLInputElement;
  @query('[part="preview"]') private preview!: HTMLIFrameElement;
  /** The preview URL whose page has loaded; until the current one has, a test waits for it. */
  private loadedPreview = '';

  private checked: CheckedFields<Schema> = { config: {}, problems: [] };

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('schema')) this.texts = this.committed = defaultTexts(this.schema);
    if (changed.has('texts') || changed.has('schema')) {
      this.checked = checkFields(this.schema, this.texts);
      this.copied = null;
    }
  }

  /** The URL to paste into OBS; empty while a field has a problem, since the overlay would warn. */
  get url(): string {
    const { config, problems } = checkFields(this.schema, this.texts);
    return problems.length > 0 ? '' : overlayUrl(this.pageUrl(this.base), this.schema, config);
  }

  /** The overlay on the simulator, without secrets. It follows committed changes only: a reload per keystroke would flicker. */
  private get previewUrl(): string {
    const { config } = checkFields(this.schema, this.committed);
    const visible = Object.fromEntries(Object.entries(config).filter(([key]) => !this.schema[key]?.secret));
    return overlayUrl(this.pageUrl(''), this.schema, visible, { demo: '' });
  }

  /**
   * The overlay's page under `base`. OBS's local-file handler (`http://absolute/…`) serves
   * files, not folders, so there the page is named.
   */
  private pageUrl(base: string): URL {
    const page = new URL(this.path, base || location.href);
    if (page.origin === 'http://absolute' && page.pathname.endsWith('/')) page.pathname += 'index.html';
    return page;
  }

  /** Loads an existing overlay URL for editing: its values go into the fields, wrong ones included. */
  load(url: string): void {
    let parsed: URL;
    try {
      parsed = new URL(url, location.href);
    } catch {
      this.pasteProblems = [{ param: 'url', severity: 'warning', message: 'That is not a URL.' }];
      return;
    }
    const { texts, otherProblems } = textsFromUrl(this.schema, parsed);
    this.texts = this.committed = texts;
    this.pasteProblems = otherProblems;
  }

  /** Sets one parameter, e.g. the token after "Connect with Twitch". */
  setValue(key: string, value: unknown): void {
    this.texts = this.committed = withValue(this.schema, this.texts, key, value);
  }

  private set(key: string, text: string): void {
    this.texts = { ...this.texts, [key]: text };
  }

  private control(key: string, spec: ParamSpec, invalid: boolean) {
    const text = this.texts[key] ?? '';
    const id = paramName(key);
    const described = `${id}-about`;
    switch (spec.kind) {
      case 'bool':
        return html`<input id=${id} type="checkbox" aria-describedby=${described} aria-invalid=${invalid} .checked=${Boolean(this.checked.config[key])}
          @change=${(e: Event) => this.set(key, String((e.target as HTMLInputElement).checked))} />`;
      case 'enum':
        return html`<select id=${id} aria-describedby=${described} aria-invalid=${invalid} @change=${(e: Event) => this.set(key, (e.target as HTMLSelectElement).value)}>
          ${spec.values.includes(text) ? nothing : html`<option selected>${text}</option>`}
          ${spec.values.map((v) => html`<option ?selected=${v === text}>${v}</option>`)}
        </select>`;
      default:
        // Numbers too are typed as text: the overlay's parser, not the browser, says what is wrong with them.
        return html`<input id=${id} type=${spec.secret ? 'password' : 'text'} inputmode=${spec.kind === 'int' || spec.kind === 'number' ? 'decimal' : nothing}
          autocomplete="off" spellcheck="false" aria-describedby=${described} aria-invalid=${invalid} .value=${text}
          @input=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value)} />`;
    }
  }

  private field([key, spec]: [string, ParamSpec]) {
    const name = paramName(key);
    const problems = this.checked.problems.filter((p) => p.param === name);
    const doc = this.docs[key];
    const note = this.notes[key];
    return html`<label for=${name}>
      <span class="name">${name}</span>${spec.required ? ' (required)' : ''} ${this.control(key, spec, problems.length > 0)}
      <span id=${`${name}-about`}>
        ${doc ? html`<span class="doc">${docText(doc)}</span>` : nothing}
        ${note ? html`<span class="note">${docText(note)}</span>` : nothing}
        ${problems.map((p) => html`<span class="problem" part="problem" data-param=${name}>⚠ ${p.message}</span>`)}
      </span>
    </label>`;
  }

  /** The sections to show: "General" with the fields of no group first (if any), each group's fields in its order. */
  private sections(): FieldGroup[] {
    const grouped = new Set(this.groups.flatMap((group) => group.keys));
    const general = Object.keys(this.schema).filter((key) => !grouped.has(key));
    const groups = this.groups.map((group) => ({ ...group, keys: group.keys.filter((key) => key in this.schema) }));
    return general.length > 0 ? [{ title: GENERAL, keys: general }, ...groups] : groups;
  }

  private toggle(title: string): void {
    const open = new Set(this.openGroups);
    if (!open.delete(title)) open.add(title);
    this.openGroups = open;
  }

  private say(title: string, text: string): void {
    this.testStatus = { ...this.testStatus, [title]: text };
  }

  /** Plays a section's test in the preview, first reloading it with the settings as typed if they changed. */
  private async runTest(title: string, test: PreviewTest): Promise<void> {
    this.say(title, 'Waiting for the preview…');
    // The streamer tests what they typed, even in a field not yet left: the preview takes it now.
    this.committed = this.texts;
    await this.updateComplete;
    const frame = this.preview;
    if (this.loadedPreview !== frame.src && !(await nextLoad(frame, this.previewWaitMs))) {
      this.say(title, '⚠ The preview has not loaded yet: try again in a moment.');
      return;
    }
    const outcome = await playInPreview(frame, test, this.previewWaitMs);
    this.say(title, outcome.played ? 'Sent to the preview.' : `⚠ ${outcome.why}`);
  }

  private renderSection({ title, keys, test }: FieldGroup, index: number) {
    const open = this.openGroups.has(title);
    const names = new Set(keys.map(paramName));
    const problems = this.checked.problems.filter((p) => names.has(p.param)).length;
    const status = this.testStatus[title];
    return html`<section class="group" part="group" data-group=${title}>
      <div class="group-head">
        <button type="button" class="toggle" aria-expanded=${open} aria-controls=${`group-${index}`} @click=${() => this.toggle(title)}>
          ${title}${problems > 0 ? html` <span class="count">⚠ ${problems} to fix</span>` : nothing}
        </button>
        ${test ? html`<button type="button" part="test" data-test=${test.arg} @click=${() => this.runTest(title, test)}>Test</button>` : nothing}
      </div>
      ${status ? html`<div class="doc" part="test-status" role="status">${status}</div>` : nothing}
      <div class="group-body" id=${`group-${index}`} ?hidden=${!open}>${keys.map((key) => this.field([key, this.schema[key]!]))}</div>
    </section>`;
  }

  private renderFields() {
    if (this.groups.length === 0) return Object.entries(this.schema).map((entry) => this.field(entry));
    return this.sections().map((section, index) => this.renderSection(section, index));
  }

  private onPaste(event: Event): void {
    const box = event.target as HTMLInputElement;
    this.load(box.value);
    // A pasted link may carry a token: it now lives in the (masked) fields, not in plain sight here.
    box.value = '';
  }

  private async copy(): Promise<void> {
    const outcome = await copyText(this.url, this.clipboard);
    if (outcome !== 'copied') {
      // Selecting dots is no use: show the real URL so it can be copied by hand.
      this.revealed = true;
      await this.updateComplete;
      this.urlBox.focus();
      this.urlBox.select();
    }
    this.copied = outcome;
  }

  private renderUrl() {
    const url = this.url;
    if (!url) {
      return html`<div class="url"><input part="url" type="text" readonly value="" placeholder="Fix the settings marked ⚠ to get a URL" aria-label="URL for OBS" />
          <button type="button" disabled>Copy URL</button></div>`;
    }
    const secret = hasSecrets(url);
    return html`<div class="url">
        <input part="url" type="text" readonly .value=${secret && !this.revealed ? maskSecrets(url) : url} aria-label="URL for OBS" />
        <button type="button" @click=${this.copy}>Copy URL</button>
      </div>
      ${secret
        ? html`<label class="doc"><input id="reveal" type="checkbox" .checked=${this.revealed} @change=${(e: Event) => (this.revealed = (e.target as HTMLInputElement).checked)} /> Show
              what follows the #</label>
            <div class="doc secret-note" part="secret-note">This link carries a secret after the #: do not show this page on stream. "Copy URL" copies it in full.</div>`
        : nothing}
      ${this.copied ? html`<div class="doc" part="copy-status" role="status">${COPY_MESSAGES[this.copied]}</div>` : nothing}`;
  }

  protected override render() {
    return html`<form @submit=${(e: Event) => e.preventDefault()} @change=${() => (this.committed = this.texts)}>
        ${this.renderFields()}
        <label>
          <span class="name">Edit an existing URL</span>
          <input id="paste" type="text" placeholder="paste an overlay URL" @change=${this.onPaste} />
        </label>
        ${this.pasteProblems.map((p) => html`<div class="problem" part="problem" data-param=${p.param}>⚠ ${p.message}</div>`)}
      </form>
      <div class="side">
        <iframe part="preview" title="Preview on the simulator" src=${this.previewUrl} @load=${() => (this.loadedPreview = this.preview.src)}></iframe>
        ${this.renderUrl()}
        <div class="doc">${this.hint}</div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-url-builder': OvlUrlBuilder;
  }
}
