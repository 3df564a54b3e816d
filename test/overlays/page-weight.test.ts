import { expect, test } from 'vitest';
import { commands } from 'vitest/browser';

// Issues 14 and 15: chat features and providers load on demand, so what the chat page loads up
// front (HTML, CSS, JS with tmi.js and Lit, gzip) stays within its weight before them, plus what
// the dock's answer and chat history must put on the page (CHAT_PAGE_WEIGHT_LIMIT says what).
test('the chat page loads no more up front than before the chat features; providers and themes load on demand', { timeout: 120_000 }, async () => {
  const { initial, limit, lazy } = await commands.chatPageWeight();
  expect(initial).toBeGreaterThan(20_000);
  expect(initial, `chat page up front: ${initial} B gzip, limit: ${limit} B`).toBeLessThanOrEqual(limit);
  const onDemand = lazy.map((chunk) => chunk.name);
  for (const name of ['overlays/chat-providers.ts', 'components/chat/chat-themes.ts', 'simulator/chat-simulator.ts', 'components/status/ovl-setup-card.ts']) {
    expect(onDemand).toContain(name);
  }
});
