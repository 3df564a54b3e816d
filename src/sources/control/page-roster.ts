import type { PresenceReport } from './control-protocol.js';

/** A page the dock has heard from, and whether it still answers. */
export interface RosterPage {
  readonly report: PresenceReport;
  /** Epoch ms of its last presence. */
  readonly heardAt: number;
  /** No presence for GONE_AFTER_MS: closed, crashed, or its browser frozen. */
  readonly gone: boolean;
}

/** A page silent this long is shown gone: the dock pings every second, so that is three unanswered pings. */
export const GONE_AFTER_MS = 3500;
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
