import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { beginLogin } from '../twitch/implicit-auth.js';
import { controlStyles } from './site-styles.js';
import { finishDeviceLogin, startDeviceLogin } from '../twitch/device-auth.js';
import type { TwitchEndpoints } from '../twitch/endpoints.js';
import { fire } from '../core/element-events.js';
import type { ScopeNeed, TokenChoice } from '../registry/overlay-entry.js';

const CLIENT_ID_KEY = 'ovl.clientId';

/**
 * "Connect with Twitch": the implicit grant, from this static page straight to Twitch and
 * back. The client id is the streamer's own app (registered at dev.twitch.tv with this page's
 * address as its redirect URL); it is not a secret and is remembered in this browser.
 *
 * "Connect with a code" tries Twitch's device-code flow instead (no redirect URL to register);
 * where the browser may not call those endpoints it says so and the redirect remains.
 *
 * Each overlay's link gets a token with only the scopes that overlay uses: one row per distinct
 * scope set, each asking Twitch for its own token.
 *
 * @fires ovl-connect-start - before leaving for Twitch (cancelable)
 * @fires ovl-token - `{ token, endpoints }` when the device flow has produced a token
 */
@customElement('ovl-connect')
export class OvlConnect extends LitElement {
  static override styles = [
    controlStyles,
    css`
    :host {
      display: block;
      background: #18181b;
      border: 1px solid #3a3a3d;
      border-radius: 8px;
      padding: 12px 16px;
      margin-bottom: 24px;
      font: 14px/1.45 system-ui, sans-serif;
    }
    input {
      width: 24em;
    }
    .choice {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 8px;
      margin-top: 8px;
    }
    .choice .for {
      min-width: 16em;
    }
    code {
      font-size: 12px;
    }
    .status {
      margin-top: 8px;
    }
    .error {
      color: #ffb3a7;
    }
  `,
  ];

  /** The tokens to offer: one per distinct scope set among the page's overlays. */
  @property({ attribute: false }) choices: readonly TokenChoice[] = [];
  @property({ attribute: false }) endpoints?: TwitchEndpoints;
  /** "Connected as …" or an error, set by the page after the redirect back. */
  @property() message = '';
  @property({ type: Boolean }) failed = false;

  @state() private clientId = localStorage.getItem(CLIENT_ID_KEY) ?? '';

  private get redirectUri(): string {
    return `${location.origin}${location.pathname}`;
  }

  /** The entered client id, remembered; null (with a message) when there is none. */
  private takeClientId(): string | null {
    const clientId = this.clientId.trim();
    if (!clientId) {
      this.message = 'Enter the client id of your Twitch app first.';
      this.failed = true;
      return null;
    }
    localStorage.setItem(CLIENT_ID_KEY, clientId);
    return clientId;
  }

  private async connectWithCode(choice: TokenChoice): Promise<void> {
    const clientId = this.takeClientId();
    if (!clientId) return;
    const options = { clientId, scopes: choice.scopes.map((need) => need.scope), endpoints: this.endpoints };
    try {
      const code = await startDeviceLogin(options);
      this.failed = false;
      this.message = `Go to ${code.verificationUri.split('?')[0]} and enter the code ${code.userCode}. This page waits for you.`;
      const result = await finishDeviceLogin({ ...options, code });
      fire(this, 'ovl-token', { token: result.token, endpoints: this.endpoints });
    } catch (error) {
      this.message = error instanceof Error ? error.message : String(error);
      this.failed = true;
    }
  }

  private connect(choice: TokenChoice): void {
    const clientId = this.takeClientId();
    if (!clientId) return;
    const url = beginLogin({ clientId, scopes: choice.scopes.map((need) => need.scope), redirectUri: this.redirectUri, endpoints: this.endpoints });
    if (fire(this, 'ovl-connect-start', url, { cancelable: true })) location.assign(url);
  }

  private renderChoice(choice: TokenChoice) {
    const scopes = choice.scopes.length
      ? choice.scopes.map((need: ScopeNeed) => html`<code>${need.scope}</code> (${need.required ? 'required' : 'optional'}: ${need.why}) `)
      : 'no scopes: any token will do';
    return html`<div class="choice" data-for=${choice.entries.map((entry) => entry.name).join(' ')}>
      <span class="for"><strong>${choice.entries.map((entry) => entry.title).join(', ')}</strong>: ${scopes}</span>
      <button class="connect" type="button" @click=${() => this.connect(choice)}>Connect with Twitch</button>
      <button class="connect-code" type="button" @click=${() => this.connectWithCode(choice)}>Connect with a code</button>
    </div>`;
  }

  protected override render() {
    return html`<strong>Connect with Twitch</strong> to put a token into the links below (it goes after the #, never into the
      query). Each link gets its own token, with only the scopes its overlay uses.
      <div>
        <label
          >Client id of your Twitch app
          <input id="client-id" .value=${this.clientId} @input=${(e: Event) => (this.clientId = (e.target as HTMLInputElement).value)} autocomplete="off"
        /></label>
      </div>
      ${this.choices.map((choice) => this.renderChoice(choice))}
      <div class="doc">Register the app at dev.twitch.tv with the redirect URL <code>${this.redirectUri}</code>.</div>
      ${this.message ? html`<div class="status ${this.failed ? 'error' : ''}" role="status">${this.message}</div>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-connect': OvlConnect;
  }
  interface HTMLElementEventMap {
    /** detail: the authorize URL about to be opened; cancel to stay. */
    'ovl-connect-start': CustomEvent<string>;
    'ovl-token': CustomEvent<{ readonly token: string; readonly endpoints?: TwitchEndpoints }>;
  }
}
