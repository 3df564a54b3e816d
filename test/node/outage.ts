import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer } from 'ws';

/** The header that makes a request a WebSocket handshake (RFC 6455 §4.1). */
const UPGRADE_TO_WEBSOCKET = /^upgrade:[ \t]*websocket[ \t]*$/im;

/**
 * A fake server going away and coming back, as Twitch does in an outage: while it is away every
 * connection is cut once its request has arrived (the browser sees the connection fail, with no
 * answer) and counted, so a test can tell how often a client tried, and how often it tried a
 * WebSocket: the attempts Chromium counts against a page (src/core/server-answers.ts). The
 * server's own handlers never see a connection made while it is away. The connections open when
 * it went away are cut too. Back, the server answers on the same port as before.
 */
export class Outage {
  private away = false;
  private attempts = 0;
  private handshakes = 0;
  private readonly open = new Set<Socket>();

  constructor(server: HttpServer) {
    const serve = server.listeners('connection') as ((socket: Socket) => void)[];
    server.removeAllListeners('connection');
    server.on('connection', (socket: Socket) => {
      if (this.away) return this.cut(socket);
      this.open.add(socket);
      socket.once('close', () => this.open.delete(socket));
      for (const listener of serve) listener.call(server, socket);
    });
  }

  /** Connections cut since the server went away (the current or the last outage). */
  get refused(): number {
    return this.attempts;
  }

  /** Of the `refused` connections, those that asked for a WebSocket. */
  get refusedWebSockets(): number {
    return this.handshakes;
  }

  /** Away (true): cuts every open connection and every new one. Back (false). Returns `refused`. */
  set(away: boolean): number {
    if (away && !this.away) {
      this.attempts = 0;
      this.handshakes = 0;
      for (const socket of this.open) socket.destroy();
    }
    this.away = away;
    return this.attempts;
  }

  private cut(socket: Socket): void {
    this.attempts += 1;
    let head = '';
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      if (UPGRADE_TO_WEBSOCKET.test(head)) this.handshakes += 1;
      socket.destroy();
    });
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
