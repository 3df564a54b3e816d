import type { TestProject } from 'vitest/node';
import { holdFakes, releaseFakes } from './fakes.js';

/** Starts the fake protocol servers (127.0.0.1 only) and hands their ports to the tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { tmi } = await holdFakes();
  project.provide('tmiPort', tmi.port);
  return releaseFakes;
}

declare module 'vitest' {
  export interface ProvidedContext {
    tmiPort: number;
  }
}
