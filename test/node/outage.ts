import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * A fake server going away and coming back, as Twitch does in an outage: while it is away every
 * connection is cut the moment it is accepted (the browser sees the connection fail, as when it
 * is refused) and counted, so a test can tell how often a client tried; the connections open
 * when it went away are cut too. Back, the server answers on the same port as before.
 */
export class Outage {
  private away = false;
  private attempts = 0;
  private readonly open = new Set<Socket>();

  constructor(server: HttpServer) {
    // Before the server's own handler, so a cut connection never reaches it.
    server.prependListener('connection', (socket: Socket) => {
      if (this.away) {
        this.attempts += 1;
        socket.destroy();
        return;
      }
      this.open.add(socket);
      socket.once('close', () => this.open.delete(socket));
    });
  }

  /** Connections cut since the server went away (the current or the last outage). */
  get refused(): number {
    return this.attempts;
  }

  /** Away (true): cuts every open connection and every new one. Back (false). Returns `refused`. */
  set(away: boolean): number {
    if (away && !this.away) {
      this.attempts = 0;
      for (const socket of this.open) socket.destroy();
    }
    this.away = away;
    return this.attempts;
  }
}

/**
 * A WebSocket server on 127.0.0.1 that can go away (`outage`), as the fakes of Twitch's
 * EventSub and chat are. A plain HTTP request (a client asking whether the server is there
 * before opening a WebSocket) gets what Twitch's hosts answer one: 426.
 */
export class AwayableSocketServer {
  readonly outage: Outage;
  readonly wss: WebSocketServer;

  private constructor(private readonly server: HttpServer) {
    this.outage = new Outage(server);
    server.on('request', (_req, res) => res.writeHead(426, { 'Content-Type': 'text/plain' }).end('Upgrade Required'));
    this.wss = new WebSocketServer({ server });
  }

  static async start(): Promise<AwayableSocketServer> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return new AwayableSocketServer(server);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    await new Promise<void>((done) => this.wss.close(() => done()));
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}
