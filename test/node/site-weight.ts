import { rmSync } from 'node:fs';
import type { BrowserCommand } from 'vitest/node';
import { CHAT_PAGE_WEIGHT_BEFORE, buildSite } from '../../scripts/page-weight.mjs';

export interface ChatPageWeight {
  /** Gzip bytes loaded up front, measured as `npm run bench` measures them. */
  readonly initial: number;
  readonly before: number;
  readonly lazy: readonly { name: string; bytes: number }[];
}

/** Builds the site as `vite build` does and weighs the chat page. */
async function chatPageWeight(): Promise<ChatPageWeight> {
  const { outDir, initial, lazy } = await buildSite();
  rmSync(outDir, { recursive: true, force: true });
  return { initial, before: CHAT_PAGE_WEIGHT_BEFORE, lazy };
}

export const siteWeightCommands = {
  chatPageWeight: (async () => chatPageWeight()) as BrowserCommand<[]>,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    chatPageWeight(): Promise<ChatPageWeight>;
  }
}
