import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A server on 127.0.0.1 that accepts the TCP connection and then never answers, so a WebSocket
 * handshake to it never completes: the case a connect timeout exists for (a proxy or a host
 * that swallows the upgrade).
 */
export class FakeStallServer {
  private readonly sockets = new Set<Socket>();
  /**
   * Connections accepted since the start. Counted rather than read from those still open: when
   * a client abandons a handshake, Chromium may keep its TCP connection or close it, at a time
   * of its own.
   */
  accepted = 0;

  private constructor(private readonly server: Server) {
    server.on('connection', (socket) => {
      this.accepted += 1;
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(): Promise<FakeStallServer> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return new FakeStallServer(server);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}
