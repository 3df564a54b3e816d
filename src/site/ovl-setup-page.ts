import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { GuidedOverlay } from '../registry/overlay-guide.js';
import { TWITCH_ENDPOINTS, type TwitchEndpoints } from '../twitch/endpoints.js';
import { OverlayDraft } from './overlay-draft.js';
import { overlayLink } from './overlay-link.js';
import { keepForReturn, takeOnReturn } from './tab-handoff.js';
import type { Connection } from './connect-flow.js';
import type { OvlConnect } from './ovl-connect.js';
import { controlStyles } from './site-styles.js';
import './ovl-connect.js';
import './ovl-overlay-card.js';
import './ovl-url-builder.js';
import './ovl-base-url.js';

/** localStorage: the overlays the streamer marked as theirs. */
const PICKS_KEY = 'ovl.picks';
/** Picked on a first visit: what most streams show. */
const DEFAULT_PICKS = ['chat', 'alerts', 'events'];

/** The view `?overlay=<name>` asks for: that overlay's builder; null for the gallery. */
function viewOf(url: URL): string | null {
  return url.searchParams.get('overlay');
}

/**
 * The setup page. Its first view is a gallery of every overlay in the registry, each with its
 * live `?demo` preview and a "Mine" switch (chat, alerts and the event list are picked at
 * first); one **Connect with Twitch** then fills every picked overlay's link (its own token,
 * the connected channel where the streamer typed none), ready to copy or drag into OBS. Each
 * overlay's builder is a view of its own at `?overlay=<name>`, a real address the back button
 * and a bookmark return to. Choices and settings that are not secret are remembered in this
 * browser.
 */
@customElement('ovl-setup-page')
export class OvlSetupPage extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      .gallery {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 300px), 1fr));
        gap: 16px;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      h2 {
        margin: 24px 0 4px;
        font-size: 20px;
      }
      h2:focus {
        outline: none;
      }
      .lead {
        margin: 0 0 12px;
        color: #c8c8d0;
      }
      nav {
        margin-top: 16px;
      }
      .mine {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        margin-bottom: 16px;
        font-weight: 600;
      }
      ovl-base-url {
        margin-top: 32px;
      }
      .unknown {
        color: #ffe08a;
      }
    `,
  ];

  @property({ attribute: false }) overlays: readonly GuidedOverlay[] = [];
  @property({ attribute: false }) endpoints: TwitchEndpoints = TWITCH_ENDPOINTS;
  /** Extra query parameters of the live previews (the test servers' `dev-*` routing). */
  @property({ attribute: false }) liveParams: Readonly<Record<string, string>> = {};

  @state() private view = viewOf(new URL(location.href));
  @state() private picks: ReadonlySet<string> = new Set(DEFAULT_PICKS);
  @state() private base = '';

  @query('ovl-connect') private connect!: OvlConnect;

  private readonly drafts = new Map<string, OverlayDraft>();
  private readonly onPopState = () => (this.view = viewOf(new URL(location.href)));

  /** The settings of overlay `name`, as the streamer is making them. */
  draftOf(name: string): OverlayDraft {
    let draft = this.drafts.get(name);
    if (!draft) {
      const overlay = this.overlays.find((candidate) => candidate.name === name);
      if (!overlay) throw new Error(`no overlay "${name}"`);
      draft = new OverlayDraft(overlay.schema, `ovl.settings.${name}`);
      this.drafts.set(name, draft);
    }
    return draft;
  }

  /** Overlay `name`'s link for OBS as things stand; '' while it needs something. */
  linkOf(name: string): string {
    const overlay = this.overlays.find((candidate) => candidate.name === name);
    return overlay ? overlayLink(overlay.schema, this.draftOf(name).texts, `overlays/${name}/`, this.base) : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('overlays')) return;
    const stored = this.storedPicks();
    const handoff = takeOnReturn();
    if (handoff) for (const [name, record] of Object.entries(handoff.drafts)) if (this.overlays.some((o) => o.name === name)) this.draftOf(name).restore(record);
    this.picks = new Set(handoff?.picks ?? stored ?? DEFAULT_PICKS);
  }

  protected override firstUpdated(): void {
    void this.connect.resume();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('view')) document.title = `${this.current()?.title ?? 'Set up your overlays'} · OBS overlay kit`;
  }

  private storedPicks(): string[] | null {
    try {
      const picks: unknown = JSON.parse(localStorage.getItem(PICKS_KEY) ?? 'null');
      return Array.isArray(picks) ? picks.filter((name): name is string => typeof name === 'string') : null;
    } catch {
      return null;
    }
  }

  private current(): GuidedOverlay | undefined {
    return this.overlays.find((overlay) => overlay.name === this.view);
  }

  private pick(name: string, picked: boolean): void {
    const picks = new Set(this.picks);
    if (picked) picks.add(name);
    else picks.delete(name);
    this.picks = picks;
    localStorage.setItem(PICKS_KEY, JSON.stringify([...picks]));
  }

  /** The address of a view: this page with `?overlay=<name>`, or without it for the gallery; other parameters kept. */
  private viewHref(name: string | null): string {
    const url = new URL(location.href);
    url.hash = '';
    if (name) url.searchParams.set('overlay', name);
    else url.searchParams.delete('overlay');
    return `${url.pathname}${url.search}`;
  }

  private async open(name: string | null): Promise<void> {
    history.pushState(null, '', this.viewHref(name));
    this.view = name;
    await this.updateComplete;
    window.scrollTo(0, 0);
    this.renderRoot.querySelector<HTMLElement>('#view-title')?.focus();
  }

  private onBack(event: MouseEvent): void {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void this.open(null);
  }

  private onConnected(connection: Connection): void {
    for (const overlay of this.overlays) {
      const draft = this.draftOf(overlay.name);
      draft.suggest('channel', connection.login);
      const minted = connection.tokens[overlay.name];
      if (minted) draft.setValue('token', minted.token);
    }
  }

  private onLeave(): void {
    keepForReturn({ picks: [...this.picks], drafts: Object.fromEntries(this.overlays.map((overlay) => [overlay.name, this.draftOf(overlay.name).record()])) });
  }

  private renderGallery() {
    return html`<h2 id="view-title" tabindex="-1">Your overlays</h2>
      <p class="lead">Switch on "Mine" for each overlay you want, connect once above, then drag each one into OBS.</p>
      ${this.view !== null ? html`<p class="unknown" role="alert">There is no overlay called "${this.view}"; here are all of them.</p>` : nothing}
      <ul class="gallery">
        ${this.overlays.map(
          (overlay) =>
            html`<li>
              <ovl-overlay-card
                data-overlay=${overlay.name}
                .overlay=${overlay}
                .draft=${this.draftOf(overlay.name)}
                base=${this.base}
                ?picked=${this.picks.has(overlay.name)}
                settingsHref=${this.viewHref(overlay.name)}
                @ovl-pick=${(e: CustomEvent<boolean>) => this.pick(overlay.name, e.detail)}
                @ovl-open=${() => this.open(overlay.name)}
              ></ovl-overlay-card>
            </li>`,
        )}
      </ul>`;
  }

  private renderBuilder(overlay: GuidedOverlay) {
    return html`<nav><a href=${this.viewHref(null)} @click=${this.onBack}>← All overlays</a></nav>
      <h2 id="view-title" tabindex="-1">${overlay.title}</h2>
      <p class="lead">${overlay.about}</p>
      <label class="mine"
        ><input id="mine" type="checkbox" role="switch" .checked=${this.picks.has(overlay.name)} @change=${(e: Event) => this.pick(overlay.name, (e.target as HTMLInputElement).checked)} />
        Mine: connect gives it a token</label
      >
      <ovl-url-builder
        .draft=${this.draftOf(overlay.name)}
        .schema=${overlay.schema}
        path=${`overlays/${overlay.name}/`}
        heading=${overlay.title}
        .docs=${overlay.paramDocs}
        .obs=${overlay.obs}
        .notes=${overlay.fieldNotes ?? {}}
        .groups=${overlay.fieldGroups ?? []}
        base=${this.base}
        .liveParams=${this.liveParams}
      ></ovl-url-builder>`;
  }

  protected override render() {
    const overlay = this.current();
    return html`<ovl-connect
        .picked=${this.overlays.filter((candidate) => this.picks.has(candidate.name))}
        .endpoints=${this.endpoints}
        @ovl-connected=${(e: CustomEvent<Connection>) => this.onConnected(e.detail)}
        @ovl-connect-leave=${this.onLeave}
      ></ovl-connect>
      <div class="view">${overlay ? this.renderBuilder(overlay) : this.renderGallery()}</div>
      <ovl-base-url @ovl-base-change=${(e: CustomEvent<string>) => (this.base = e.detail)}></ovl-base-url>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-setup-page': OvlSetupPage;
  }
}
