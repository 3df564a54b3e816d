import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { paramName, type ParamSpec, type Schema } from '../config/schema.js';
import type { ConfigProblem } from '../core/config-problem.js';
import type { FieldGroup, ObsPlacement, PreviewTest } from '../registry/overlay-guide.js';
import { overlayUrl } from '../config/overlay-url.js';
import { docText, inlineCode } from '../components/status/inline-code.js';
import { checkFields, type CheckedFields, type FieldTexts } from './builder-values.js';
import type { TextClipboard } from './copy-text.js';
import { controlStyles } from './site-styles.js';
import { PREVIEW_WAIT_MS, nextLoad, playInPreview } from './preview-test.js';
import { OverlayDraft } from './overlay-draft.js';
import { obsDropUrl, overlayLink, overlayPage } from './overlay-link.js';
import type { OvlScaledPreview } from './ovl-scaled-preview.js';
import './ovl-scaled-preview.js';
import './ovl-link-actions.js';

/** The section of the fields that belong to no group. */
const GENERAL = 'General';

/**
 * Builds an overlay's OBS URL from its config schema: one field per parameter with its default
 * and its line of `docs`, checked as it is typed by the overlay's own parser (each problem beside
 * its field; no URL while one remains), a preview at the overlay's OBS size (on the simulator, or
 * with **Live preview** on the streamer's real channel), and the URL to copy or drag into OBS.
 * The settings live in an `OverlayDraft` (its own when none is given), so they outlive this view.
 * Pasting an existing URL loads it for editing; "Start over" goes back to the defaults. With
 * `groups`, the fields come in collapsible sections ("General" first, open), each with its Test
 * button if it has one: that plays the section's test in the preview, on the settings as typed.
 *
 * @csspart preview - The preview (`ovl-scaled-preview`).
 * @csspart link - The URL, Copy URL and Drag into OBS (`ovl-link-actions`).
 * @csspart live - The Live preview switch.
 * @csspart problem - A problem with one field, beside it (`data-param` names it).
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
        grid-template-columns: minmax(260px, 420px) minmax(0, 1fr);
        gap: 24px;
        font: 14px/1.45 system-ui, sans-serif;
        color: #efeff1;
      }
      @media (max-width: 760px) {
        :host {
          grid-template-columns: minmax(0, 1fr);
        }
        /* In a narrow dock the preview comes first, then the fields. */
        .side {
          order: -1;
          position: static;
        }
      }
      label {
        display: block;
        margin-bottom: 10px;
      }
      .name {
        font-weight: 600;
        font-family: ui-monospace, monospace;
        overflow-wrap: anywhere;
      }
      .doc,
      .note,
      .problem {
        display: block;
      }
      .note {
        color: #c9a6ff;
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
      .problem {
        color: #ffe08a;
      }
      /* The preview stays in sight while the fields scroll by, so a Test button's alert is seen. */
      .side {
        position: sticky;
        top: 8px;
        align-self: start;
        min-width: 0;
      }
      .live {
        display: flex;
        align-items: center;
        gap: 8px;
        margin: 0 0 8px;
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
      .start-over {
        background: none;
        border: 1px solid #6b6b75;
        color: inherit;
      }
    `,
  ];

  /** The overlay page, relative to `base`, e.g. `overlays/chat/`. */
  @property() path = '';
  @property({ attribute: false }) schema: Schema = {};
  /** The settings being made; when none is given the builder keeps its own, for `schema`. */
  @property({ attribute: false }) draft?: OverlayDraft;
  /** The overlay's title: it names the Browser Source a dragged link makes. */
  @property() heading = '';
  /** What each parameter does, by schema key: shown under its field. */
  @property({ attribute: false }) docs: Readonly<Record<string, string | undefined>> = {};
  /** Where and how big it goes in OBS: the preview's size, the dragged link's, and advice under the URL. */
  @property({ attribute: false }) obs: ObsPlacement = { width: 800, height: 600 };
  /** Advice shown beside a field, by schema key. */
  @property({ attribute: false }) notes: Readonly<Record<string, string | undefined>> = {};
  /** Sections of fields, after "General" with the fields in none; empty: one flat form. */
  @property({ attribute: false }) groups: readonly FieldGroup[] = [];
  /** Where the built site is hosted (the folder holding `overlays/`); empty: this page's own folder. */
  @property() base = '';
  /** Extra query parameters of the live preview (the test servers' `dev-*` routing). */
  @property({ attribute: false }) liveParams: Readonly<Record<string, string>> = {};
  /** Where "Copy URL" writes; none on an insecure page. Tests inject their own. */
  @property({ attribute: false }) clipboard: TextClipboard | undefined = navigator.clipboard;
  /** How long a Test button waits for the preview to load, then for the overlay in it, in ms. */
  @property({ attribute: false }) previewWaitMs = PREVIEW_WAIT_MS;

  /** The fields as of the last committed change (a field left, Enter, a box ticked): what the preview shows. */
  @state() private committed: FieldTexts = {};
  /** Problems of the last pasted URL that belong to no field (an unknown parameter, say). */
  @state() private pasteProblems: readonly ConfigProblem[] = [];
  /** Titles of the sections shown open. */
  @state() private openGroups: ReadonlySet<string> = new Set([GENERAL]);
  /** What each section's last test came to, by title. */
  @state() private testStatus: Readonly<Record<string, string>> = {};
  /** The preview runs the real overlay on the streamer's channel instead of the simulator. */
  @state() private live = false;

  @query('[part="preview"]') private preview!: OvlScaledPreview;

  private checked: CheckedFields<Schema> = { config: {}, problems: [] };
  private own: OverlayDraft | null = null;
  private watched: OverlayDraft | null = null;
  /** Set while the streamer types: a keystroke does not reload the preview, a change from elsewhere does. */
  private typing = false;
  private readonly onDraftChange = () => {
    if (!this.typing) this.committed = this.settings.texts;
    this.requestUpdate();
  };

  /** The settings shown: the given draft, or the builder's own. */
  private get settings(): OverlayDraft {
    if (this.draft) return this.draft;
    if (this.own?.schema !== this.schema) this.own = new OverlayDraft(this.schema);
    return this.own;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watch(null);
  }

  private watch(draft: OverlayDraft | null): void {
    this.watched?.removeEventListener('change', this.onDraftChange);
    this.watched = draft;
    draft?.addEventListener('change', this.onDraftChange);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('schema') || changed.has('draft') || this.watched !== this.settings) {
      this.watch(this.settings);
      this.committed = this.settings.texts;
    }
    this.checked = checkFields(this.schema, this.settings.texts);
  }

  /** The URL to paste into OBS; empty while a field has a problem, since the overlay would warn. */
  get url(): string {
    return overlayLink(this.schema, this.settings.texts, this.path, this.base);
  }

  /**
   * What the preview shows: the overlay on the simulator, without secrets, or live with them. It
   * follows committed changes only: a reload per keystroke would flicker.
   */
  private get previewUrl(): string {
    const { config } = checkFields(this.schema, this.committed);
    const page = overlayPage(this.path, '');
    if (this.live) return overlayUrl(page, this.schema, config, { ...this.liveParams });
    const visible = Object.fromEntries(Object.entries(config).filter(([key]) => !this.schema[key]?.secret));
    return overlayUrl(page, this.schema, visible, { demo: '' });
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
    this.pasteProblems = this.settings.load(parsed);
  }

  /** Sets one parameter, e.g. the token after "Connect with Twitch". */
  setValue(key: string, value: unknown): void {
    this.settings.setValue(key, value);
  }

  private set(key: string, text: string): void {
    this.typing = true;
    this.settings.type(key, text);
    this.typing = false;
  }

  private control(key: string, spec: ParamSpec, invalid: boolean) {
    const text = this.settings.texts[key] ?? '';
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
    this.committed = this.settings.texts;
    await this.updateComplete;
    await this.preview.updateComplete;
    const frame = this.preview.frame;
    if (!frame || (!this.preview.loaded && !(await nextLoad(frame, this.previewWaitMs)))) {
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

  private startOver(): void {
    this.pasteProblems = [];
    this.settings.reset();
  }

  private renderPreview() {
    const { width, height, advice, dock } = this.obs;
    const where = dock ? `In OBS: a Custom Browser Dock or a browser tab, about ${width} × ${height}.` : `In OBS: a Browser Source, ${width} × ${height}.`;
    return html`<label class="live"
        ><input part="live" type="checkbox" role="switch" .checked=${this.live} @change=${(e: Event) => (this.live = (e.target as HTMLInputElement).checked)} />
        Live preview: your real channel instead of the simulator</label
      >
      <ovl-scaled-preview part="preview" .width=${width} .height=${height} src=${this.previewUrl}
        label=${this.live ? `Live preview of the ${this.heading}` : `Preview of the ${this.heading} on the simulator`}></ovl-scaled-preview>
      <ovl-link-actions part="link" url=${this.url} dropUrl=${dock || !this.url ? '' : obsDropUrl(this.url, this.heading, this.obs)} label=${this.heading}
        .clipboard=${this.clipboard}></ovl-link-actions>
      <div class="doc">${where}${advice ? html` ${inlineCode(advice)}` : nothing}</div>`;
  }

  protected override render() {
    return html`<form @submit=${(e: Event) => e.preventDefault()} @change=${() => (this.committed = this.settings.texts)}>
        ${this.renderFields()}
        <label>
          <span class="name">Edit an existing URL</span>
          <input id="paste" type="text" placeholder="paste an overlay URL" @change=${this.onPaste} />
        </label>
        ${this.pasteProblems.map((p) => html`<div class="problem" part="problem" data-param=${p.param}>⚠ ${p.message}</div>`)}
        <button type="button" class="start-over" @click=${this.startOver}>Start over</button>
        <span class="doc">Clears this overlay's settings, here and as remembered in this browser.</span>
      </form>
      <div class="side">${this.renderPreview()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-url-builder': OvlUrlBuilder;
  }
}
