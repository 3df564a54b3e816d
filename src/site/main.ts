import { devEndpoints } from '../config/dev-endpoints.js';
import { completeLogin } from '../twitch/implicit-auth.js';
import { validateToken } from '../twitch/validate-token.js';
import type { TwitchEndpoints } from '../twitch/endpoints.js';
import { OVERLAYS } from '../registry/overlays.js';
import { tokenChoices, tokenFits, type OverlayEntry } from '../registry/overlay-entry.js';
import './ovl-url-builder.js';
import './ovl-connect.js';
import './ovl-base-url.js';

/**
 * The demo page: each overlay of the registry running on the simulator, with its URL builder.
 * Works with no Twitch account; the preview uses `?demo`.
 */
document.title = 'OBS overlay kit';
document.body.style.cssText = 'margin:0;padding:24px 32px;background:#0e0e10;color:#efeff1;font:15px/1.5 system-ui,sans-serif';
const heading = document.createElement('h1');
heading.style.margin = '0 0 4px';
heading.textContent = 'OBS overlay kit';
const intro = document.createElement('p');
intro.style.cssText = 'margin:0 0 8px;color:#adadb8';
intro.textContent =
  'Browser-only Twitch overlays. Set an overlay up below, check it in the preview (simulated chat, no account needed), then copy its URL into an OBS Browser Source.';
const offStream = document.createElement('p');
offStream.id = 'off-stream';
offStream.style.cssText = 'margin:0 0 24px;color:#ffb3a7';
offStream.textContent = 'Do not show this page on stream: once connected, its links carry your Twitch tokens (hidden as dots unless you reveal them).';
document.body.append(heading, intro, offStream);

const { endpoints } = devEndpoints(new URL(location.href));
const connect = document.createElement('ovl-connect');
connect.choices = tokenChoices(OVERLAYS);
connect.endpoints = endpoints.twitch;
document.body.append(connect);

const base = document.createElement('ovl-base-url');
document.body.append(base);

const builders = new Map<string, HTMLElementTagNameMap['ovl-url-builder']>();
for (const overlay of OVERLAYS) {
  const section = document.createElement('section');
  const title = document.createElement('h2');
  title.textContent = overlay.title;
  const about = document.createElement('p');
  about.textContent = overlay.about;
  const builder = document.createElement('ovl-url-builder');
  builder.path = `overlays/${overlay.name}/`;
  builder.schema = overlay.schema;
  builder.docs = overlay.paramDocs;
  builder.hint = overlay.obs;
  builder.notes = overlay.fieldNotes ?? {};
  builder.groups = overlay.fieldGroups ?? [];
  section.append(title, about, builder);
  document.body.append(section);
  builders.set(overlay.name, builder);
}
base.addEventListener('ovl-base-change', (event) => {
  for (const builder of builders.values()) builder.base = event.detail;
});

function connectedMessage(login: string, entries: readonly OverlayEntry[], scopes: readonly string[]): string {
  const links = entries.length > 1 ? `The ${entries.map((e) => e.title).join(' and ')} links now carry` : `The ${entries[0]!.title} link now carries`;
  return `Connected as ${login}. ${links} this token (${scopes.length ? scopes.join(', ') : 'no scopes'}) after the #.`;
}

/**
 * Validates a token from either flow and puts it after the # of the links it fits: those of
 * the overlays that use exactly its scopes. A token that can do more (post in chat, say) goes
 * into no link.
 */
function useToken(token: string, tokenEndpoints: TwitchEndpoints): void {
  validateToken(token, { endpoints: tokenEndpoints })
    .then((validation) => {
      const fitting = OVERLAYS.filter((entry) => tokenFits(entry, validation.scopes));
      if (fitting.length === 0) {
        connect.failed = true;
        connect.message = `This token has the scopes ${validation.scopes.join(', ') || '(none)'}, which match no overlay here, so it was put into no link. Use the Connect button of the overlay you want.`;
        return;
      }
      for (const entry of fitting) builders.get(entry.name)?.setValue('token', token);
      connect.failed = false;
      connect.message = connectedMessage(validation.login, fitting, validation.scopes);
    })
    .catch((error: Error) => {
      connect.message = error.message;
      connect.failed = true;
    });
}

connect.addEventListener('ovl-token', (event) => {
  const { token, endpoints: tokenEndpoints } = event.detail;
  useToken(token, tokenEndpoints ?? endpoints.twitch);
});

// Back from Twitch: take the token from the fragment, then wipe it from the address bar.
const login = completeLogin(new URL(location.href));
if (login) {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  if (login.ok) useToken(login.token, login.endpoints);
  else {
    connect.message = login.error;
    connect.failed = true;
  }
}
