import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { forgetLogins } from '../twitch/implicit-auth.js';
import { finishDeviceLogin, startDeviceLogin } from '../twitch/device-auth.js';
import { TWITCH_ENDPOINTS, type TwitchEndpoints } from '../twitch/endpoints.js';
import { fire } from '../core/element-events.js';
import type { OverlayEntry } from '../registry/overlay-entry.js';
import { controlStyles, panelStyles } from './site-styles.js';
import { ConnectFlow, devicePlan, implicitPlan, type Connection, type FlowRecord, type FlowStep, type TokenRequest } from './connect-flow.js';
import { LoginPopup } from './login-popup.js';
import { ANSWER_KEY, RETURN_KEY } from './login-handoff.js';
import { validFor } from './valid-for.js';

const CLIENT_ID_KEY = 'ovl.clientId';
/** sessionStorage: the flow of a same-tab trip to Twitch, tokens so far included (this tab only). */
const FLOW_KEY = 'ovl.auth.flow';

const IGNORED_ANSWER = 'The answer from Twitch did not match a login started on this page, so it was ignored. Click "Connect with Twitch" again.';

/**
 * One **Connect with Twitch** for every overlay picked: a popup asks Twitch once for the union of
 * their scopes (one consent screen), then, in the same popup and without `force_verify`, for each
 * overlay's own scopes, so each link gets its own token with only what its overlay uses. The page
 * never reloads. If the browser blocks the popup it says so and offers to go to Twitch in this tab
 * instead, keeping the streamer's choices and settings (`ovl-connect-leave`). "Connect with a
 * code" tries Twitch's device-code flow, where the browser may call it.
 *
 * The client id is the streamer's own app (registered at dev.twitch.tv with the callback page
 * as its redirect URL); it is not a secret and is remembered in this browser.
 *
 * @fires ovl-connected - `Connection`: the login, and a token per picked overlay
 * @fires ovl-connect-leave - before this tab goes to Twitch: save what must survive the trip
 * @csspart connect - The Connect with Twitch button.
 * @csspart expiry - How long the tokens are valid, next to it.
 * @csspart status - What the connection is doing or came to.
 * @csspart continue - "Continue in this tab", when the popup could not do it.
 */
@customElement('ovl-connect')
export class OvlConnect extends LitElement {
  static override styles = [
    controlStyles,
    panelStyles,
    css`
      :host {
        padding: 12px 16px;
      }
      h2 {
        font-size: 16px;
        margin: 0 0 4px;
      }
      p {
        margin: 0 0 8px;
      }
      label {
        display: block;
      }
      #client-id {
        width: min(24em, 100%);
        box-sizing: border-box;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px 12px;
        margin-top: 8px;
      }
      .secondary {
        background: none;
        border: 1px solid #6b6b75;
        color: inherit;
      }
      [part='expiry'] {
        color: #c9f2c9;
      }
      [part='status']:empty {
        display: none;
      }
      [part='status'] {
        margin-top: 8px;
      }
      .error {
        color: #ffb3a7;
      }
      code {
        font-size: 12px;
        overflow-wrap: anywhere;
      }
      details {
        margin-top: 8px;
      }
      summary {
        cursor: pointer;
      }
      ul {
        margin: 4px 0;
        padding-left: 20px;
      }
    `,
  ];

  /** The overlays picked: what to connect for. */
  @property({ attribute: false }) picked: readonly OverlayEntry[] = [];
  @property({ attribute: false }) endpoints: TwitchEndpoints = TWITCH_ENDPOINTS;

  @state() private clientId = localStorage.getItem(CLIENT_ID_KEY) ?? '';
  @state() private message = '';
  @state() private failed = false;
  /** The popup could not finish (blocked, or closed early): offer the same-tab trip. */
  @state() private stranded = false;
  /** When the soonest token of the last Connect expires (epoch ms); 0 before one. */
  @state() private expiresAt = 0;

  private flow: ConnectFlow | null = null;
  private popup: LoginPopup | null = null;

  /** The callback page, beside this one: the redirect URL to register with Twitch. */
  get callbackUrl(): string {
    return new URL('auth.html', location.href).href;
  }

  private say(message: string, failed = false): void {
    this.message = message;
    this.failed = failed;
  }

  /** The entered client id, remembered; null (with a message) when there is none. */
  private takeClientId(): string | null {
    const clientId = this.clientId.trim();
    if (!clientId) {
      this.say('Enter the client id of your Twitch app first.', true);
      return null;
    }
    localStorage.setItem(CLIENT_ID_KEY, clientId);
    return clientId;
  }

  private newFlow(clientId: string, requests: readonly TokenRequest[] = implicitPlan(this.picked), record: Partial<FlowRecord> = {}): ConnectFlow {
    return new ConnectFlow({ clientId, requests, ...record }, { entries: this.picked, endpoints: this.endpoints, redirectUri: this.callbackUrl });
  }

  /** Connect with Twitch: the whole flow in a popup, opened in this click. */
  connect(): void {
    const clientId = this.takeClientId();
    if (!clientId) return;
    this.popup?.close();
    forgetLogins();
    sessionStorage.removeItem(RETURN_KEY);
    this.stranded = false;
    const flow = (this.flow = this.newFlow(clientId));
    const popup = LoginPopup.open(flow.loginUrl(), {
      onAnswer: (answer) => void flow.answer(answer).then((step) => this.onPopupStep(flow, step)),
      onClosed: () => this.onPopupClosed(flow),
    });
    if (!popup) {
      this.stranded = true;
      this.say('Your browser blocked the Twitch window. Allow pop-ups for this page and click "Connect with Twitch" again, or continue in this tab: it goes to Twitch and comes back, keeping your choices and settings.', true);
      return;
    }
    this.popup = popup;
    this.say(this.waiting(flow, 'in the Twitch window'));
  }

  private waiting(flow: ConnectFlow, where: string): string {
    const { at, of } = flow.progress;
    return of > 1 ? `Waiting for Twitch ${where} (login ${at} of ${of}: the first asks for everything your overlays use, the others give each link its own token).` : `Waiting for Twitch ${where}.`;
  }

  private onPopupStep(flow: ConnectFlow, step: FlowStep): void {
    if (flow !== this.flow || step.kind === 'ignored') return;
    if (step.kind === 'next') {
      this.popup?.navigate(flow.loginUrl());
      this.say(this.waiting(flow, 'in the Twitch window'));
      return;
    }
    this.popup?.close();
    this.popup = null;
    this.flow = null;
    this.finish(step);
  }

  private onPopupClosed(flow: ConnectFlow): void {
    if (flow !== this.flow) return;
    this.popup = null;
    this.stranded = true;
    this.say('The Twitch window was closed before it finished. Click "Connect with Twitch" to try again, or continue in this tab.', true);
  }

  private finish(step: FlowStep): void {
    if (step.kind === 'failed') {
      this.say(step.error, true);
      return;
    }
    if (step.kind !== 'done') return;
    const { connection } = step;
    this.expiresAt = connection.expiresAt;
    const count = Object.keys(connection.tokens).length;
    this.say(`Connected as ${connection.login}. ${count > 0 ? `${count === 1 ? 'The picked overlay’s link has its token' : `Each of the ${count} picked overlays’ links has its own token`}, with only the scopes it uses, after the #.` : 'No picked overlay takes a token; the channel is filled in.'}`);
    fire(this, 'ovl-connected', connection);
  }

  /** Goes to Twitch in this tab, for the flow under way or a new one; the page comes back through the callback page. */
  continueInTab(): void {
    const clientId = this.takeClientId();
    if (!clientId) return;
    this.popup?.close();
    this.popup = null;
    const flow = this.flow ?? this.newFlow(clientId);
    forgetLogins();
    this.leave(flow);
  }

  private leave(flow: ConnectFlow): void {
    const url = flow.loginUrl();
    fire(this, 'ovl-connect-leave', undefined);
    sessionStorage.setItem(FLOW_KEY, JSON.stringify(flow.toRecord()));
    sessionStorage.setItem(RETURN_KEY, location.href);
    this.say(this.waiting(flow, 'in this tab'));
    location.assign(url);
  }

  /**
   * Back from a same-tab trip to Twitch: takes the answer the callback page left, then goes on to
   * the next login (no click needed) or finishes. Call it once the page has restored its settings.
   */
  async resume(): Promise<void> {
    const answer = sessionStorage.getItem(ANSWER_KEY);
    const stored = sessionStorage.getItem(FLOW_KEY);
    sessionStorage.removeItem(ANSWER_KEY);
    sessionStorage.removeItem(FLOW_KEY);
    if (answer === null) return;
    let record: FlowRecord | null = null;
    try {
      record = stored ? (JSON.parse(stored) as FlowRecord) : null;
    } catch {
      record = null;
    }
    if (!record) {
      this.say(IGNORED_ANSWER, true);
      return;
    }
    const flow = this.newFlow(record.clientId, record.requests, record);
    const step = await flow.answer(new URLSearchParams(answer));
    if (step.kind === 'ignored') this.say(IGNORED_ANSWER, true);
    else if (step.kind === 'next') this.leave(flow);
    else this.finish(step);
  }

  /** Connect with a code: the device-code flow, one code per distinct set of scopes. */
  private async connectWithCode(): Promise<void> {
    const clientId = this.takeClientId();
    if (!clientId) return;
    const flow = new ConnectFlow({ clientId, requests: devicePlan(this.picked) }, { entries: this.picked, endpoints: this.endpoints });
    try {
      for (let request = flow.current; request; request = flow.current) {
        const options = { clientId, scopes: request.scopes, endpoints: this.endpoints };
        const code = await startDeviceLogin(options);
        const { at, of } = flow.progress;
        this.say(`${of > 1 ? `Code ${at} of ${of}: ` : ''}Go to ${code.verificationUri.split('?')[0]} and enter the code ${code.userCode}. This page waits for you.`);
        const result = await finishDeviceLogin({ ...options, code });
        const step = await flow.accept(result.token);
        if (step.kind !== 'next') {
          this.finish(step);
          return;
        }
      }
    } catch (error) {
      this.say(error instanceof Error ? error.message : String(error), true);
    }
  }

  private renderAsked() {
    const asking = this.picked.filter((entry) => entry.scopes.length > 0);
    if (asking.length === 0) return nothing;
    return html`<details>
      <summary>What Twitch is asked for</summary>
      <ul>
        ${asking.map((entry) => html`<li><strong>${entry.title}</strong>: ${entry.scopes.map((need, i) => html`${i > 0 ? ', ' : ''}<code>${need.scope}</code> (${need.why})`)}</li>`)}
      </ul>
    </details>`;
  }

  protected override render() {
    return html`<h2>Connect with Twitch</h2>
      <p>One click gives every overlay you picked its own token, with only the scopes that overlay uses. Tokens go after the # of its link, never into the query.</p>
      <label
        >Client id of your Twitch app
        <input id="client-id" type="text" .value=${this.clientId} @input=${(e: Event) => (this.clientId = (e.target as HTMLInputElement).value)} autocomplete="off" spellcheck="false"
      /></label>
      <div class="actions">
        <button part="connect" class="connect" type="button" @click=${this.connect}>Connect with Twitch</button>
        ${this.expiresAt > 0 ? html`<span part="expiry">Tokens valid for ${validFor(this.expiresAt - Date.now())}; connect again to renew every link.</span>` : nothing}
        <button class="connect-code secondary" type="button" @click=${this.connectWithCode}>Connect with a code</button>
      </div>
      <div part="status" class=${this.failed ? 'error' : ''} role="status">${this.message}</div>
      ${this.stranded ? html`<button part="continue" type="button" @click=${this.continueInTab}>Continue in this tab</button>` : nothing}
      ${this.renderAsked()}
      <div class="doc">Register your app at dev.twitch.tv (category "Website Integration", client type "Public") with the redirect URL <code>${this.callbackUrl}</code>.</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ovl-connect': OvlConnect;
  }
  interface HTMLElementEventMap {
    'ovl-connected': CustomEvent<Connection>;
    'ovl-connect-leave': CustomEvent<undefined>;
  }
}
