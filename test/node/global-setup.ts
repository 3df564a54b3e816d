import type { TestProject } from 'vitest/node';
import { holdSite, releaseFakes } from './fakes.js';

/**
 * Builds and serves the site for page tests. The protocol fakes are per worker and start on its
 * first command (fakes.ts); the browser reads their addresses from test/helpers/fake-servers.ts.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const site = await holdSite();
  project.provide('siteOrigin', site.origin);
  project.provide('siteDir', site.dir);
  return releaseFakes;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production build of every page, served statically. */
    siteOrigin: string;
    siteDir: string;
  }
}
