import { rmSync } from 'node:fs';
import type { BrowserCommand } from 'vitest/node';
import { CHAT_PAGE_WEIGHT_LIMIT, buildSite, type SiteBuild } from '../../scripts/page-weight.mjs';

/** The chat page's weight, measured as `npm run bench` measures it, and the most it may load up front (scripts/page-weight.mjs). */
export interface ChatPageWeight extends Pick<SiteBuild, 'initial' | 'lazy'> {
  readonly limit: number;
}

/** Builds the site as `vite build` does and weighs the chat page. */
async function chatPageWeight(): Promise<ChatPageWeight> {
  const { outDir, initial, lazy } = await buildSite();
  rmSync(outDir, { recursive: true, force: true });
  return { initial, limit: CHAT_PAGE_WEIGHT_LIMIT, lazy };
}

export const siteWeightCommands = {
  chatPageWeight: (async () => chatPageWeight()) as BrowserCommand<[]>,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    chatPageWeight(): Promise<ChatPageWeight>;
  }
}
