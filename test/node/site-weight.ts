import { rmSync } from 'node:fs';
import type { BrowserCommand } from 'vitest/node';
import { CHAT_PAGE_WEIGHT_LIMIT, LABEL_PAGE_WEIGHT_LIMIT, buildSite, type PageWeight } from '../../scripts/page-weight.mjs';

/** Every page's weight, measured as `npm run bench` measures it, and the most the chat and label pages may load up front (scripts/page-weight.mjs). */
export interface SiteWeight {
  readonly pages: Readonly<Record<string, PageWeight>>;
  readonly limits: { readonly chat: number; readonly label: number };
}

/** Builds the site as `vite build` does and weighs each page. */
async function siteWeight(): Promise<SiteWeight> {
  const { outDir, pages } = await buildSite();
  rmSync(outDir, { recursive: true, force: true });
  return { pages, limits: { chat: CHAT_PAGE_WEIGHT_LIMIT, label: LABEL_PAGE_WEIGHT_LIMIT } };
}

export const siteWeightCommands = {
  siteWeight: (async () => siteWeight()) as BrowserCommand<[]>,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    siteWeight(): Promise<SiteWeight>;
  }
}
