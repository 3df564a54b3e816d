import type { BrowserCommand } from 'vitest/node';
import { addressesOf, fakesFor, type FakeAddresses } from './fakes.js';
import { roomIdOf } from './fake-tmi.js';
import type { RecordedRequest, ScriptedResponse } from './fake-http.js';
import type { WhipSessionInfo } from './fake-whip.js';
import { pageCommands } from './pages.js';
import { packageCommands } from './package-consumer.js';
import { siteWeightCommands } from './site-weight.js';
import { importRuleCommands } from './import-rule.js';

/** The fakes that can go away: Twitch's chat, EventSub, its HTTP APIs, and the WHIP ingest. */
export type AwayServer = 'tmi' | 'eventsub' | 'http' | 'whip';
export type TwitchServer = Exclude<AwayServer, 'whip'>;

/** Browser commands: a test running in Chromium scripts the Node-side fake servers. */
export const commands = {
  /** Where this worker's own fake servers listen (test/node/fakes.ts). */
  fakeAddresses: (async (ctx) => addressesOf(await fakesFor(ctx.sessionId))) as BrowserCommand<[]>,
  tmiPush: (async (ctx, channel: string, lines: string[], oneFrame = false) => (await fakesFor(ctx.sessionId)).tmi.push(channel, lines, oneFrame)) as BrowserCommand<
    [string, string[], boolean?]
  >,
  tmiDrop: (async (ctx, channel: string) => (await fakesFor(ctx.sessionId)).tmi.drop(channel)) as BrowserCommand<[string]>,
  tmiSilence: (async (ctx, channel: string, silent: boolean) => (await fakesFor(ctx.sessionId)).tmi.silence(channel, silent)) as BrowserCommand<[string, boolean]>,
  tmiSent: (async (ctx, channel: string) => (await fakesFor(ctx.sessionId)).tmi.sent(channel)) as BrowserCommand<[string]>,
  tmiRefuseLogin: (async (ctx, token: string, on: boolean) => (await fakesFor(ctx.sessionId)).tmi.refuseLogin(token, on)) as BrowserCommand<[string, boolean]>,
  tmiJoinCount: (async (ctx, channel: string) => (await fakesFor(ctx.sessionId)).tmi.joinCount(channel)) as BrowserCommand<[string]>,
  /** The id the fake TMI server gives `channel` in ROOMSTATE. */
  tmiRoomId: (async (_ctx, channel: string) => roomIdOf(channel)) as BrowserCommand<[string]>,
  httpScript: (async (ctx, method: string, path: string, responses: ScriptedResponse[]) => (await fakesFor(ctx.sessionId)).http.script(method, path, responses)) as BrowserCommand<
    [string, string, ScriptedResponse[]]
  >,
  httpExposeRateLimit: (async (ctx, on: boolean) => (await fakesFor(ctx.sessionId)).http.exposeRateLimit(on)) as BrowserCommand<[boolean]>,
  httpRequests: (async (ctx, prefix: string) => (await fakesFor(ctx.sessionId)).http.requests(prefix)) as BrowserCommand<[string]>,
  httpSetStream: (async (ctx, userId: string, stream: Record<string, unknown> | null) => (await fakesFor(ctx.sessionId)).http.setStream(userId, stream)) as BrowserCommand<
    [string, Record<string, unknown> | null]
  >,
  esNotify: (async (ctx, type: string, event: Record<string, unknown>, copies = 1, version?: string) => (await fakesFor(ctx.sessionId)).eventsub.notify(type, event, copies, version)) as BrowserCommand<
    [string, Record<string, unknown>, number?, string?]
  >,
  esRefuse: (async (ctx, type: string, status: number) => (await fakesFor(ctx.sessionId)).eventsub.refuse(type, status)) as BrowserCommand<[string, number]>,
  esReconnect: (async (ctx) => (await fakesFor(ctx.sessionId)).eventsub.reconnect()) as BrowserCommand<[]>,
  esRevoke: (async (ctx, type: string, status: string) => (await fakesFor(ctx.sessionId)).eventsub.revoke(type, status)) as BrowserCommand<[string, string]>,
  esTriggerWithStatus: (async (ctx, type: string, status: string) => (await fakesFor(ctx.sessionId)).eventsub.triggerWithStatus(type, status)) as BrowserCommand<[string, string]>,
  esCloseAll: (async (ctx, code: number) => (await fakesFor(ctx.sessionId)).eventsub.closeAll(code)) as BrowserCommand<[number]>,
  esSilence: (async (ctx, on: boolean) => (await fakesFor(ctx.sessionId)).eventsub.silence(on)) as BrowserCommand<[boolean]>,
  esSessions: (async (ctx) => (await fakesFor(ctx.sessionId)).eventsub.list()) as BrowserCommand<[]>,
  esConnections: (async (ctx, tag: string) => (await fakesFor(ctx.sessionId)).eventsub.connections(tag)) as BrowserCommand<[string]>,
  esRaw: (async (ctx, text: string) => (await fakesFor(ctx.sessionId)).eventsub.raw(text)) as BrowserCommand<[string]>,
  psPublish: (async (ctx, topic: string, inner: unknown) => (await fakesFor(ctx.sessionId)).pubsub.publish(topic, inner)) as BrowserCommand<[string, unknown]>,
  psReconnect: (async (ctx) => (await fakesFor(ctx.sessionId)).pubsub.reconnect()) as BrowserCommand<[]>,
  psSilence: (async (ctx, on: boolean) => (await fakesFor(ctx.sessionId)).pubsub.silence(on)) as BrowserCommand<[boolean]>,
  psStats: (async (ctx) => {
    const { pubsub } = await fakesFor(ctx.sessionId);
    return { pings: pubsub.pings, listens: pubsub.listens };
  }) as BrowserCommand<[]>,
  heatSend: (async (ctx, channelId: string, frames: string[]) => (await fakesFor(ctx.sessionId)).heat.send(channelId, frames)) as BrowserCommand<[string, string[]]>,
  heatRefuse: (async (ctx, channelId: string, on: boolean) => (await fakesFor(ctx.sessionId)).heat.refuse(channelId, on)) as BrowserCommand<[string, boolean]>,
  stallAccepted: (async (ctx) => (await fakesFor(ctx.sessionId)).stall.accepted) as BrowserCommand<[]>,
  whipSessions: (async (ctx) => (await fakesFor(ctx.sessionId)).whip.list()) as BrowserCommand<[]>,
  whipKill: (async (ctx, id: string) => (await fakesFor(ctx.sessionId)).whip.kill(id)) as BrowserCommand<[string]>,
  /**
   * Takes a fake server away (`away` true: connections cut as they come, and counted) or brings
   * it back; returns the connections cut since it went away. The WHIP server forgets its sessions.
   */
  fakeAway: (async (ctx, server: AwayServer, away: boolean) => {
    const fakes = await fakesFor(ctx.sessionId);
    return server === 'whip' ? fakes.whip.away(away) : fakes[server].outage.set(away);
  }) as BrowserCommand<[AwayServer, boolean]>,
  /** Of Twitch's fakes, the connections cut since it went away, and how many of them were WebSocket handshakes. */
  fakeRefused: (async (ctx, server: TwitchServer) => {
    const { outage } = (await fakesFor(ctx.sessionId))[server];
    return { connections: outage.refused, webSockets: outage.refusedWebSockets };
  }) as BrowserCommand<[TwitchServer]>,
  httpSetLive: (async (ctx, path: string, body: unknown) => (await fakesFor(ctx.sessionId)).http.setLive(path, body)) as BrowserCommand<[string, unknown]>,
  ...pageCommands,
  ...packageCommands,
  ...siteWeightCommands,
  ...importRuleCommands,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    fakeAddresses(): Promise<FakeAddresses>;
    tmiPush(channel: string, lines: string[], oneFrame?: boolean): Promise<number>;
    whipSessions(): Promise<WhipSessionInfo[]>;
    whipKill(id: string): Promise<boolean>;
    fakeAway(server: AwayServer, away: boolean): Promise<number>;
    fakeRefused(server: TwitchServer): Promise<{ connections: number; webSockets: number }>;
    httpSetLive(path: string, body: unknown): Promise<void>;
    tmiDrop(channel: string): Promise<number>;
    tmiSilence(channel: string, silent: boolean): Promise<void>;
    tmiSent(channel: string): Promise<string[]>;
    tmiJoinCount(channel: string): Promise<number>;
    tmiRoomId(channel: string): Promise<string>;
    tmiRefuseLogin(token: string, on: boolean): Promise<void>;
    httpScript(method: string, path: string, responses: ScriptedResponse[]): Promise<void>;
    httpRequests(prefix: string): Promise<RecordedRequest[]>;
    httpExposeRateLimit(on: boolean): Promise<void>;
    httpSetStream(userId: string, stream: Record<string, unknown> | null): Promise<void>;
    esNotify(type: string, event: Record<string, unknown>, copies?: number, version?: string): Promise<number>;
    esRefuse(type: string, status: number): Promise<void>;
    esReconnect(): Promise<void>;
    esRevoke(type: string, status: string): Promise<void>;
    esTriggerWithStatus(type: string, status: string): Promise<number>;
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
    stallAccepted(): Promise<number>;
  }
}
