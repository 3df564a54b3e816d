import { chatSchema } from '../config/chat-config.js';
import { streamInfoSchema } from '../config/stream-info-config.js';
import { alertsSchema } from '../config/alerts-config.js';
import { heatmapSchema } from '../config/heatmap-config.js';
import { studioSchema } from '../config/studio-config.js';
import { devEndpoints } from '../config/dev-endpoints.js';
import { OVERLAY_SCOPES, completeLogin } from '../twitch/implicit-auth.js';
import { validateToken } from '../twitch/validate-token.js';
import type { TwitchEndpoints } from '../twitch/endpoints.js';
import './ovl-url-builder.js';
import './ovl-connect.js';

/**
 * The demo page: each overlay running on the simulator, with its URL builder. Works with no
 * Twitch account; the preview uses `?demo`.
 */
const overlays = [
  {
    name: 'chat',
    title: 'Chat',
    path: 'overlays/chat/',
    schema: chatSchema,
    about: 'Live Twitch chat with emotes (Twitch, 7TV, BTTV, FFZ), badges, notices and moderation.',
    hint: 'OBS: Browser Source, width 450, height 800. Keep "Shutdown source when not visible" off. Tokens stay after the #.',
  },
  {
    name: 'stream-info',
    title: 'Stream info',
    path: 'overlays/stream-info/',
    schema: streamInfoSchema,
    about: 'Viewer count, uptime, game and title of a channel, from Twitch, updated only when they change.',
    hint: 'OBS: Browser Source, width 1200, height 80. Needs a token (any scopes); it stays after the #.',
  },
  {
    name: 'alerts',
    title: 'Channel-point alerts',
    path: 'overlays/alerts/',
    schema: alertsSchema,
    about: 'An alert for every channel-point redemption, one at a time: who, which reward, its image and colour, what they typed.',
    hint: 'OBS: Browser Source, width 1000, height 300. Needs the broadcaster’s token with channel:read:redemptions.',
  },
  {
    name: 'heatmap',
    title: 'Click heatmap',
    path: 'overlays/heatmap/',
    schema: heatmapSchema,
    about: 'Where viewers click on the stream (Heat extension), as a heatmap that fades over time.',
    hint: 'OBS: Browser Source at the size of your canvas (1920×1080), over the video. Use the offset/scale settings if it does not cover exactly the video.',
  },
  {
    name: 'studio',
    title: 'Studio: generated video out',
    path: 'overlays/studio/',
    schema: studioSchema,
    about: 'A drawn scene and a tone, changed by chat (red, green, blue, a number in Hz), streamed to Twitch or any WHIP server and recorded locally, from this browser alone.',
    hint: 'Open it in a browser tab (it streams by itself; keep the tab open), or as an OBS Custom Browser Dock. The endpoint and stream key stay after the #, or type them on the page.',
  },
];

document.title = 'OBS overlay kit';
document.body.style.cssText = 'margin:0;padding:24px 32px;background:#0e0e10;color:#efeff1;font:15px/1.5 system-ui,sans-serif';
const heading = document.createElement('h1');
heading.style.margin = '0 0 4px';
heading.textContent = 'OBS overlay kit';
const intro = document.createElement('p');
intro.style.cssText = 'margin:0 0 24px;color:#adadb8';
intro.textContent =
  'Browser-only Twitch overlays. Set an overlay up below, check it in the preview (simulated chat, no account needed), then copy its URL into an OBS Browser Source.';
document.body.append(heading, intro);

const { endpoints } = devEndpoints(new URL(location.href));
const connect = document.createElement('ovl-connect');
connect.scopes = [...new Set(overlays.flatMap((o) => OVERLAY_SCOPES[o.name] ?? []))];
connect.endpoints = endpoints.twitch;
document.body.append(connect);

const builders: HTMLElementTagNameMap['ovl-url-builder'][] = [];
for (const overlay of overlays) {
  const section = document.createElement('section');
  const title = document.createElement('h2');
  title.textContent = overlay.title;
  const about = document.createElement('p');
  about.textContent = overlay.about;
  const builder = document.createElement('ovl-url-builder');
  builder.path = overlay.path;
  builder.schema = overlay.schema;
  builder.hint = overlay.hint;
  section.append(title, about, builder);
  document.body.append(section);
  builders.push(builder);
}

/** Validates a token from either flow and puts it after the # of every link. */
function useToken(token: string, tokenEndpoints: TwitchEndpoints): void {
  validateToken(token, { endpoints: tokenEndpoints })
    .then((validation) => {
      for (const builder of builders) builder.setValue('token', token);
      connect.failed = false;
      connect.message = `Connected as ${validation.login}. The links below now carry the token after the #.`;
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
