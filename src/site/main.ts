import { devEndpoints } from '../config/dev-endpoints.js';
import { OVERLAYS } from '../registry/overlays.js';
import './ovl-setup-page.js';

/**
 * The setup page: every overlay of the registry in a gallery, one Connect with Twitch, and a
 * builder per overlay at `?overlay=<name>`. Works with no Twitch account; previews use `?demo`.
 * A `dev-*` parameter (loopback test servers only) reaches Twitch's stand-ins, and is passed on
 * to the live previews.
 */
const here = new URL(location.href);
const page = document.createElement('ovl-setup-page');
page.overlays = OVERLAYS;
page.endpoints = devEndpoints(here).endpoints.twitch;
page.liveParams = Object.fromEntries([...here.searchParams].filter(([name]) => name.startsWith('dev-')));
document.getElementById('app')!.append(page);
