import { expect, test } from 'vitest';
import { commands } from 'vitest/browser';

// Issues 14 and 15: chat features and providers load on demand, so what the chat page loads up
// front (HTML, CSS, JS with tmi.js and Lit, gzip) stays within its weight before them.
test('the chat page loads no more up front than before the chat features; providers and themes load on demand', { timeout: 120_000 }, async () => {
  const { initial, before, lazy } = await commands.chatPageWeight();
  expect(initial).toBeGreaterThan(20_000);
  expect(initial, `chat page up front: ${initial} B gzip, before: ${before} B`).toBeLessThanOrEqual(before);
  const onDemand = lazy.map((chunk) => chunk.name);
  for (const name of ['overlays/chat-providers.ts', 'components/chat/chat-themes.ts', 'simulator/chat-simulator.ts', 'components/status/ovl-setup-card.ts']) {
    expect(onDemand).toContain(name);
  }
});
