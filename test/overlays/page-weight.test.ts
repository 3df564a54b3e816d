import { beforeAll, expect, test } from 'vitest';
import { commands } from 'vitest/browser';
import type { SiteWeight } from '../node/site-weight.js';

// One build of the site, weighed page by page as `npm run bench` does (scripts/page-weight.mjs).
let site: SiteWeight;
beforeAll(async () => {
  site = await commands.siteWeight();
}, 120_000);

const onDemand = (page: string) => site.pages[page]!.lazy.map((chunk) => chunk.name);
const upFront = (page: string) => site.pages[page]!.modules.map((module) => module.name);

// Issues 14 and 15: chat features and providers load on demand, so what the chat page loads up
// front (HTML, CSS, JS with tmi.js and Lit, gzip) stays within its weight before them, plus what
// the dock's answer and chat history must put on the page (CHAT_PAGE_WEIGHT_LIMIT says what).
test('the chat page loads no more up front than before the chat features; providers and themes load on demand', () => {
  const { initial } = site.pages.chat!;
  expect(initial).toBeGreaterThan(20_000);
  expect(initial, `chat page up front: ${initial} B gzip, limit: ${site.limits.chat} B`).toBeLessThanOrEqual(site.limits.chat);
  for (const name of ['overlays/chat-providers.ts', 'components/chat/chat-themes.ts', 'simulator/chat-simulator.ts', 'components/status/ovl-setup-card.ts']) {
    expect(onDemand('chat')).toContain(name);
  }
});

// Issue 21: many labels may be open at once. The label page loads up front what draws it from
// the history (README, Benchmarks), within its limit; its connection, and what only some pages
// need, load on demand. (That it runs without Lit: label-page.test.ts.)
test('the label page stays within its up-front weight; its connection, the demo, replay and setup card load on demand', () => {
  const { initial } = site.pages.label!;
  expect(initial).toBeGreaterThan(5_000);
  expect(initial, `label page up front: ${initial} B gzip, limit: ${site.limits.label} B`).toBeLessThanOrEqual(site.limits.label);
  for (const name of ['overlays/label-connection.ts', 'simulator/eventsub-simulator.ts', 'boot/record-modes.ts', 'replay/load-replay.ts', 'components/status/ovl-setup-card.ts']) {
    expect(onDemand('label')).toContain(name);
  }
  // Up front, the page's own code, and none of what it carried before issue 21's trims: the EventSub
  // catalog (its registry entry's scopes), reading ?record and ?replay, the logins' formats, the emote services' addresses,
  // and the history's writing (storing, trimming, finding another session's copy), which its connection opens.
  expect(upFront('label')).toEqual(expect.arrayContaining(['boot/boot.ts', 'sources/history/history-reader.ts', 'components/label/ovl-label.ts']));
  for (const name of ['sources/eventsub/subscription-catalog.ts', 'registry/label.ts', 'replay/replay-request.ts', 'config/string-formats.ts', 'chat-lookups/emotes/emote-endpoints.ts', 'sources/history/event-history.ts', 'sources/history/stored-copies.ts', 'domain/event-copies.ts']) {
    expect(upFront('label')).not.toContain(name);
  }
});
