import type { BrowserCommand } from 'vitest/node';
import { fakes } from './fakes.js';
import type { RecordedRequest, ScriptedResponse } from './fake-http.js';
import { pageCommands } from './pages.js';

/** Browser commands: a test running in Chromium scripts the Node-side fake servers. */
export const commands = {
  tmiPush: (async (_ctx, channel: string, lines: string[], oneFrame = false) => (await fakes()).tmi.push(channel, lines, oneFrame)) as BrowserCommand<
    [string, string[], boolean?]
  >,
  tmiDrop: (async (_ctx, channel: string) => (await fakes()).tmi.drop(channel)) as BrowserCommand<[string]>,
  tmiSilence: (async (_ctx, channel: string, silent: boolean) => (await fakes()).tmi.silence(channel, silent)) as BrowserCommand<[string, boolean]>,
  tmiSent: (async (_ctx, channel: string) => (await fakes()).tmi.sent(channel)) as BrowserCommand<[string]>,
  tmiJoinCount: (async (_ctx, channel: string) => (await fakes()).tmi.joinCount(channel)) as BrowserCommand<[string]>,
  httpScript: (async (_ctx, method: string, path: string, responses: ScriptedResponse[]) => (await fakes()).http.script(method, path, responses)) as BrowserCommand<
    [string, string, ScriptedResponse[]]
  >,
  httpRequests: (async (_ctx, prefix: string) => (await fakes()).http.requests(prefix)) as BrowserCommand<[string]>,
  httpSetStream: (async (_ctx, userId: string, stream: Record<string, unknown> | null) => (await fakes()).http.setStream(userId, stream)) as BrowserCommand<
    [string, Record<string, unknown> | null]
  >,
  ...pageCommands,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    tmiPush(channel: string, lines: string[], oneFrame?: boolean): Promise<number>;
    tmiDrop(channel: string): Promise<number>;
    tmiSilence(channel: string, silent: boolean): Promise<void>;
    tmiSent(channel: string): Promise<string[]>;
    tmiJoinCount(channel: string): Promise<number>;
    httpScript(method: string, path: string, responses: ScriptedResponse[]): Promise<void>;
    httpRequests(prefix: string): Promise<RecordedRequest[]>;
    httpSetStream(userId: string, stream: Record<string, unknown> | null): Promise<void>;
  }
}
