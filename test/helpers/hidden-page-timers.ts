/**
 * Throttles this page's own timers as Chromium throttles a hidden page (reference §2): each one
 * wakes only at the next multiple of `wakeMs` on the page's clock (1 s for a hidden page, 60 s
 * after five minutes hidden), as Chromium aligns its throttled wake-ups. Timers in a worker are
 * left alone, as Chromium leaves them. Messages (WebSocket, BroadcastChannel) are not timers
 * and arrive at once, as in Chromium.
 *
 * The test browser cannot reach Chromium's own throttling: Playwright launches it with
 * `--disable-background-timer-throttling`, and a headless page stays visible (a second tab, a
 * popup and a minimised window all left it `visible`).
 */
export function throttleLikeHiddenPage(wakeMs: number): void {
  const pageSetTimeout = window.setTimeout.bind(window);
  const pageSetInterval = window.setInterval.bind(window);
  const untilWake = (ms = 0) => {
    const now = performance.now();
    return Math.ceil((now + Math.max(0, ms)) / wakeMs) * wakeMs - now;
  };
  window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => pageSetTimeout(handler, untilWake(ms), ...args)) as typeof window.setTimeout;
  window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => pageSetInterval(handler, Math.max(wakeMs, ms ?? 0), ...args)) as typeof window.setInterval;
}
