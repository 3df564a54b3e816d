import type { TestProject } from 'vitest/node';
import { FakeTmiServer } from './fake-tmi.js';
import { setFakes } from './fakes.js';

/** Starts the fake protocol servers once for the whole run, on 127.0.0.1 only. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const tmi = await FakeTmiServer.start();
  setFakes({ tmi });
  project.provide('tmiPort', tmi.port);
  return async () => {
    await tmi.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    tmiPort: number;
  }
}
