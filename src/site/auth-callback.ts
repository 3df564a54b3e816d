import { loginAnswer } from '../twitch/implicit-auth.js';
import { ANSWER_KEY, LOGIN_MESSAGE, RETURN_KEY } from './login-handoff.js';

/**
 * The redirect URL's page: Twitch lands here with its answer after the `#`. It wipes the answer
 * from the address bar at once, then hands it to the setup page: posted to the window that
 * opened this popup (this site's origin only; that page checks the `state` and then sends this
 * window to its next login or closes it), or, after a same-tab trip, through sessionStorage.
 */
const answer = loginAnswer(new URL(location.href))?.toString() ?? '';
history.replaceState(null, '', location.pathname);
const status = document.getElementById('status')!;

const back = sessionStorage.getItem(RETURN_KEY);
sessionStorage.removeItem(RETURN_KEY);
const opener = window.opener as Window | null;
// The setup page leaves a return address only for a same-tab trip, and clears it before opening a popup.
if (back && new URL(back).origin === location.origin) {
  sessionStorage.setItem(ANSWER_KEY, answer);
  location.replace(back);
} else if (opener && opener !== window) {
  opener.postMessage({ type: LOGIN_MESSAGE, answer }, location.origin);
  status.textContent = 'Handed to the setup page. This window closes when it is done.';
} else {
  status.textContent = 'This page finishes a login started on the setup page, which is no longer there. Close this window and connect again from the setup page.';
}
