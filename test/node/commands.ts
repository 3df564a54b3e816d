import type { BrowserCommand } from 'vitest/node';
import { fakes } from './fakes.js';
import { roomIdOf } from './fake-tmi.js';
import type { RecordedRequest, ScriptedResponse } from './fake-http.js';
import type { WhipSessionInfo } from './fake-whip.js';
import { pageCommands } from './pages.js';
import { packageCommands } from './package-consumer.js';
import { siteWeightCommands } from './site-weight.js';

/** Browser commands: a test running in Chromium scripts the Node-side fake servers. */
export const commands = {
  tmiPush: (async (_ctx, channel: string, lines: string[], oneFrame = false) => (await fakes()).tmi.push(channel, lines, oneFrame)) as BrowserCommand<
    [string, string[], boolean?]
  >,
  tmiDrop: (async (_ctx, channel: string) => (await fakes()).tmi.drop(channel)) as BrowserCommand<[string]>,
  tmiSilence: (async (_ctx, channel: string, silent: boolean) => (await fakes()).tmi.silence(channel, silent)) as BrowserCommand<[string, boolean]>,
  tmiSent: (async (_ctx, channel: string) => (await fakes()).tmi.sent(channel)) as BrowserCommand<[string]>,
  tmiRefuseLogin: (async (_ctx, token: string, on: boolean) => (await fakes()).tmi.refuseLogin(token, on)) as BrowserCommand<[string, boolean]>,
  tmiJoinCount: (async (_ctx, channel: string) => (await fakes()).tmi.joinCount(channel)) as BrowserCommand<[string]>,
  /** The id the fake TMI server gives `channel` in ROOMSTATE. */
  tmiRoomId: (async (_ctx, channel: string) => roomIdOf(channel)) as BrowserCommand<[string]>,
  httpScript: (async (_ctx, method: string, path: string, responses: ScriptedResponse[]) => (await fakes()).http.script(method, path, responses)) as BrowserCommand<
    [string, string, ScriptedResponse[]]
  >,
  httpRequests: (async (_ctx, prefix: string) => (await fakes()).http.requests(prefix)) as BrowserCommand<[string]>,
  httpSetStream: (async (_ctx, userId: string, stream: Record<string, unknown> | null) => (await fakes()).http.setStream(userId, stream)) as BrowserCommand<
    [string, Record<string, unknown> | null]
  >,
  esNotify: (async (_ctx, type: string, event: Record<string, unknown>, copies = 1, version?: string) => (await fakes()).eventsub.notify(type, event, copies, version)) as BrowserCommand<
    [string, Record<string, unknown>, number?, string?]
  >,
  esRefuse: (async (_ctx, type: string, status: number) => (await fakes()).eventsub.refuse(type, status)) as BrowserCommand<[string, number]>,
  esReconnect: (async () => (await fakes()).eventsub.reconnect()) as BrowserCommand<[]>,
  esRevoke: (async (_ctx, type: string, status: string) => (await fakes()).eventsub.revoke(type, status)) as BrowserCommand<[string, string]>,
  esCloseAll: (async (_ctx, code: number) => (await fakes()).eventsub.closeAll(code)) as BrowserCommand<[number]>,
  esSilence: (async (_ctx, on: boolean) => (await fakes()).eventsub.silence(on)) as BrowserCommand<[boolean]>,
  esSessions: (async () => (await fakes()).eventsub.list()) as BrowserCommand<[]>,
  esConnections: (async (_ctx, tag: string) => (await fakes()).eventsub.connections(tag)) as BrowserCommand<[string]>,
  esRaw: (async (_ctx, text: string) => (await fakes()).eventsub.raw(text)) as BrowserCommand<[string]>,
  psPublish: (async (_ctx, topic: string, inner: unknown) => (await fakes()).pubsub.publish(topic, inner)) as BrowserCommand<[string, unknown]>,
  psReconnect: (async () => (await fakes()).pubsub.reconnect()) as BrowserCommand<[]>,
  psSilence: (async (_ctx, on: boolean) => (await fakes()).pubsub.silence(on)) as BrowserCommand<[boolean]>,
  psStats: (async () => {
    const { pubsub } = await fakes();
    return { pings: pubsub.pings, listens: pubsub.listens };
  }) as BrowserCommand<[]>,
  heatSend: (async (_ctx, channelId: string, frames: string[]) => (await fakes()).heat.send(channelId, frames)) as BrowserCommand<[string, string[]]>,
  heatRefuse: (async (_ctx, channelId: string, on: boolean) => (await fakes()).heat.refuse(channelId, on)) as BrowserCommand<[string, boolean]>,
  stallHeld: (async () => (await fakes()).stall.held) as BrowserCommand<[]>,
  whipSessions: (async () => (await fakes()).whip.list()) as BrowserCommand<[]>,
  whipKill: (async (_ctx, id: string) => (await fakes()).whip.kill(id)) as BrowserCommand<[string]>,
  ...pageCommands,
  ...packageCommands,
  ...siteWeightCommands,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    tmiPush(channel: string, lines: string[], oneFrame?: boolean): Promise<number>;
    whipSessions(): Promise<WhipSessionInfo[]>;
    whipKill(id: string): Promise<boolean>;
    tmiDrop(channel: string): Promise<number>;
    tmiSilence(channel: string, silent: boolean): Promise<void>;
    tmiSent(channel: string): Promise<string[]>;
    tmiJoinCount(channel: string): Promise<number>;
    tmiRoomId(channel: string): Promise<string>;
    tmiRefuseLogin(token: string, on: boolean): Promise<void>;
    httpScript(method: string, path: string, responses: ScriptedResponse[]): Promise<void>;
    httpRequests(prefix: string): Promise<RecordedRequest[]>;
    httpSetStream(userId: string, stream: Record<string, unknown> | null): Promise<void>;
    esNotify(type: string, event: Record<string, unknown>, copies?: number, version?: string): Promise<number>;
    esRefuse(type: string, status: number): Promise<void>;
    esReconnect(): Promise<void>;
    esRevoke(type: string, status: string): Promise<void>;
    esCloseAll(code: number): Promise<void>;
    esSilence(on: boolean): Promise<void>;
    esSessions(): Promise<{ id: string; tag: string; types: string[] }[]>;
    esConnections(tag: string): Promise<{ opened: number; open: number }>;
    esRaw(text: string): Promise<void>;
    psPublish(topic: string, inner: unknown): Promise<number>;
    psReconnect(): Promise<void>;
    psSilence(on: boolean): Promise<void>;
    psStats(): Promise<{ pings: number; listens: number }>;
    heatSend(channelId: string, frames: string[]): Promise<number>;
    heatRefuse(channelId: string, on: boolean): Promise<void>;
    stallHeld(): Promise<number>;
  }
}
