import { WebSocketServer, type WebSocket } from 'ws';
import type { AddressInfo } from 'node:net';

/**
 * Twitch's legacy PubSub on 127.0.0.1 (twitch-protocols.md §2): LISTEN → RESPONSE (ERR_BADAUTH
 * for the token `revoked`), PING → PONG, server RECONNECT, and MESSAGE with its JSON-in-a-string.
 */
export class FakePubSubServer {
  private readonly listeners = new Map<WebSocket, Set<string>>();
  private silent = false;
  /** PINGs received, for assertions. */
  pings = 0;
  listens = 0;

  private constructor(private readonly wss: WebSocketServer) {
    wss.on('connection', (socket) => {
      this.listeners.set(socket, new Set());
      socket.on('close', () => this.listeners.delete(socket));
      socket.on('message', (data) => this.handle(socket, String(data)));
    });
  }

  static async start(): Promise<FakePubSubServer> {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((done) => wss.once('listening', done));
    return new FakePubSubServer(wss);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}`;
  }

  publish(topic: string, inner: unknown): number {
    let sent = 0;
    for (const [socket, topics] of this.listeners) {
      if (!topics.has(topic)) continue;
      socket.send(JSON.stringify({ type: 'MESSAGE', data: { topic, message: JSON.stringify(inner) } }));
      sent += 1;
    }
    return sent;
  }

  reconnect(): void {
    for (const socket of this.listeners.keys()) socket.send(JSON.stringify({ type: 'RECONNECT' }));
  }

  /** Stop answering PINGs. */
  silence(on: boolean): void {
    this.silent = on;
  }

  async close(): Promise<void> {
    for (const socket of this.listeners.keys()) socket.terminate();
    await new Promise<void>((done) => this.wss.close(() => done()));
  }

  private handle(socket: WebSocket, text: string): void {
    const message = JSON.parse(text) as { type: string; nonce?: string; data?: { topics?: string[]; auth_token?: string } };
    if (message.type === 'PING') {
      this.pings += 1;
      if (!this.silent) socket.send(JSON.stringify({ type: 'PONG' }));
    } else if (message.type === 'LISTEN') {
      this.listens += 1;
      const bad = message.data?.auth_token === 'revoked';
      if (!bad) for (const topic of message.data?.topics ?? []) this.listeners.get(socket)?.add(topic);
      socket.send(JSON.stringify({ type: 'RESPONSE', nonce: message.nonce, error: bad ? 'ERR_BADAUTH' : '' }));
    }
  }
}
