import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';

/**
 * The Heat extension's WebSocket on 127.0.0.1 (twitch-protocols.md §5): `/channel/<id>`,
 * JSON click and system frames. A channel id starting with 404, or one marked with `refuse()`,
 * is refused with HTTP 404, as Heat does for a channel without the extension.
 */
export class FakeHeatServer {
  private readonly channels = new Map<WebSocket, string>();

  private constructor(
    private readonly wss: WebSocketServer,
    private readonly refused: Set<string>,
  ) {
    wss.on('connection', (socket, req) => {
      this.channels.set(socket, decodeURIComponent((req.url ?? '').replace(/^\/channel\//, '')));
      socket.on('close', () => this.channels.delete(socket));
    });
  }

  static async start(): Promise<FakeHeatServer> {
    const refused = new Set<string>();
    const wss = new WebSocketServer({
      host: '127.0.0.1',
      port: 0,
      verifyClient: ({ req }: { req: { url?: string } }, done: (ok: boolean, code?: number) => void) => {
        const channel = decodeURIComponent((req.url ?? '').replace(/^\/channel\//, ''));
        done(!channel.startsWith('404') && !refused.has(channel), 404);
      },
    });
    await new Promise<void>((resolve) => wss.once('listening', resolve));
    return new FakeHeatServer(wss, refused);
  }

  /** Refuses (or accepts again) connections for `channelId`, as if its extension were removed (or installed). */
  refuse(channelId: string, on: boolean): void {
    if (on) this.refused.add(channelId);
    else this.refused.delete(channelId);
  }

  /** Base URL: a source appends `/<channel id>`. */
  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}/channel`;
  }

  /** Sends raw frames to every connection on `channelId`. */
  send(channelId: string, frames: readonly string[]): number {
    let count = 0;
    for (const [socket, channel] of this.channels) {
      if (channel !== channelId) continue;
      for (const frame of frames) socket.send(frame);
      count += 1;
    }
    return count;
  }

  async close(): Promise<void> {
    for (const socket of this.channels.keys()) socket.terminate();
    await new Promise<void>((done) => this.wss.close(() => done()));
  }
}
