import type { PresenceReport } from './control-protocol.js';

/** A page the dock has heard from, and whether it still answers. */
export interface RosterPage {
  readonly report: PresenceReport;
  /** Epoch ms of its last presence. */
  readonly heardAt: number;
  /** No presence for GONE_AFTER_MS: closed, crashed, or its browser frozen. */
  readonly gone: boolean;
}

/**
 * How often the dock asks every page for its presence. Each ping wakes every open page, and each
 * answer wakes the dock: with 5 overlays open, at one a second they were most of an idle dock's
 * main-thread time (README, the control dock's bench).
 */
export const PING_MS = 1500;
/**
 * A page silent this long is shown gone: two pings unanswered, with half a ping's slack for a
 * late timer or a slow answer. Checked at each ping, a page that closes is shown gone at most
 * three pings (4.5 s) after its last answer.
 */
export const GONE_AFTER_MS = 2.5 * PING_MS;
/** A gone page stays listed this long, so the streamer sees which one went. */
export const FORGET_AFTER_MS = 60_000;

/**
 * The open pages of the origin as their presence reports say (the dock's Overlays section and
 * its waiting-alert count), with no DOM: the latest report per page, and which pages went silent.
 */
export class PageRoster {
  private readonly pages = new Map<string, { report: PresenceReport; heardAt: number }>();

  heard(report: PresenceReport, now: number): void {
    this.pages.set(report.page, { report, heardAt: now });
  }

  /** Every page heard within FORGET_AFTER_MS, in the order they first spoke; pages silent longer are dropped. */
  list(now: number): RosterPage[] {
    const listed: RosterPage[] = [];
    for (const [page, { report, heardAt }] of this.pages) {
      if (now - heardAt > FORGET_AFTER_MS) this.pages.delete(page);
      else listed.push({ report, heardAt, gone: now - heardAt > GONE_AFTER_MS });
    }
    return listed;
  }
}
