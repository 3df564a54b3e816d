import { expect, inject } from 'vitest';
import { commands } from 'vitest/browser';
import { openPage, type OverlayPage } from './page.js';
import { fake } from './fake-servers.js';
import type { PageOptions } from '../node/pages.js';

/** Page-side expressions reaching into the setup page's elements. */
export const SETUP = `document.querySelector('ovl-setup-page')`;
export const CONNECT_ROOT = `${SETUP}.shadowRoot.querySelector('ovl-connect').shadowRoot`;
export const cardOf = (name: string) => `${SETUP}.shadowRoot.querySelector('ovl-overlay-card[data-overlay="${name}"]')`;
export const BUILDER = `${SETUP}.shadowRoot.querySelector('ovl-url-builder')`;

/** Playwright selectors (they reach into open shadow roots) for what a streamer clicks. */
export const CLICK = {
  clientId: 'ovl-connect #client-id',
  connect: 'ovl-connect [part="connect"]',
  connectWithCode: 'ovl-connect .connect-code',
  continueInTab: 'ovl-connect [part="continue"]',
  mine: (name: string) => `ovl-overlay-card[data-overlay="${name}"] [part="mine"]`,
  copy: (name: string) => `ovl-overlay-card[data-overlay="${name}"] [part="copy"]`,
  drag: (name: string) => `ovl-overlay-card[data-overlay="${name}"] [part="drag"]`,
  settings: (name: string) => `ovl-overlay-card[data-overlay="${name}"] [part="settings"]`,
  back: 'ovl-setup-page nav a',
  field: (id: string) => `ovl-url-builder #${id}`,
  live: 'ovl-url-builder [part="live"]',
  /** The fake id.twitch.tv's consent screen. */
  authorize: '#authorize',
  cancel: '#cancel',
} as const;

/**
 * The setup page of the production build in a tab of its own, driven as a streamer does: every
 * click is a real one, and counted. Its storage is cleared first: the tests of a worker share
 * the site's origin, and the page remembers choices and settings.
 */
export class SetupPage {
  /** Real clicks and drags made so far, in this tab and in its popups. */
  clicks = 0;

  private constructor(readonly page: OverlayPage) {}

  get id(): number {
    return this.page.id;
  }

  /** Opens `query` (e.g. `?overlay=chat`) on the setup page, routed to this worker's fakes. */
  static async open(query = '', options: PageOptions = {}, routing = `dev-origin=${fake.httpOrigin}`): Promise<SetupPage> {
    const params = [query.replace(/^\?/, ''), routing].filter(Boolean).join('&');
    const path = params ? `/?${params}` : '/';
    // The callback page is the site's lightest: storage is cleared there, before the setup page loads.
    const page = await openPage('/auth.html', { width: 1280, height: 720, ...options });
    await page.eval('localStorage.clear(); sessionStorage.clear()');
    await commands.pageGoto(page.id, `${inject('siteOrigin')}${path}`);
    const setup = new SetupPage(page);
    await expect.poll(() => page.eval<boolean>(`Boolean(${SETUP}?.shadowRoot?.querySelector('ovl-connect'))`), { timeout: 10_000 }).toBe(true);
    return setup;
  }

  eval<T>(expression: string): Promise<T> {
    return this.page.eval<T>(expression);
  }

  async click(selector: string, tab = this.id): Promise<void> {
    this.clicks += 1;
    await commands.pageClick(tab, selector);
  }

  /** Clicks `selector` and returns the popup that click opened. */
  async clickForPopup(selector: string): Promise<number> {
    this.clicks += 1;
    return commands.pageClickForPopup(this.id, selector);
  }

  async drag(source: string, target: string): Promise<void> {
    this.clicks += 1;
    await commands.pageDrag(this.id, source, target);
  }

  /** Typing is not a click. */
  fill(selector: string, text: string): Promise<void> {
    return commands.pageFill(this.id, selector, text);
  }

  status(): Promise<string> {
    return this.eval<string>(`${CONNECT_ROOT}.querySelector('[part="status"]').textContent.trim()`);
  }

  expiry(): Promise<string | null> {
    return this.eval<string | null>(`${CONNECT_ROOT}.querySelector('[part="expiry"]')?.textContent.trim() ?? null`);
  }

  /** Overlay `name`'s link as the setup page would copy it; '' while it needs something. */
  link(name: string): Promise<string> {
    return this.eval<string>(`${SETUP}.linkOf(${JSON.stringify(name)})`);
  }

  /** Each field's text in overlay `name`'s settings. */
  texts(name: string): Promise<Record<string, string>> {
    return this.eval<Record<string, string>>(`${SETUP}.draftOf(${JSON.stringify(name)}).texts`);
  }

  /** Everything this tab keeps in its storage, as text: no token may ever be in it. */
  storage(): Promise<string> {
    return this.eval<string>(`JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })`);
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/** The scopes the fake id.twitch.tv validates `token` with, and its lifetime. */
export async function validated(token: string): Promise<{ scopes: string[]; login: string; expires_in: number }> {
  const response = await fetch(`${fake.httpOrigin}/id/oauth2/validate`, { headers: { Authorization: `Bearer ${token}` } });
  return response.json();
}

/** The token after the `#` of `url`, or null. */
export function tokenOf(url: string): string | null {
  return new URLSearchParams(url.split('#')[1] ?? '').get('token');
}

/** The scope lists the fake's authorize endpoint was asked for by `clientId`, oldest first, and whether any forced the consent screen. */
export async function authorizeRequests(clientId: string): Promise<{ scopes: string[][]; forced: boolean; consents: number }> {
  const asked = (await commands.httpRequests('/id/oauth2/authorize')).map((request) => new URL(request.url, 'http://x').searchParams).filter((params) => params.get('client_id') === clientId);
  const consents = (await commands.httpRequests('/id/oauth2/consent')).filter((request) => new URL(request.url, 'http://x').searchParams.get('client_id') === clientId);
  return {
    scopes: asked.map((params) => (params.get('scope') ?? '').split(' ').filter(Boolean)),
    forced: asked.some((params) => params.has('force_verify')),
    consents: consents.filter((request) => request.url.includes('decision=allow')).length,
  };
}

/** Waits until the popup shows the fake's consent screen. */
export async function consentShown(popup: number): Promise<void> {
  await expect.poll(() => commands.pageEval(popup, `Boolean(document.getElementById('authorize'))`).catch(() => false), { timeout: 10_000 }).toBe(true);
}
