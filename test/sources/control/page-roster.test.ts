import { describe, expect, test } from 'vitest';
import { FORGET_AFTER_MS, GONE_AFTER_MS, PageRoster } from '../../../src/sources/control/page-roster.js';
import type { PresenceReport } from '../../../src/sources/control/control-protocol.js';

const presence = (page: string, overlay = 'alerts'): PresenceReport => ({ kind: 'presence', page, overlay, title: overlay, sources: [], eventsub: null });

describe('PageRoster', () => {
  test('keeps the latest report of each page, in the order pages first spoke; a silent page turns gone, then is forgotten', () => {
    const roster = new PageRoster();
    roster.heard(presence('a'), 0);
    roster.heard(presence('b', 'chat'), 100);
    roster.heard(presence('a', 'events'), 200);
    expect(roster.list(300).map(({ report, gone }) => [report.page, report.overlay, gone])).toEqual([
      ['a', 'events', false],
      ['b', 'chat', false],
    ]);
    roster.heard(presence('a'), GONE_AFTER_MS);
    expect(roster.list(GONE_AFTER_MS + 101).map(({ report, gone }) => [report.page, gone])).toEqual([
      ['a', false],
      ['b', true],
    ]);
    expect(roster.list(FORGET_AFTER_MS + 101).map(({ report }) => report.page)).toEqual(['a']);
    expect(roster.list(GONE_AFTER_MS + FORGET_AFTER_MS + 1)).toEqual([]);
  });
});
