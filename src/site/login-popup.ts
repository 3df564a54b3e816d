import { LOGIN_MESSAGE } from './login-handoff.js';

/** How often the page looks whether the streamer closed the popup. */
const CLOSED_CHECK_MS = 500;

export interface LoginPopupHandlers {
  /** Twitch's answer, as the callback page in this popup posted it. */
  readonly onAnswer: (answer: URLSearchParams) => void;
  /** The popup was closed before `close()`. */
  readonly onClosed: () => void;
}

/**
 * The popup a Connect runs in: it opens on Twitch's authorize page, comes back to the callback
 * page, which posts the answer here, and is sent on to the next login or closed by this page.
 * Only a message from that popup, on this site's own origin, is taken; the answer's `state` is
 * checked by whoever takes it.
 */
export class LoginPopup {
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly onMessage = (event: MessageEvent) => {
    if (event.origin !== location.origin || event.source !== this.popup) return;
    const data: unknown = event.data;
    if (!data || typeof data !== 'object') return;
    const { type, answer } = data as { type?: unknown; answer?: unknown };
    if (type === LOGIN_MESSAGE && typeof answer === 'string') this.handlers.onAnswer(new URLSearchParams(answer));
  };

  private constructor(
    private readonly popup: Window,
    private readonly handlers: LoginPopupHandlers,
  ) {
    window.addEventListener('message', this.onMessage);
    this.timer = setInterval(() => {
      if (!this.popup.closed) return;
      this.stop();
      this.handlers.onClosed();
    }, CLOSED_CHECK_MS);
  }

  /**
   * Opens the popup on `url`; null when the browser blocked it. Call it in the click's own task:
   * browsers allow a popup only right after the streamer's gesture.
   */
  static open(url: string, handlers: LoginPopupHandlers): LoginPopup | null {
    const popup = window.open(url, 'ovl-twitch-login', 'width=520,height=760');
    return popup ? new LoginPopup(popup, handlers) : null;
  }

  /** Sends the popup on to the next login, in place (no history entry to go back to). */
  navigate(url: string): void {
    this.popup.location.replace(url);
  }

  close(): void {
    this.stop();
    this.popup.close();
  }

  private stop(): void {
    clearInterval(this.timer);
    window.removeEventListener('message', this.onMessage);
  }
}
