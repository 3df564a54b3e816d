/**
 * How Twitch's answer travels from the callback page (`auth.html`, the redirect URL) back to the
 * setup page. In a popup it is posted to the opener, to this site's exact origin. When the popup
 * was blocked and the whole tab went to Twitch, it goes through this tab's sessionStorage.
 */

/** `type` of the message the callback page posts to its opener: `{ type, answer }`, the answer's fragment as text. */
export const LOGIN_MESSAGE = 'ovl-twitch-login';

/** sessionStorage: the setup page to return to after a same-tab trip to Twitch. */
export const RETURN_KEY = 'ovl.auth.return';

/** sessionStorage: Twitch's answer, left by the callback page for the setup page it returns to. */
export const ANSWER_KEY = 'ovl.auth.answer';
